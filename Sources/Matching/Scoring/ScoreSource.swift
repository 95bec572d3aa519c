import _TandemUtilities

/// Every mentee–mentor score of a cohort and its forbidden pairs, read a block
/// of mentee rows at a time: the one way the round, its audits and
/// `tandem score` read scores.
///
/// A pass over all pairs is a streaming pass (``forEachRow(_:)``): it sees
/// each row once, in order, so an implementation may compute rows block by
/// block (a BLAS product per block) instead of storing them. ``ScoreMatrix``
/// is the stored implementation; ``StreamedScores`` recomputes, for cohorts
/// whose matrix would not fit in memory. A pass over some rows only
/// (``forEachBlock(of:_:)``) costs those rows.
///
/// Scores are whole units of the policy's resolution; the score of a
/// forbidden pair is meaningless (0).
public protocol ScoreSource: Sendable {
    /// Rows: mentees, in ``Cohort`` order.
    var mentees: Int { get }
    /// Columns: mentors, in ``Cohort`` order.
    var mentors: Int { get }

    /// Calls `body` with consecutive blocks of rows that together cover
    /// `rows`, in order. A block is valid only during its call.
    ///
    /// - Complexity: O(rows × mentors) to read; an implementation that
    ///   computes scores adds its own cost per block.
    func forEachBlock(in rows: Range<Int>, _ body: (ScoreBlock) -> Void)

    /// Calls `body` with blocks that together cover the listed mentees
    /// (ascending, without repeats), in order; a block's rows need not be
    /// consecutive (see ``ScoreBlock/row(_:)``). By default each run of
    /// consecutive mentees is read with ``forEachBlock(in:_:)``.
    func forEachBlock(of mentees: [Int], _ body: (ScoreBlock) -> Void)

    /// Runs `body` on one block holding every row, when the source stores
    /// them (no copy), for searches that jump between rows; `nil` for a
    /// source that computes its rows (read them with ``withRow(_:_:)``).
    func withEveryRow<Result>(_ body: (ScoreBlock) -> Result) -> Result?
}

extension ScoreSource {
    public func withEveryRow<Result>(_ body: (ScoreBlock) -> Result) -> Result? { nil }

    public func forEachBlock(of mentees: [Int], _ body: (ScoreBlock) -> Void) {
        var start = 0
        while start < mentees.count {
            var end = start + 1
            while end < mentees.count, mentees[end] == mentees[end - 1] + 1 { end += 1 }
            forEachBlock(in: mentees[start]..<mentees[end - 1] + 1, body)
            start = end
        }
    }

    /// Calls `body` with every row, in mentee order: a streaming pass. Each
    /// block read is reported to the task's `ProgressReporter`.
    public func forEachRow(_ body: (ScoreRow) -> Void) {
        forEachBlock(in: 0..<mentees) { block in
            for offset in 0..<block.count { body(block.row(offset)) }
            ProgressReporter.advance(by: block.count)
        }
    }

    /// Calls `body` with the rows of the listed mentees (ascending, without
    /// repeats), in order: a pass that costs only those rows. Each block read
    /// is reported to the task's `ProgressReporter`.
    public func forEachRow(of mentees: [Int], _ body: (ScoreRow) -> Void) {
        forEachBlock(of: mentees) { block in
            for offset in 0..<block.count { body(block.row(offset)) }
            ProgressReporter.advance(by: block.count)
        }
    }

    /// Runs `body` on one mentee's row.
    public func withRow<Result>(_ mentee: Int, _ body: (ScoreRow) -> Result) -> Result {
        var result: Result?
        forEachBlock(in: mentee..<mentee + 1) { block in result = body(block.row(0)) }
        guard let result else { preconditionFailure("a score source yielded no block for mentee \(mentee)") }
        return result
    }

    /// The pair's score in units, or `nil` when it is forbidden.
    ///
    /// - Complexity: One row read; prefer a pass over rows for many pairs.
    public func score(mentee: Int, mentor: Int) -> Int32? {
        withRow(mentee) { $0.score(mentor: mentor) }
    }
}

/// Rows of scores and forbidden bits, as a ``ScoreSource`` lends them:
/// consecutive mentees from ``firstMentee``, or the mentees a pass over some
/// rows listed.
public struct ScoreBlock {
    /// The first row's mentee.
    public let firstMentee: Int
    /// How many rows.
    public let count: Int
    /// Scores per row (the number of mentors).
    public let mentors: Int
    /// Row-major scores, `count × mentors`.
    let scores: UnsafePointer<Int32>
    /// Forbidden bits, `wordsPerRow` 64-bit words per row.
    let forbidden: UnsafePointer<UInt64>
    let wordsPerRow: Int
    /// Each row's mentee, when they are not consecutive.
    let menteeOfRow: UnsafePointer<Int>?

    /// A block over storage the caller keeps alive during the block's use.
    ///
    /// - Parameters:
    ///   - firstMentee: The first row's mentee.
    ///   - count: How many rows.
    ///   - mentors: Scores per row.
    ///   - scores: Row-major scores, `count × mentors`.
    ///   - forbidden: Forbidden bits, `wordsPerRow` words per row.
    ///   - wordsPerRow: `(mentors + 63) / 64`.
    ///   - menteeOfRow: Each row's mentee (`count` of them) when the rows are
    ///     not consecutive mentees from `firstMentee`.
    public init(
        firstMentee: Int, count: Int, mentors: Int, scores: UnsafePointer<Int32>,
        forbidden: UnsafePointer<UInt64>, wordsPerRow: Int, menteeOfRow: UnsafePointer<Int>? = nil
    ) {
        self.firstMentee = firstMentee
        self.count = count
        self.mentors = mentors
        self.scores = scores
        self.forbidden = forbidden
        self.wordsPerRow = wordsPerRow
        self.menteeOfRow = menteeOfRow
    }

    /// The block's `offset`-th row.
    @inline(__always)
    public func row(_ offset: Int) -> ScoreRow {
        ScoreRow(
            mentee: menteeOfRow?[offset] ?? firstMentee + offset, mentors: mentors,
            scores: scores + offset * mentors, forbidden: forbidden + offset * wordsPerRow)
    }
}

/// One mentee's scores against every mentor, and which pairs are forbidden
/// (mentor m is bit m % 64 of word m / 64).
public struct ScoreRow {
    public let mentee: Int
    public let mentors: Int
    /// The row's scores, one per mentor; hot loops read it directly.
    let scores: UnsafePointer<Int32>
    let forbidden: UnsafePointer<UInt64>

    /// The score of the pair with `mentor` (meaningless when forbidden).
    @inline(__always)
    public subscript(mentor: Int) -> Int32 { scores[mentor] }

    /// Whether the pair with `mentor` may never be proposed.
    @inline(__always)
    public func isForbidden(_ mentor: Int) -> Bool {
        forbidden[mentor >> 6] >> UInt64(mentor & 63) & 1 == 1
    }

    /// The pair's score, or `nil` when it is forbidden.
    public func score(mentor: Int) -> Int32? { isForbidden(mentor) ? nil : scores[mentor] }

    /// How many pairs of the row are allowed.
    public var allowedCount: Int {
        var forbiddenCount = 0
        for word in 0..<(mentors + 63) / 64 { forbiddenCount += forbidden[word].nonzeroBitCount }
        return mentors - forbiddenCount
    }
}
