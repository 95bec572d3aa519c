import CLinearAlgebra
import Dispatch
import Foundation

extension _ScoreBlockComputer {
    /// Threads a pass scores on: one per core.
    static var workers: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Scores the selection on `workers` threads, one block per thread at a
    /// time, and calls `finished` for each block, in order, on the calling
    /// thread. `destination(block, slot)` says where a block's rows go —
    /// slots `0..<2 × workers`, so that a reader's buffer per slot suffices,
    /// or the block's own place in a stored matrix.
    ///
    /// Each thread runs its own single-threaded GEMM and fused loop
    /// (OpenBLAS's threads would split only the GEMM and leave the fused loop
    /// on one core while they spin), and the next batch is scored while the
    /// caller reads the last one, so a pass costs its scoring and its
    /// reading shared over every core: `tandem validate` of 34,000 × 16,000
    /// (loading, then one pass scoring every pair and keeping the digest) took
    /// 4.2 s with batches scored and read in turn and 3.1 s overlapped
    /// (two cores, hyperfine, 5 runs each). Each block gets a thread of its
    /// own rather than a global-queue thread: the caller waits for the batch
    /// on one of the pool's threads (one per core), so a block queued there
    /// waits whenever the other is taken (a progress ticker that slept on
    /// one held up the 5,000-person round's scoring by 0.5 s in futex
    /// waits). The 34,000 × 16,000 round took 13.0–13.2 s against
    /// 14.0–14.2 s in one pair of alternating runs, 12.8–13.0 s against
    /// 13.0–13.2 s in another: a small gain, within this machine's noise.
    func scoreInParallel(
        _ selection: _MenteeSelection, workers requested: Int = workers,
        destination: (Range<Int>, Int) -> (
            scores: UnsafeMutablePointer<Int32>, forbidden: UnsafeMutablePointer<UInt64>
        ),
        finished: (Range<Int>, Int) -> Void
    ) {
        let total = selection.count
        guard total > 0 else { return }
        let blocks = (total + blockRows - 1) / blockRows
        let workers = max(1, min(requested, blocks))
        openblas_set_num_threads(1)
        var workspaces = (0..<workers).map { _ in makeWorkspace() }
        workspaces.withUnsafeMutableBufferPointer { workspaces in
            let group = DispatchGroup()
            /// The batch starting at `first`: its blocks' positions and slots.
            func batch(_ first: Int) -> [(positions: Range<Int>, slot: Int)] {
                guard first < blocks else { return [] }
                return (first..<min(blocks, first + workers)).map { block in
                    let start = block * blockRows
                    return (start..<min(total, start + blockRows), (block / workers) % 2 * workers + block - first)
                }
            }
            /// Scores the batch on the workers, in the background.
            func launch(_ blocks: [(positions: Range<Int>, slot: Int)]) {
                let shared = _DisjointBlocks(
                    selection: selection, workspaces: workspaces,
                    targets: blocks.map { destination($0.positions, $0.slot) })
                for (worker, block) in blocks.enumerated() {
                    group.enter()
                    Thread {
                        let target = shared.targets[worker]
                        self.score(
                            shared.selection, positions: block.positions, scores: target.scores,
                            forbidden: target.forbidden, workspace: &shared.workspaces[worker])
                        group.leave()
                    }.start()
                }
            }
            var first = 0, current = batch(0)
            launch(current)
            group.wait()
            while !current.isEmpty {
                first += workers
                let next = batch(first)
                if !next.isEmpty { launch(next) }
                for block in current { finished(block.positions, block.slot) }
                group.wait()
                current = next
            }
        }
    }
}

/// What the threads of one batch share: the selection they read, and each
/// thread's own workspace and output block. Sendable unchecked because the
/// threads touch disjoint memory — thread `w` only `workspaces[w]` and
/// `targets[w]` — and the selection is only read; the caller waits for the
/// batch before it reads the blocks or starts another.
private struct _DisjointBlocks: @unchecked Sendable {
    let selection: _MenteeSelection
    let workspaces: UnsafeMutableBufferPointer<_ScoreBlockComputer.Workspace>
    let targets: [(scores: UnsafeMutablePointer<Int32>, forbidden: UnsafeMutablePointer<UInt64>)]
}
