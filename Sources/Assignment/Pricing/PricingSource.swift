/// A problem too large to hand to a solver whole, offered a few pairs at a
/// time: what ``ColumnGeneration`` solves.
///
/// The problem is a maximisation in the symmetric form: every row may stay
/// unassigned at value 0 and every column may stay (partly) empty at value 0.
/// That form is what lets the same problem be solved with rows and columns
/// swapped. A conformer reads every pair when asked — for the certificate
/// (``AssignmentRowSource``) and for pricing — but never has to store them.
public protocol PricingSource: AssignmentRowSource {
    /// How many rows each column may take, one per column.
    var capacities: [Int] { get }

    /// Each row's first candidate pairs: allowed pairs likely to be in an
    /// optimal answer, in increasing column order, without repeats.
    func initialCandidates() -> [[CandidatePair<Cost>]]

    /// The first candidates of a solve that starts from an earlier,
    /// similar problem's potentials and answer (see
    /// ``ColumnGeneration/Start``): by default those of
    /// ``initialCandidates()``.
    func initialCandidates(near start: ColumnGeneration.Start<Cost>) -> [[CandidatePair<Cost>]]

    /// Allowed pairs that could improve an answer with these duals (in
    /// minimisation form): those with reduced cost `−value − u[row] − v[column]`
    /// below 0, at most `limit` per row, most negative first.
    ///
    /// Returning no pair states that the duals are feasible for every pair of
    /// the problem, which the certificate then checks. `candidates` are the
    /// pairs the solve already had (each row's, in column order): a source
    /// may remember what it learnt of the others — a bound that spares it
    /// reading a row next time, and that the certificate can check a row by
    /// (``RowSummary``).
    mutating func improvingPairs(
        duals: Duals<Cost>, limit: Int, candidates: [[CandidatePair<Cost>]]
    ) -> [(row: Int, pairs: [CandidatePair<Cost>])]
}

extension PricingSource {
    public func initialCandidates(near start: ColumnGeneration.Start<Cost>) -> [[CandidatePair<Cost>]] {
        initialCandidates()
    }
}

/// One allowed pair offered to the solver: its column and its value (in the
/// problem's sense, to maximise).
public struct CandidatePair<Cost: AssignmentCost>: Sendable, Hashable {
    public var column: Int
    public var value: Cost

    public init(column: Int, value: Cost) {
        self.column = column
        self.value = value
    }
}
