/// An independent proof check of a solution: it recomputes every reduced cost
/// from the raw matrix and the returned duals, and shares no code with the solver.
///
/// A solution is proven optimal when:
/// 1. it is feasible: each row is placed at most once, on an allowed pair; the
///    locks hold; no column exceeds its capacity; and the number of unassigned
///    rows is allowed (none when the problem forbids it; for a
///    maximum-cardinality problem, exactly as many as a maximum matching —
///    computed here by its own augmenting-path search — leaves over);
/// 2. the duals are feasible: on every allowed pair of an unlocked row,
///    `cost − u − v ≥ 0`; every column potential is ≤ 0; likewise for the
///    unassigned option;
/// 3. complementary slackness holds: every assigned pair (and every unassigned
///    row's option) has reduced cost 0, and a column with a negative potential
///    is full.
/// Then the primal objective equals the dual objective, which is also checked.
/// Costs are in minimisation form (scores negated when maximising). For `Int64`
/// every check is exact; for `Double` each comparison allows ``tolerance(for:)``.
public enum OptimalityCertificate {
    /// The verdict on one solution.
    public struct Report: Sendable, CustomStringConvertible {
        /// Whether every condition holds.
        public var isOptimal: Bool { violations.isEmpty }
        /// One sentence per violated condition (at most 20 are kept).
        public internal(set) var violations: [String] = []
        /// The primal objective in the problem's sense (unassigned values included
    /// when the problem gives one).
        public internal(set) var primalObjective: Double = 0
        /// The dual objective Σu + Σ capacity·v (plus locked pairs), in the problem's sense.
        public internal(set) var dualObjective: Double = 0
        /// The absolute tolerance used per comparison (0 for exact costs).
        public internal(set) var tolerance: Double = 0

        public var description: String {
            isOptimal
                ? "optimal: primal \(primalObjective) = dual \(dualObjective)"
                : "NOT proven optimal: " + violations.joined(separator: "; ")
        }

        mutating func fail(_ message: String) {
            if violations.count < 20 { violations.append(message) }
        }
    }

    /// The per-comparison tolerance for a problem: 0 for exact costs; for
    /// `Double`, 1e-9 × (1 + largest |cost|) × (rows + columns + 1), which
    /// bounds the rounding accumulated along augmenting paths.
    @_specialize(exported: true, where Cost == Int64)
    @_specialize(exported: true, where Cost == Double)
    public static func tolerance<Cost>(for problem: AssignmentProblem<Cost>) -> Double {
        guard !Cost.isExact else { return 0 }
        var largest = 0.0
        for row in 0..<problem.rows {
            for column in 0..<problem.columns {
                if let value = problem.value(row: row, column: column) { largest = max(largest, value._magnitude) }
            }
        }
        return 1e-9 * (1 + largest) * Double(problem.rows + problem.columns + 1)
    }

