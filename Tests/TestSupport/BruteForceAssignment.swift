import Assignment

/// The exact optimum of a small problem by trying every assignment, with
/// capacities and locks honoured; an oracle that shares nothing with the solver.
public enum BruteForceAssignment {
    /// The best achievable values, in the problem's sense.
    public struct Optimum<Cost: AssignmentCost>: Equatable, CustomStringConvertible {
        /// How many rows the best answer places.
        public var assignedCount: Int
        /// The sum of the assigned pairs' values.
        public var objective: Cost
        /// The objective counting the unassigned value of each unplaced row.
        public var objectiveWithUnassigned: Cost
        public var description: String {
            "\(assignedCount) placed, objective \(objective), with unassigned \(objectiveWithUnassigned)"
        }
    }

    /// Enumerates every feasible assignment; `nil` when none is allowed.
    /// Meant for at most about 10⁶ candidate assignments ((columns + 1)^rows).
    public static func solve<Cost>(_ problem: AssignmentProblem<Cost>) -> Optimum<Cost>? {
        let rows = problem.rows, columns = problem.columns
        var locked = Array(repeating: -1, count: rows)
        for lock in problem.locks { locked[lock.row] = lock.column }
        var load = Array(repeating: 0, count: columns)
        var best: Optimum<Cost>?
        let maximize = problem.sense == .maximize
        func better(_ a: Optimum<Cost>, than b: Optimum<Cost>) -> Bool {
            switch problem.unassignedRows {
            case .maximumCardinality:
                if a.assignedCount != b.assignedCount { return a.assignedCount > b.assignedCount }
                return maximize ? a.objective > b.objective : a.objective < b.objective
            case .allowed, .forbidden:
                return maximize
                    ? a.objectiveWithUnassigned > b.objectiveWithUnassigned
                    : a.objectiveWithUnassigned < b.objectiveWithUnassigned
            }
        }
        func visit(_ row: Int, _ assigned: Int, _ total: Cost, _ unassigned: Int) {
            if row == rows {
                var withUnassigned = total
                if case let .allowed(value) = problem.unassignedRows {
                    for _ in 0..<unassigned { withUnassigned += value }
                }
                let candidate = Optimum(
                    assignedCount: assigned, objective: total, objectiveWithUnassigned: withUnassigned)
                if best == nil || better(candidate, than: best!) { best = candidate }
                return
            }
            let choices = locked[row] >= 0 ? [locked[row]] : Array(0..<columns)
            for column in choices where load[column] < problem.capacities[column] {
                guard let value = problem.value(row: row, column: column) else { continue }
                load[column] += 1
                visit(row + 1, assigned + 1, total + value, unassigned)
                load[column] -= 1
            }
            if locked[row] < 0 && problem.unassignedRows != .forbidden {
                visit(row + 1, assigned, total, unassigned + 1)
            }
        }
        visit(0, 0, .zero, 0)
        return best
    }
}
