import Dispatch
import Foundation

/// Per-stage wall-clock timing of a comparison, printed to standard error when the environment
/// variable QC_STAGE_TIMES is set (used by `qcbench`; costs nothing otherwise).
struct StageClock {
    static let enabled = ProcessInfo.processInfo.environment["QC_STAGE_TIMES"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func mark(_ stage: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data(String(format: "stage %-16@ %7.3f s\n", stage as NSString, Double(now - last) / 1e9).utf8))
        last = now
    }
}
