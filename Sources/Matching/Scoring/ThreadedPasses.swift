import CLinearAlgebra
import Foundation
import Synchronization
import _TandemUtilities

/// Runs a pass over streamed scores as parts on this process's cores: each
/// thread takes the next block of mentees, scores its rows itself and reads
/// each one right after scoring it, then takes another; the parts merge in
/// block order (``RowPassRunner``), so the answer is the one a single
/// reader gives, byte for byte.
///
/// Without it, a pass scores blocks on every core while one thread reads
/// the batch before: that reader ran scoring's digest and pricing's
/// comparisons alone, on rows already evicted to the shared cache, and the
/// 68,000 × 32,000 round kept 1.6 of its 2 cores busy while scoring and
/// 1.4 while pricing (perf samples over each step). With each thread
/// reading its own rows while they are still in its core's cache, 1.7
/// while scoring, and in two pairs of alternating runs (a slow hour) the
/// whole round took 45.4 and 45.2 s instead of 51.6 and 51.1 s: scoring
/// 9.1 and 8.7 s instead of 9.8 and 9.6, the first pricing pass 7.6 and
/// 7.8 s instead of 9.9 and 11, the second 5.5 and 5.3 instead of 6.6 and
/// 7.0.
///
/// More blocks than threads (``partsPerThread`` each), taken in turn, keep
/// every thread busy to the end: a pricing pass reads only some rows, and
/// equal ranges of mentees can hold very different numbers of them.
struct _ThreadedPasses: RowPassRunner {
    let scores: StreamedScores
    let threads: Int

    /// Blocks per thread.
    static let partsPerThread = 4

    /// A runner for passes over `scores` when they are streamed and there
    /// is more than one core; `nil` otherwise (a pass then reads in place).
    static func local(for scores: any ScoreSource) -> _ThreadedPasses? {
        let threads = _ScoreBlockComputer.workers
        guard threads > 1, let streamed = scores as? StreamedScores else { return nil }
        return _ThreadedPasses(scores: streamed.onCallingThread, threads: threads)
    }

    func run(_ job: RowPassJob) -> [[UInt8]] {
        let count = max(1, min(job.mentees, threads * Self.partsPerThread))
        let scores = scores
        let keyBounds = job.isScoring ? _MentorKeyBounds(mentors: job.mentors) : nil
        return inParts(count) { index in
            do throws(RowPassError) {
                return try job.part(index, of: count, scores: scores, keyBounds: keyBounds)
            } catch {
                preconditionFailure("a pass over this process's own scores: \(error)")
            }
        }
    }

    /// `part` of each index in `0..<count`, in index order, computed on
    /// ``threads`` threads, each taking the next index when done with one
    /// (the progress line is theirs to advance).
    func inParts<Part: Sendable>(_ count: Int, _ part: @escaping @Sendable (Int) -> Part) -> [Part] {
        let next = Atomic<Int>(0)
        let parts = Mutex([Part?](repeating: nil, count: count))
        let reporter = ProgressReporter.current
        // One GEMM thread per reader: OpenBLAS's own threads would compete with the readers.
        openblas_set_num_threads(1)
        let group = DispatchGroup()
        for _ in 0..<min(threads, count) {
            group.enter()
            Thread {
                ProgressReporter.$current.withValue(reporter) {
                    while case let index = next.add(1, ordering: .relaxed).oldValue, index < count {
                        let done = part(index)
                        parts.withLock { $0[index] = done }
                    }
                }
                group.leave()
            }.start()
        }
        group.wait()
        return parts.withLock { $0.map { $0! } }
    }
}
