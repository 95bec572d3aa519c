import Assignment

/// What pricing learnt of each mentee's row, so that the next pricing round
/// and the certificate read only the rows that could still hold a pair worth
/// adding.
///
/// When pricing reads a row against duals `u`, `v`, it keeps the row's
/// runners-up — the ``runnersUp`` eligible pairs outside the candidates that
/// come after the improving pairs the pass adds (the highest `worth −
/// slack`, see ``_EligiblePairs/improvingPairs(duals:limit:candidates:)``;
/// improving pairs beyond the pass's limit first) — and `M`, the best
/// `worth − slack` of the pairs left out: every other pair outside the
/// candidates is worth at most `M − v[c]` at any column `c`, whatever the
/// later duals. So after a later solve, with duals `u′`, `v′`, the
/// runners-up are priced from their scores, and the rest of the row holds
/// no improving pair when `M + u′ + max over c of (v′[c] − v[c]) ≤ 0`: its
/// potential covers the bound, less however much a column's potential rose. The certificate
/// checks exactly that (a ``RowSummary`` with the allowance `−v`) against
/// the final duals, and the candidates and runners-up one by one.
///
/// The first pricing reads every row (the digest's bound is on scores, and
/// under the coverage objective no potential covers it). On a generated
/// 34,000 × 16,000 round the second pricing then read 33,544 rows with the
/// bound alone — some column's potential rose by more than most rows'
/// margins —, 29,387 with 10 runners-up a row and 21,866 with 30, and the
/// later ones 214, 1 and none; the certificate read no row.
struct _PricingMemory: Sendable {
    /// Runners-up kept per row.
    static let runnersUp = 30

    /// Each mentee's bound `M`, or `Int64.min` when every eligible pair
    /// outside the candidates is a runner-up; meaningful once the row has
    /// been read.
    var bound: [Int64]
    /// The pricing round each row was last read in, or −1 (then the digest's
    /// bound on the scores holds).
    var readIn: [Int32]
    /// Each pricing round's column potentials, negated: the allowance of the
    /// bounds read in that round. Columns that can take no pair (mentors
    /// without places) get ``unusedColumn``.
    var allowances: [[Int64]] = []
    /// The candidates the last pricing round saw: the final ones once a
    /// round adds nothing.
    var candidates: [[CandidatePair<Int64>]] = []
    /// Each row's runners-up, ``runnersUp`` slots a row: mentor (−1 for an
    /// empty slot) and score.
    private var runnerMentors: [Int32]
    private var runnerScores: [Int32]

    /// An allowance below any value, for a column with no eligible pair (it
    /// never decides a maximum).
    static let unusedColumn = Int64.min / 4

    init(rows: Int) {
        bound = [Int64](repeating: .min, count: rows)
        readIn = [Int32](repeating: -1, count: rows)
        runnerMentors = [Int32](repeating: -1, count: rows * Self.runnersUp)
        runnerScores = [Int32](repeating: 0, count: rows * Self.runnersUp)
    }

    /// The row's runners-up: mentors and scores.
    func runners(of row: Int) -> [(mentor: Int32, score: Int32)] {
        var runners: [(mentor: Int32, score: Int32)] = []
        forEachRunner(of: row) { runners.append(($0, $1)) }
        return runners
    }

    /// Calls `body` with each of the row's runners-up (mentor and score), in
    /// slot order, without building an array.
    @inline(__always)
    func forEachRunner(of row: Int, _ body: (Int32, Int32) -> Void) {
        for slot in slots(of: row) where runnerMentors[slot] >= 0 { body(runnerMentors[slot], runnerScores[slot]) }
    }

    /// Calls `body` with the row's runners-up, then with the pairs of
    /// `listed` (scoring's digest list) whose mentors are not among them: the
    /// pairs of the row known without reading it (at most 30 each, so a scan
    /// finds the runners-up).
    @inline(__always)
    func forEachKnown(
        of row: Int, listed: (mentors: ArraySlice<Int32>, scores: ArraySlice<Int32>)?, _ body: (Int32, Int32) -> Void
    ) {
        forEachRunner(of: row, body)
        guard let listed else { return }
        for (mentor, score) in zip(listed.mentors, listed.scores) where !runnerMentors[slots(of: row)].contains(mentor)
        {
            body(mentor, score)
        }
    }

    /// The row's runner-up slots.
    private func slots(of row: Int) -> Range<Int> { row * Self.runnersUp..<(row + 1) * Self.runnersUp }

    /// What reading the row in `round` found: its runners-up (mentors and scores) and the bound on the rest.
    mutating func remember(
        row: Int, round: Int32, mentors: ArraySlice<Int32>, scores: ArraySlice<Int32>, bound: Int64
    ) {
        self.bound[row] = bound
        readIn[row] = round
        let first = row * Self.runnersUp
        for slot in 0..<Self.runnersUp {
            let kept = slot < mentors.count
            runnerMentors[first + slot] = kept ? mentors[mentors.startIndex + slot] : -1
            runnerScores[first + slot] = kept ? scores[scores.startIndex + slot] : 0
        }
    }

    /// Records the round's duals; returns, for each earlier round, the most a
    /// column's potential has risen since (over columns that can take a pair).
    mutating func startRound(columnPotentials: [Int64], columnTakesPairs: (Int) -> Bool) -> [Int64] {
        let rises = allowances.map { earlier in
            var rise = Int64.min
            for column in columnPotentials.indices where earlier[column] != Self.unusedColumn {
                rise = max(rise, columnPotentials[column] &+ earlier[column])
            }
            return rise
        }
        allowances.append(
            columnPotentials.indices.map { columnTakesPairs($0) ? -columnPotentials[$0] : Self.unusedColumn })
        return rises
    }
}
