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

    init(computer: _ScoreBlockComputer) {
        self.computer = computer
        reads = _RowsRead()
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

    /// Scores the mentees block by block into one reused buffer and lends
    /// each block to `body`.
    private func stream(_ indices: [Int], _ body: (ScoreBlock) -> Void) {
        let total = indices.count
        guard total > 0 else { return }
        reads.count.add(total, ordering: .relaxed)
        let rows = min(computer.blockRows, total), mentors = mentors, wordsPerRow = computer.wordsPerRow
        var scores = [Int32](repeating: 0, count: max(1, rows * mentors))
        var words = [UInt64](repeating: 0, count: max(1, rows * wordsPerRow))
        scores.withUnsafeMutableBufferPointer { scores in
            words.withUnsafeMutableBufferPointer { words in
                indices.withUnsafeBufferPointer { indices in
                    let consecutive = indices.last! - indices.first! == total - 1
                    computer.score(
                        .listed(indices),
                        destination: { _ in (scores.baseAddress!, words.baseAddress!) },
                        finished: { positions in
                            body(
                                ScoreBlock(
                                    firstMentee: indices[positions.lowerBound], count: positions.count,
                                    mentors: mentors, scores: scores.baseAddress!, forbidden: words.baseAddress!,
                                    wordsPerRow: wordsPerRow,
                                    menteeOfRow: consecutive ? nil : indices.baseAddress! + positions.lowerBound))
                        })
                }
            }
        }
    }
}

/// The rows a ``StreamedScores`` has computed, counted across threads.
final class _RowsRead: Sendable {
    let count = Atomic<Int>(0)
}
