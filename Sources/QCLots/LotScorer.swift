import Foundation
import QCImage

/// Scores the photos of a lot in parallel with a bounded pool of workers.
///
/// `jobs` workers (default: the machine's active cores) each take the next photo from a shared counter, so at
/// most `jobs` photos are being decoded at once and memory stays bounded by the workers; only the
/// `CompareResult` of each unit is kept. A scorer that throws marks that photo failed and the rest go on.
/// Outcomes come back in the photos' order whatever the completion order.
public enum LotScorer {
    /// Called after each photo, serialised (never concurrently), with `done` increasing by one each time.
    public typealias ProgressHandler = @Sendable (ScoringProgress) -> Void

    public static func score(_ photos: [LotPhoto], jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                             scorer: @escaping UnitScorer, progress: ProgressHandler? = nil) -> [UnitOutcome] {
        guard !photos.isEmpty else { return [] }
        let workers = max(1, min(jobs, photos.count))
        let state = SharedState(count: photos.count)
        let work: @Sendable (Int) -> Void = { _ in
            while let index = state.nextIndex() {
                let photo = photos[index]
                let outcome: UnitOutcome
                do {
                    outcome = .scored(photo, try scorer(photo.path))
                } catch {
                    outcome = .failed(photo, describe(error))
                }
                state.finish(index, outcome, total: photos.count, progress: progress)
            }
        }
        // Each worker's comparison may split its own work over cores (ParallelMap); keep workers × threads
        // within the machine so the workers do not fight over cores.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        ParallelMap.withWidthLimit(max(1, cores / workers)) {
            if workers == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: workers, execute: work)
            }
        }
        return state.outcomes()
    }

    /// A readable message for any error (its description when it has one).
    public static func describe(_ error: any Error) -> String { String(describing: error) }

    /// The work counter and the results, behind one lock.
    private final class SharedState: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var done = 0
        private var failures = 0
        private var results: [UnitOutcome?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func nextIndex() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < results.count else { return nil }
            next += 1
            return next - 1
        }

        func finish(_ index: Int, _ outcome: UnitOutcome, total: Int, progress: ProgressHandler?) {
            lock.lock(); defer { lock.unlock() }
            results[index] = outcome
            done += 1
            var failed = false
            if case .failed = outcome { failures += 1; failed = true }
            progress?(ScoringProgress(done: done, total: total, photo: outcome.photo.relativePath,
                                      failed: failed, failures: failures))
        }

        func outcomes() -> [UnitOutcome] {
            lock.lock(); defer { lock.unlock() }
            return results.compactMap { $0 }
        }
    }
}
