/// Every mentee–mentor score of a cohort, stored: the ``ScoreSource`` for
/// cohorts whose scores fit in memory (4 bytes and 1 bit a pair).
///
/// Rows are mentees and columns mentors, in ``Cohort`` order. A score of a
/// forbidden pair is meaningless (it is 0).
public struct ScoreMatrix: ScoreSource, Equatable {
    public let mentees: Int
    public let mentors: Int
    /// Row-major scores in units of the policy's resolution (one padding
    /// element when there are no pairs, so the buffer always has an address).
    private let scores: [Int32]
    /// The forbidden mask's words, padded the same way.
    private let words: [UInt64]
    private let wordsPerRow: Int

    init(mentees: Int, mentors: Int, scores: [Int32], forbidden: ForbiddenMask) {
        self.mentees = mentees
        self.mentors = mentors
        self.scores = scores.isEmpty ? [0] : scores
        self.words = forbidden.words.isEmpty ? [0] : forbidden.words
        wordsPerRow = forbidden.wordsPerRow
    }

    /// Every stored row as one block.
    public func withEveryRow<Result>(_ body: (ScoreBlock) -> Result) -> Result? {
        var result: Result?
        forEachBlock(in: 0..<mentees) { result = body($0) }
        return result
    }

    /// One block: the stored rows themselves, without a copy.
    public func forEachBlock(in rows: Range<Int>, _ body: (ScoreBlock) -> Void) {
        guard !rows.isEmpty else { return }
        precondition(rows.lowerBound >= 0 && rows.upperBound <= mentees, "rows \(rows) out of 0..<\(mentees)")
        scores.withUnsafeBufferPointer { scores in
            words.withUnsafeBufferPointer { words in
                // Never empty (see `init`), so both addresses exist.
                body(
                    ScoreBlock(
                        firstMentee: rows.lowerBound, count: rows.count, mentors: mentors,
                        scores: scores.baseAddress! + rows.lowerBound * mentors,
                        forbidden: words.baseAddress! + rows.lowerBound * wordsPerRow,
                        wordsPerRow: wordsPerRow))
            }
        }
    }
}
