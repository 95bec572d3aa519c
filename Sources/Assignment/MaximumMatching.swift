/// How many rows can be placed at all: the size of a maximum matching on the
/// allowed pairs, with column capacities, whatever the costs.
///
/// A round's fairness floor uses it to ask "can as many mentees still be
/// matched using only pairs scoring at least t?" for each candidate t.
///
/// ```swift
/// let allowed = try CostMatrix<Int64>(rows: 2, columns: 1, values: [1, 1])
/// MaximumMatching.size(allowed, capacities: [1]) // 1
/// ```
public enum MaximumMatching {
    /// - Parameters:
    ///   - matrix: Only which pairs are allowed matters.
    ///   - capacities: One value of 0 or more per column.
    /// - Returns: The most rows that can be placed at once.
    /// - Complexity: O(rows × columns) for the greedy start plus, per row left
    ///   free, one breadth-first search; each column is explored by at most one
    ///   failed search.
    public static func size<Cost: AssignmentCost>(_ matrix: CostMatrix<Cost>, capacities: [Int]) -> Int {
        precondition(capacities.count == matrix.columns && capacities.allSatisfy { $0 >= 0 }, "one capacity of 0 or more per column")
        return matrix.storage.withUnsafeBufferPointer {
            _MaximumCardinality.size(costs: $0, rows: matrix.rows, capacities: capacities, activeRows: Array(0..<matrix.rows))
        }
    }
}
