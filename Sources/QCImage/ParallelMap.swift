import Dispatch

/// Runs independent per-index work (one outline point, one boundary point, one graduation) on every
/// core and returns the results in index order, so the output is the same whatever the scheduling.
/// Below `minimumPerChunk` items per core it runs inline: threads cost more than they save.
public enum ParallelMap {
    public static func map<T>(_ count: Int, minimumPerChunk: Int = 64, _ body: (Int) -> T) -> [T] {
        let cores = max(1, DispatchQueue.concurrentPerformWidth)
        let chunks = min(cores, max(1, count / max(1, minimumPerChunk)))
        if chunks <= 1 { return (0..<count).map(body) }
        var parts = [[T]](repeating: [], count: chunks)
        // Each chunk writes only its own slot, and `body` only reads what it captured: the unchecked
        // captures below are race-free by construction.
        withoutActuallyEscaping(body) { body in
            parts.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let out = slots
                nonisolated(unsafe) let work = body
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let lo = count * c / chunks, hi = count * (c + 1) / chunks
                    out[c] = (lo..<hi).map(work)
                }
            }
        }
        return parts.flatMap { $0 }
    }
}

extension DispatchQueue {
    /// Cores available to this process (the width worth splitting work into).
    static var concurrentPerformWidth: Int { ProcessInfo_activeProcessorCount() }
}

#if canImport(Glibc)
import Glibc
#endif

/// sysconf(_SC_NPROCESSORS_ONLN) without Foundation.
private func ProcessInfo_activeProcessorCount() -> Int {
    #if canImport(Glibc)
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
    return 1
    #endif
}
