import Synchronization

/// Every pair's score computed again, a block of mentees at a time, whenever
/// a pass reads it: the ``ScoreSource`` for cohorts whose matrix would not
/// fit in memory (``ScoringModel/streamedScores()``).
///
/// A block is a BLAS product of the block's encodings against every
/// mentor's, finished row by row by the same fused loop that fills the
/// stored ``ScoreMatrix``, so both give the same scores bit for bit. Memory
/// is the two feature matrices (`(mentees + mentors) × depth` values) and,
/// per pass in flight, one block of about 16 MB of product plus its scores.
/// Passes may run on several threads at once.
public struct StreamedScores: ScoreSource {
    private let computer: _ScoreBlockComputer
    private let reads: _RowsRead
    /// Whether each block is scored on the thread that reads it (see
    /// ``onCallingThread``), rather than on every core while the caller
    /// reads the batch before.
    private var scoresOnCallingThread = false

    init(computer: _ScoreBlockComputer) {
        self.computer = computer
        reads = _RowsRead()
    }

    /// The same scores, each block scored on the thread that reads it, right
    /// before its rows are read (while they are in that core's cache): for
    /// passes that run on every core already, a part of a pass per thread
    /// (``_ThreadedPasses``).
    var onCallingThread: StreamedScores {
        var scores = self
        scores.scoresOnCallingThread = true
        return scores
    }

    public var mentees: Int { computer.mentees }
    public var mentors: Int { computer.mentors }

    /// How many rows every pass so far has computed, all together: a whole
    /// pass adds ``mentees``.
    public var rowsComputed: Int { reads.count.load(ordering: .relaxed) }

    public func forEachBlock(in rows: Range<Int>, _ body: (ScoreBlock) -> Void) {
        precondition(rows.lowerBound >= 0 && rows.upperBound <= mentees, "rows \(rows) out of 0..<\(mentees)")
        stream(Array(rows), body)
    }

    public func forEachBlock(of mentees: [Int], _ body: (ScoreBlock) -> Void) {
        stream(mentees, body)
    }

    /// The listed mentees' rows against the subset's mentors alone, scored
    /// against their gathered encodings: a row costs the subset's share of
    /// a whole one.
    func forEachBlock(of mentees: [Int], against subset: _MentorSubset, _ body: (ScoreBlock) -> Void) {
        stream(mentees, computer: computer.restricted(to: subset), body)
    }

    /// Scores the mentees block by block, a block per core at a time, into
    /// reused buffers (two per core: one batch is read while the next is
    /// scored), and lends each block to `body` in order.
    private func stream(_ indices: [Int], computer: _ScoreBlockComputer? = nil, _ body: (ScoreBlock) -> Void) {
        let computer = computer ?? self.computer
        let total = indices.count
        guard total > 0 else { return }
        reads.count.add(total, ordering: .relaxed)
        if scoresOnCallingThread { return streamHere(indices, computer: computer, body) }
        let workers = min(_ScoreBlockComputer.workers, (total + computer.blockRows - 1) / computer.blockRows)
        let rows = min(computer.blockRows, total), mentors = computer.mentors, wordsPerRow = computer.wordsPerRow
        // A block per slot: each core's block of this batch and of the next.
        var scores = [Int32](repeating: 0, count: max(1, 2 * workers * rows * mentors))
        var words = [UInt64](repeating: 0, count: max(1, 2 * workers * rows * wordsPerRow))
        scores.withUnsafeMutableBufferPointer { scores in
            words.withUnsafeMutableBufferPointer { words in
                indices.withUnsafeBufferPointer { indices in
                    let consecutive = indices.last! - indices.first! == total - 1
                    computer.scoreInParallel(
                        .listed(indices), workers: workers,
                        destination: { _, slot in
                            (
                                scores.baseAddress! + slot * rows * mentors,
                                words.baseAddress! + slot * rows * wordsPerRow
                            )
                        },
                        finished: { positions, slot in
                            body(
                                ScoreBlock(
                                    firstMentee: indices[positions.lowerBound], count: positions.count,
                                    mentors: mentors, scores: scores.baseAddress! + slot * rows * mentors,
                                    forbidden: words.baseAddress! + slot * rows * wordsPerRow,
                                    wordsPerRow: wordsPerRow,
                                    menteeOfRow: consecutive ? nil : indices.baseAddress! + positions.lowerBound))
                        })
                }
            }
        }
    }
}

extension StreamedScores {
    /// ``stream(_:_:)`` on the calling thread alone: each block scored into
    /// one buffer, then lent to `body`.
    private func streamHere(_ indices: [Int], computer: _ScoreBlockComputer, _ body: (ScoreBlock) -> Void) {
        let rows = min(computer.rowsReadInPlace, indices.count), mentors = computer.mentors
        let wordsPerRow = computer.wordsPerRow
        var workspace = computer.makeWorkspace()
        var scores = [Int32](repeating: 0, count: max(1, rows * mentors))
        var words = [UInt64](repeating: 0, count: max(1, rows * wordsPerRow))
        scores.withUnsafeMutableBufferPointer { scores in
            words.withUnsafeMutableBufferPointer { words in
                indices.withUnsafeBufferPointer { indices in
                    let consecutive = indices.last! - indices.first! == indices.count - 1
                    for start in stride(from: 0, to: indices.count, by: rows) {
                        let positions = start..<min(indices.count, start + rows)
                        computer.score(
                            .listed(indices), positions: positions, scores: scores.baseAddress!,
                            forbidden: words.baseAddress!, workspace: &workspace)
                        body(
                            ScoreBlock(
                                firstMentee: indices[start], count: positions.count, mentors: mentors,
                                scores: scores.baseAddress!, forbidden: words.baseAddress!, wordsPerRow: wordsPerRow,
                                menteeOfRow: consecutive ? nil : indices.baseAddress! + start))
                    }
                }
            }
        }
    }
}

/// The rows a ``StreamedScores`` has computed, counted across threads.
final class _RowsRead: Sendable {
    let count = Atomic<Int>(0)
}
