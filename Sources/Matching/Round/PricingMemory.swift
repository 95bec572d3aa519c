import Assignment

/// What pricing learnt of each mentee's row, so that the next pricing round
/// and the certificate read only the rows that could still hold a pair worth
/// adding.
///
/// When pricing reads a row against duals `u`, `v`, it also finds the most
/// any eligible pair outside the candidates is worth less its mentor's slack
/// (`worth − slack`, see ``_EligiblePairs/improvingPairs(duals:limit:candidates:)``):
/// call it `M`. Each such pair at any column `c` is then worth at most
/// `M − v[c]`, whatever the later duals. So after a later solve, with duals
/// `u′`, `v′`, the row holds no improving pair when
/// `M + u′ + max over c of (v′[c] − v[c]) ≤ 0`: its own potential covers the
/// bound, less however much a column's potential rose. The certificate
/// checks exactly that (a ``RowSummary`` with the allowance `−v`) against
/// the final duals, and each candidate pair one by one.
struct _PricingMemory: Sendable {
    /// Each mentee's bound `M`, or `Int64.min` when every eligible pair was a
    /// candidate; meaningful once the row has been read.
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

    /// An allowance below any value, for a column with no eligible pair (it
    /// never decides a maximum).
    static let unusedColumn = Int64.min / 4

    init(rows: Int) {
        bound = [Int64](repeating: .min, count: rows)
        readIn = [Int32](repeating: -1, count: rows)
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
