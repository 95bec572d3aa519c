/// An optimal assignment, its objective and the duals that prove it.
///
/// ```swift
/// let solution = try ShortestAugmentingPath().solve(problem)
/// for (row, column) in solution.columnForRow.enumerated() { print(row, column ?? -1) }
/// ```
public struct AssignmentSolution<Cost: AssignmentCost>: Sendable, Equatable {
    /// The column of each row, or `nil` for a row left unassigned.
    public let columnForRow: [Int?]
    /// The sum of the values of the assigned pairs, in the problem's sense (it
    /// does not count the value of unassigned rows; see ``objectiveWithUnassigned``).
    public let objective: Cost
    /// ``objective`` plus the problem's unassigned value for each unassigned row,
    /// when the problem gives one; otherwise equal to ``objective``.
    public let objectiveWithUnassigned: Cost
    /// The potentials that prove optimality (minimisation form).
    public let duals: Duals<Cost>

    /// A solution from its parts; ``OptimalityCertificate`` can check any such candidate.
    public init(columnForRow: [Int?], objective: Cost, objectiveWithUnassigned: Cost, duals: Duals<Cost>) {
        self.columnForRow = columnForRow
        self.objective = objective
        self.objectiveWithUnassigned = objectiveWithUnassigned
        self.duals = duals
    }

    /// Rows left unassigned, in increasing order.
    ///
    /// - Complexity: O(rows).
    public var unassignedRows: [Int] {
        columnForRow.indices.filter { columnForRow[$0] == nil }
    }

    /// The rows assigned to each column, each list in increasing row order.
    ///
    /// - Parameter columns: The number of columns of the problem.
    /// - Complexity: O(rows + columns).
    public func rowsForColumn(columns: Int) -> [[Int]] {
        var rows = Array(repeating: [Int](), count: columns)
        for (row, column) in columnForRow.enumerated() {
            if let column { rows[column].append(row) }
        }
        return rows
    }
}
