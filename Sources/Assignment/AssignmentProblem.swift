/// One assignment problem: a dense matrix of costs or scores, how many rows each
/// column may take, pairs that must be kept, and what to do with rows that
/// cannot or should not be placed.
///
/// Rows are the people being placed (mentees) and columns the places (mentors);
/// column `j` takes up to `capacities[j]` rows, without the matrix being copied
/// once per slot. Either side may be the larger.
///
/// ```swift
/// let scores = try CostMatrix<Int64>(rows: 3, columns: 2, values: [9, 4, 8, 7, 1, 6])
/// let problem = try AssignmentProblem(scores, sense: .maximize, capacities: [2, 1])
/// let solution = try ShortestAugmentingPath().solve(problem)
/// ```
///
/// - Complexity: Building the problem is O(`rows × columns`) for its checks.
public struct AssignmentProblem<Cost: AssignmentCost>: Sendable {
    /// Whether the objective is a cost to minimise or a score to maximise.
    public enum Sense: String, Sendable, CaseIterable {
        case minimize
        case maximize
    }

    /// What the answer may do with rows it does not place (see ``Assignment/UnassignedRows``).
    public typealias UnassignedRows = Assignment.UnassignedRows<Cost>

    /// A pair that must be in the answer (see ``AssignmentLock``).
    public typealias Lock = AssignmentLock

    /// The values as given, in the problem's sense.
    ///
    /// - Complexity: O(1) when minimising; O(rows × columns) and a copy when
    ///   maximising, since only the costs (negated scores) are stored.
    public var matrix: CostMatrix<Cost> {
        guard sense == .maximize else { return _costs }
        var scores = _costs
        scores._negateAllowed()
        return scores
    }
    /// Minimise costs or maximise scores.
    public let sense: Sense
    /// How many rows each column may take (all 1 when not given).
    public let capacities: [Int]
    /// Pairs that must be in the answer.
    public let locks: [Lock]
    /// What happens to rows that are not placed.
    public let unassignedRows: UnassignedRows
    /// The matrix turned into costs to minimise (scores negated when
    /// maximising): the only copy the problem keeps.
    internal let _costs: CostMatrix<Cost>

    /// The number of rows.
    public var rows: Int { _costs.rows }
    /// The number of columns.
    public var columns: Int { _costs.columns }

    /// Creates and checks a problem.
    ///
    /// - Parameters:
    ///   - matrix: Costs (or scores, with `sense: .maximize`); forbidden pairs are missing edges.
    ///   - sense: `.minimize` (default) or `.maximize`.
    ///   - capacities: One value of 0 or more per column; `nil` means 1 each.
    ///   - locks: Pairs that must be kept: allowed, at most one per row, and no more
    ///     per column than its capacity.
    ///   - unassignedRows: See ``UnassignedRows``; `.maximumCardinality` by default.
    /// - Throws: ``AssignmentError`` for a wrong number of capacities, a negative
    ///   capacity, a bad lock, an unusable unassigned value, or costs so large that
    ///   `Int64` sums could overflow.
    /// - Complexity: O(`rows × columns`).
    @_specialize(exported:true,where Cost == Int64)
    @_specialize(exported:true,where Cost == Double)
    public init(
        _ matrix: consuming CostMatrix<Cost>,
        sense: Sense = .minimize,
        capacities: [Int]? = nil,
        locks: [Lock] = [],
        unassignedRows: UnassignedRows = .maximumCardinality
    ) throws(AssignmentError) {
        // Negated in place when the caller passed its last reference, so the
        // problem holds the matrix once.
        var costs = consume matrix
        if sense == .maximize { costs._negateAllowed() }
        self._costs = costs
        self.sense = sense
        self.capacities = capacities ?? Array(repeating: 1, count: _costs.columns)
        self.locks = locks
        self.unassignedRows = unassignedRows
        try _validate()
    }

    /// The value of a pair in the problem's sense, or `nil` when it is forbidden.
    ///
    /// - Complexity: O(1).
    public func value(row: Int, column: Int) -> Cost? {
        guard let cost = _costs.cost(row: row, column: column) else { return nil }
        return sense == .maximize ? cost._negated : cost
    }

    /// The value of leaving a row unassigned as a cost to minimise, when the
    /// problem allows it at a value.
    internal var _unassignedCost: Cost? {
        unassignedRows.value.map { sense == .maximize ? $0._negated : $0 }
    }
}
