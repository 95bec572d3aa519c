/// An assignment problem over a sparse matrix: only the stored pairs may be
/// assigned, columns have capacities, and rows either must all be placed or
/// may stay unassigned at a value.
///
/// The search's work per augmentation is proportional to the pairs it reaches,
/// not to the whole matrix, so a problem with a few dozen pairs per row solves
/// in a small fraction of the time of its dense form.
///
/// ```swift
/// let scores = try SparseCostMatrix<Int64>(rows: 2, columns: 2, pairs: [[(0, 9), (1, 4)], [(0, 8)]])
/// let problem = try SparseAssignmentProblem(scores, sense: .maximize, unassignedRows: .allowed(value: 0))
/// let solution = try ShortestAugmentingPath().solve(problem)
/// ```
///
/// - Complexity: Building the problem is O(pairs) for its checks.
public struct SparseAssignmentProblem<Cost: AssignmentCost>: Sendable {
    /// What the answer may do with rows it does not place: `.allowed` or
    /// `.forbidden` (see ``Assignment/UnassignedRows``).
    public typealias UnassignedRows = Assignment.UnassignedRows<Cost>

    /// Minimise costs or maximise scores.
    public let sense: AssignmentProblem<Cost>.Sense
    /// How many rows each column may take.
    public let capacities: [Int]
    /// Pairs that must be in the answer (see ``AssignmentLock``); checked
    /// when solving.
    public let locks: [AssignmentLock]
    /// What happens to rows that are not placed.
    public let unassignedRows: UnassignedRows
    /// The stored pairs as costs to minimise (scores negated when maximising).
    internal let _costs: SparseCostMatrix<Cost>

    /// The number of rows.
    public var rows: Int { _costs.rows }
    /// The number of columns.
    public var columns: Int { _costs.columns }
    /// The values as given, in the problem's sense.
    ///
    /// - Complexity: O(1) when minimising, O(pairs) and a copy when maximising.
    public var matrix: SparseCostMatrix<Cost> { sense == .maximize ? _costs._negated : _costs }

    /// Creates and checks a problem.
    ///
    /// - Parameters:
    ///   - matrix: The allowed pairs with their costs (or scores, with `sense: .maximize`).
    ///   - sense: `.minimize` (default) or `.maximize`.
    ///   - capacities: One value of 0 or more per column; `nil` means 1 each.
    ///   - locks: Pairs that must be kept: stored, at most one per row, and no
    ///     more per column than its capacity (checked when solving).
    ///   - unassignedRows: `.forbidden` (the default) or `.allowed(value:)`.
    /// - Throws: ``AssignmentError`` for a wrong number of capacities, a negative
    ///   capacity, an unusable unassigned value, `.maximumCardinality`, or
    ///   values so large that `Int64` sums could overflow.
    /// - Complexity: O(pairs). When maximising, the scores are negated in
    ///   place if the caller hands `matrix` over (`consume`), else in a copy.
    @_specialize(exported:true,where Cost == Int64)
    @_specialize(exported:true,where Cost == Double)
    public init(
        _ matrix: consuming SparseCostMatrix<Cost>,
        sense: AssignmentProblem<Cost>.Sense = .minimize,
        capacities: [Int]? = nil,
        locks: [AssignmentLock] = [],
        unassignedRows: UnassignedRows = .forbidden
    ) throws(AssignmentError) {
        let capacities = capacities ?? Array(repeating: 1, count: matrix.columns)
        guard capacities.count == matrix.columns else {
            throw .shapeMismatch(expected: matrix.columns, actual: capacities.count, what: "capacities")
        }
        if let column = capacities.firstIndex(where: { $0 < 0 }) {
            throw .negativeCapacity(column: column, capacity: capacities[column])
        }
        if unassignedRows == .maximumCardinality {
            throw .unsupported(
                "a maximum-cardinality answer on a sparse problem; allow unassigned rows at a value instead")
        }
        var largest = 0.0
        if case let .allowed(value) = unassignedRows {
            guard value._isUsableCost else {
                throw .unusableValue(row: -1, column: -1, description: "the unassigned value \(value)")
            }
            largest = value._magnitude
        }
        for value in matrix.values { largest = max(largest, value._magnitude) }
        let limit = Cost.largestSafeMagnitude(rows: matrix.rows, columns: matrix.columns)
        guard largest <= limit else { throw .costOverflowRisk(largestMagnitude: largest, limit: limit) }
        if sense == .maximize { matrix._negate() }
        self._costs = matrix
        self.sense = sense
        self.capacities = capacities
        self.locks = locks
        self.unassignedRows = unassignedRows
    }

    /// The same problem over some of its rows, with other capacities and no
    /// locks: what remains to solve once locked rows are taken out.
    func _keeping(rows kept: [Int], capacities: [Int]) throws(AssignmentError) -> SparseAssignmentProblem<Cost> {
        var rowStart = [0]
        var columnIndices: [Int32] = []
        var values: [Cost] = []
        for row in kept {
            for position in _costs.rowStart[row]..<_costs.rowStart[row + 1] {
                columnIndices.append(_costs.columnIndices[position])
                values.append(sense == .maximize ? _costs.values[position]._negated : _costs.values[position])
            }
            rowStart.append(values.count)
        }
        let matrix = try SparseCostMatrix(
            rows: kept.count, columns: columns, rowStart: rowStart, columnIndices: columnIndices, values: values)
        return try SparseAssignmentProblem(matrix, sense: sense, capacities: capacities, unassignedRows: unassignedRows)
    }

    /// The value of a pair in the problem's sense, or `nil` when it is not stored.
    ///
    /// - Complexity: O(log(pairs in the row)).
    public func value(row: Int, column: Int) -> Cost? {
        guard let cost = _costs.value(row: row, column: column) else { return nil }
        return sense == .maximize ? cost._negated : cost
    }

    /// The value of leaving a row unassigned as a cost to minimise, if allowed.
    internal var _unassignedCost: Cost? {
        unassignedRows.value.map { sense == .maximize ? $0._negated : $0 }
    }
}