    /// Checks a solution against a problem.
    ///
    /// - Parameters:
    ///   - problem: The problem that was solved.
    ///   - solution: Any candidate solution with its duals.
    /// - Returns: The verdict, with every violated condition named.
    /// - Complexity: O(rows × columns), plus a matching search when a
    ///   maximum-cardinality answer leaves rows unassigned.
    @_specialize(exported: true, where Cost == Int64)
    @_specialize(exported: true, where Cost == Double)
    public static func verify<Cost>(problem: AssignmentProblem<Cost>, solution: AssignmentSolution<Cost>) -> Report {
        var report = Report()
        let rows = problem.rows, columns = problem.columns
        let tolerance = tolerance(for: problem)
        report.tolerance = tolerance
        let duals = solution.duals
        guard solution.columnForRow.count == rows, duals.rowPotentials.count == rows,
              duals.columnPotentials.count == columns
        else {
            report.fail("the solution's sizes do not match the problem's \(rows) × \(columns)")
            return report
        }
        let minimizing = problem.sense == .minimize
        func cost(_ row: Int, _ column: Int) -> Double? {
            guard let value = problem.value(row: row, column: column) else { return nil }
            return minimizing ? value._asDouble : -value._asDouble
        }
        var locked = Array(repeating: -1, count: rows)
        for lock in problem.locks { locked[lock.row] = lock.column }

        // 1. Primal feasibility.
        var load = Array(repeating: 0, count: columns)
        var unassignedCount = 0
        for row in 0..<rows {
            guard let column = solution.columnForRow[row] else {
                unassignedCount += 1
                if locked[row] >= 0 { report.fail("row \(row) is locked to column \(locked[row]) but unassigned") }
                continue
            }
            guard column >= 0, column < columns, cost(row, column) != nil else {
                report.fail("row \(row) is assigned to column \(column), which is out of range or forbidden")
                continue
            }
            if locked[row] >= 0 && locked[row] != column {
                report.fail("row \(row) is locked to column \(locked[row]) but assigned to \(column)")
            }
            load[column] += 1
        }
        for column in 0..<columns where load[column] > problem.capacities[column] {
            report.fail("column \(column) holds \(load[column]) rows, over its capacity \(problem.capacities[column])")
        }
        switch problem.unassignedRows {
        case .forbidden where unassignedCount > 0:
            report.fail("\(unassignedCount) rows are unassigned but the problem requires every row placed")
        case .maximumCardinality where unassignedCount > 0:
            let best = _IndependentMatching.maximumSize(problem: problem, locked: locked)
            if rows - unassignedCount < best {
                report.fail("\(rows - unassignedCount) rows are placed but \(best) can be")
            }
        default:
            break
        }

        // 2 and 3. Dual feasibility and complementary slackness.
        let option = duals.unassigned
        let optionCost = option.map { $0.cost._asDouble }
        if unassignedCount > 0 && option == nil {
            report.fail("rows are unassigned but the duals hold no unassigned option")
        }
        if let option {
            if option.potential._asDouble > tolerance { report.fail("the unassigned option's potential is positive") }
            if option.potential._asDouble < -tolerance && unassignedCount != option.capacity {
                report.fail("the unassigned option's potential is negative but it is not full")
            }
            if unassignedCount > option.capacity {
                report.fail("\(unassignedCount) rows are unassigned, over the option's capacity \(option.capacity)")
            }
        }
        let u = duals.rowPotentials.map { $0._asDouble }
        let v = duals.columnPotentials.map { $0._asDouble }
        var lockedLoad = Array(repeating: 0, count: columns)
        for lock in problem.locks { lockedLoad[lock.column] += 1 }
        for column in 0..<columns {
            if v[column] > tolerance { report.fail("column \(column) has a positive potential \(v[column])") }
            if v[column] < -tolerance && load[column] < problem.capacities[column] {
                report.fail("column \(column) has a negative potential but is not full")
            }
        }
        var primal = 0.0
        var dual = 0.0
        for row in 0..<rows {
            if let column = solution.columnForRow[row], let value = cost(row, column) { primal += value }
            guard locked[row] < 0 else { continue }
            dual += u[row]
            for column in 0..<columns {
                guard let value = cost(row, column) else { continue }
                let reduced = value - u[row] - v[column]
                if reduced < -tolerance {
                    report.fail("pair (\(row), \(column)) has reduced cost \(reduced) < 0")
                }
                if solution.columnForRow[row] == column && abs(reduced) > tolerance {
                    report.fail("assigned pair (\(row), \(column)) has reduced cost \(reduced) ≠ 0")
                }
            }
            if let option, let optionCost {
                let reduced = optionCost - u[row] - option.potential._asDouble
                if reduced < -tolerance { report.fail("row \(row)'s unassigned option has reduced cost \(reduced) < 0") }
                if solution.columnForRow[row] == nil {
                    primal += optionCost
                    if abs(reduced) > tolerance {
                        report.fail("unassigned row \(row) has option reduced cost \(reduced) ≠ 0")
                    }
                }
            }
        }
        for column in 0..<columns {
            dual += Double(problem.capacities[column] - lockedLoad[column]) * v[column]
        }
        if let option { dual += Double(option.capacity) * option.potential._asDouble }
        for lock in problem.locks { if let value = cost(lock.row, lock.column) { dual += value } }
        let gapTolerance = Cost.isExact ? 0.5 : tolerance * Double(rows + 1)
        if abs(primal - dual) > max(gapTolerance, abs(primal) * 1e-15 * Double(rows + 1)) {
            report.fail("primal objective \(primal) differs from dual objective \(dual)")
        }
        // Report both in the problem's own terms: in its sense, and without the
        // solver's internal constant when the option only stands for "cannot be placed".
        if problem.unassignedRows == .maximumCardinality, let optionCost {
            primal -= optionCost * Double(unassignedCount)
            dual -= optionCost * Double(unassignedCount)
        }
        report.primalObjective = minimizing ? primal : -primal
        report.dualObjective = minimizing ? dual : -dual
        return report
    }
}

extension AssignmentCost {
    /// The value as a `Double`, for the certificate's sums.
    var _asDouble: Double { (self < .zero ? -1 : 1) * _magnitude }
}

/// A maximum matching size by one breadth-first augmenting-path search per row
/// (the Ford–Fulkerson method on the row–column network), written apart from
/// the solver's code so the certificate does not trust the code it checks.
enum _IndependentMatching {
    static func maximumSize<Cost>(problem: AssignmentProblem<Cost>, locked: [Int]) -> Int {
        let rows = problem.rows, columns = problem.columns
        var room = problem.capacities
        for lock in problem.locks { room[lock.column] -= 1 }
        var holders = Array(repeating: [Int](), count: columns)
        var size = problem.locks.count
        for root in 0..<rows where locked[root] < 0 {
            // Breadth-first over rows; `reachedFrom[column]` is the row that reached it.
            var reachedFrom = Array(repeating: -1, count: columns)
            var columnOfRow = [root: -1]
            var queue = [root]
            var head = 0
            var found = -1
            search: while head < queue.count {
                let row = queue[head]
                head += 1
                for column in 0..<columns where reachedFrom[column] < 0 && problem.value(row: row, column: column) != nil {
                    reachedFrom[column] = row
                    if holders[column].count < room[column] {
                        found = column
                        break search
                    }
                    for holder in holders[column] where columnOfRow[holder] == nil {
                        columnOfRow[holder] = column
                        queue.append(holder)
                    }
                }
            }
            guard found >= 0 else { continue }
            var column = found
            while true {
                let row = reachedFrom[column]
                holders[column].append(row)
                let from = columnOfRow[row] ?? -1
                if from < 0 { break }
                holders[from].removeAll { $0 == row }
                column = from
            }
            size += 1
        }
        return size
    }
}
