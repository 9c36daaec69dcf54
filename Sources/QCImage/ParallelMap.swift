import Dispatch
import Foundation
import Synchronization

/// Runs independent per-index work (one outline point, one boundary point, one graduation) on every
/// core and returns the results in index order, so the output is the same whatever the scheduling.
/// Below `minimumPerChunk` items per core it runs inline: threads cost more than they save.
public enum ParallelMap {
    /// Most threads one map may use, 0 for every core. Lot scoring lowers it so that workers × threads
    /// stay within the cores; a benchmark sets 1 to measure one core.
    public static let widthLimit = Atomic<Int>(0)

    /// Runs `body` with `widthLimit` set to `limit`, restoring the previous limit afterwards.
    public static func withWidthLimit<R>(_ limit: Int, _ body: () throws -> R) rethrows -> R {
        let previous = widthLimit.exchange(limit, ordering: .relaxed)
        defer { widthLimit.store(previous, ordering: .relaxed) }
        return try body()
    }

    /// Runs `body` on disjoint consecutive ranges covering 0..<count, one per core (inline below
    /// `minimumPerChunk` items per core). For filling one preallocated buffer: each range writes only
    /// its own part.
    public static func forEachRange(_ count: Int, minimumPerChunk: Int = 64, _ body: (Range<Int>) -> Void) {
        let chunks = chunkCount(count, minimumPerChunk: minimumPerChunk)
        if chunks <= 1 { body(0..<count); return }
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                work((count * c / chunks)..<(count * (c + 1) / chunks))
            }
        }
    }

    /// Runs `side` on a thread of its own while `main` runs on this one; returns both results.
    ///
    /// Not an apply: a map inside either closure still spreads over every core, which one nested in
    /// `concurrentPerform` would not do (libdispatch runs a nested apply serially). Under a width limit
    /// of 1 (a lot's worker on a small machine) both run here, `side` first.
    public static func fork<A, B>(_ main: () -> A, alongside side: () -> B) -> (A, B) {
        if width <= 1 {
            let b = side()
            return (main(), b)
        }
        return withoutActuallyEscaping(side) { side in
            nonisolated(unsafe) let work = side
            nonisolated(unsafe) var result: B?
            let done = DispatchGroup()
            // `result` is written before `done` leaves and read after `wait()`: the group orders them.
            DispatchQueue.global().async(group: done) { result = work() }
            let a = main()
            done.wait()
            guard let b = result else { preconditionFailure("the side closure always stores its result before the group leaves") }
            return (a, b)
        }
    }

    /// Threads one piece of work may use now: the cores, or fewer under `widthLimit`.
    public static var width: Int { chunkCount(Int.max, minimumPerChunk: 1) }

    /// Chunks for `count` items: one per core allowed by `widthLimit`, none smaller than `minimumPerChunk`.
    static func chunkCount(_ count: Int, minimumPerChunk: Int) -> Int {
        let limit = widthLimit.load(ordering: .relaxed)
        let available = ProcessInfo.processInfo.activeProcessorCount
        let cores = max(1, limit > 0 ? min(limit, available) : available)
        return min(cores, max(1, count / max(1, minimumPerChunk)))
    }

    /// `body(0)`, ..., `body(count - 1)` on every core (inline below `minimumPerChunk` items per core),
    /// results in index order.
    public static func map<T>(_ count: Int, minimumPerChunk: Int = 64, _ body: (Int) -> T) -> [T] {
        let chunks = chunkCount(count, minimumPerChunk: minimumPerChunk)
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
