import Dispatch
import Foundation

/// Per-stage wall-clock timing of a comparison, printed to standard error when the environment
/// variable QC_STAGE_TIMES is set (used by `qcbench`; costs nothing otherwise).
struct StageClock {
    static let enabled = ProcessInfo.processInfo.environment["QC_STAGE_TIMES"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = StageClock.processCPUSeconds()

    /// Prints the wall time since the last mark and, after it, the CPU time of every thread of the
    /// process over the same span (CPU above wall means the stage ran on several cores).
    mutating func mark(_ stage: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.processCPUSeconds()
        FileHandle.standardError.write(Data(String(format: "stage %-16@ %7.3f s  cpu %6.3f s\n", stage as NSString,
                                                   Double(now - last) / 1e9, cpu - lastCPU).utf8))
        last = now
        lastCPU = cpu
    }

    /// User plus system time of all the process's threads.
    static func processCPUSeconds() -> Double {
        guard enabled else { return 0 }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Prints the process's peak resident memory so far (VmHWM), when enabled. Read in the process
    /// itself because a parent's rusage of a child inherits the parent's own high-water mark on Linux.
    func peakMemory() {
        guard Self.enabled,
              let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return }
        FileHandle.standardError.write(Data(String(format: "peak memory %.0f MB\n", kb / 1024).utf8))
    }
}
