extension OptimalityCertificate {
    /// Checks a solution against a problem read row by row: the same conditions
    /// as ``verify(problem:solution:)`` (feasible assignment, feasible duals,
    /// complementary slackness, equal objectives) for problems without locks
    /// whose rows must all be placed (`unassignedValue == nil`) or may stay
    /// unassigned at a value.
    ///
    /// - Parameters:
    ///   - rows: Every pair of the problem, including pairs a solver never saw
    ///     (this is how an answer found on a candidate subset is proven
    ///     optimal for the whole problem).
    ///   - sense: The problem's sense; the duals are in minimisation form.
    ///   - capacities: One per column.
    ///   - unassignedValue: The value of leaving a row unassigned (in the
    ///     problem's sense), or `nil` when every row must be placed.
    ///   - solution: Any candidate solution with its duals.
    /// - Returns: The verdict, with every violated condition named.
    /// - Complexity: O(rows × columns) time (one pass; two for `Double`, whose
    ///   tolerance needs the largest value first) and O(columns) memory.
    @_specialize(exported: true, where Source == SparseAssignmentProblem<Int64>)
    public static func verify<Source: AssignmentRowSource>(
        rows source: Source, sense: AssignmentProblem<Source.Cost>.Sense, capacities: [Int],
        unassignedValue: Source.Cost?, solution: AssignmentSolution<Source.Cost>
    ) -> Report {
        typealias Cost = Source.Cost
        var report = Report()
        let rows = source.rowCount, columns = source.columnCount
        let duals = solution.duals
        guard solution.columnForRow.count == rows, duals.rowPotentials.count == rows,
              duals.columnPotentials.count == columns, capacities.count == columns
        else {
            report.fail("the solution's sizes do not match the problem's \(rows) × \(columns)")
            return report
        }
        let values = UnsafeMutableBufferPointer<Cost>.allocate(capacity: columns)
        let allowed = UnsafeMutableBufferPointer<Bool>.allocate(capacity: columns)
        defer {
            values.deallocate()
            allowed.deallocate()
        }
        let sign = sense == .minimize ? 1.0 : -1.0
        let tolerance = Cost.isExact ? 0 : _rowTolerance(source, values: values, allowed: allowed)
        report.tolerance = tolerance

        var load = Array(repeating: 0, count: columns)
        for column in solution.columnForRow {
            if let column, column >= 0, column < columns { load[column] += 1 }
        }
        let v = duals.columnPotentials.map { $0._asDouble }
        var dual = 0.0
        for column in 0..<columns {
            if load[column] > capacities[column] {
                report.fail("column \(column) holds \(load[column]) rows, over its capacity \(capacities[column])")
            }
            if v[column] > tolerance { report.fail("column \(column) has a positive potential \(v[column])") }
            if v[column] < -tolerance && load[column] < capacities[column] {
                report.fail("column \(column) has a negative potential but is not full")
            }
            dual += Double(capacities[column]) * v[column]
        }
        let unassignedCount = solution.columnForRow.count(where: { $0 == nil })
        let optionCost = unassignedValue.map { sign * $0._asDouble }
        var optionPotential = 0.0
        if unassignedCount > 0 && optionCost == nil {
            report.fail("\(unassignedCount) rows are unassigned but the problem requires every row placed")
        }
        if optionCost != nil {
            if let option = duals.unassigned {
                optionPotential = option.potential._asDouble
                if option.capacity != rows { report.fail("the unassigned option's capacity is not the number of rows") }
            }
            if optionPotential > tolerance { report.fail("the unassigned option's potential is positive") }
            if optionPotential < -tolerance && unassignedCount != rows {
                report.fail("the unassigned option's potential is negative but it is not full")
            }
            dual += Double(rows) * optionPotential
        }

        var primal = 0.0
        for row in 0..<rows {
            source.readRow(row, values: values, allowed: allowed)
            let u = duals.rowPotentials[row]._asDouble
            dual += u
            let assigned = solution.columnForRow[row] ?? -1
            if let column = solution.columnForRow[row], !(column >= 0 && column < columns && allowed[column]) {
                report.fail("row \(row) is assigned to column \(column), which is out of range or not allowed")
            }
            primal += v.withUnsafeBufferPointer {
                _checkRow(row, values: UnsafeBufferPointer(values), allowed: UnsafeBufferPointer(allowed), u: u, v: $0,
                          sign: sign, tolerance: tolerance, assigned: assigned, report: &report)
            }
            if let optionCost {
                let reduced = optionCost - u - optionPotential
                if reduced < -tolerance { report.fail("row \(row)'s unassigned option has reduced cost \(reduced) < 0") }
                if assigned < 0 {
                    primal += optionCost
                    if abs(reduced) > tolerance { report.fail("unassigned row \(row) has option reduced cost \(reduced) ≠ 0") }
                }
            }
        }
        let gapTolerance = Cost.isExact ? 0.5 : tolerance * Double(rows + 1)
        if abs(primal - dual) > max(gapTolerance, abs(primal) * 1e-15 * Double(rows + 1)) {
            report.fail("primal objective \(primal) differs from dual objective \(dual)")
        }
        report.primalObjective = sign * primal
        report.dualObjective = sign * dual
        return report
    }

    /// Checks a solution of a sparse problem against every stored pair.
    ///
    /// - Complexity: O(rows × columns).
    public static func verify<Cost>(problem: SparseAssignmentProblem<Cost>, solution: AssignmentSolution<Cost>) -> Report {
        let unassignedValue: Cost? = switch problem.unassignedRows {
        case let .allowed(value): value
        case .forbidden: nil
        }
        return verify(rows: problem, sense: problem.sense, capacities: problem.capacities,
                      unassignedValue: unassignedValue, solution: solution)
    }

    /// Checks one row's pairs against the duals and returns the value of its
    /// assigned pair (0 if none). Apart from the source's generic `verify`, so
    /// that this loop is specialised for the cost type even when the source
    /// type is one the module cannot see.
    @_specialize(where Cost == Int64)
    @_specialize(where Cost == Double)
    static func _checkRow<Cost: AssignmentCost>(
        _ row: Int, values: UnsafeBufferPointer<Cost>, allowed: UnsafeBufferPointer<Bool>, u: Double,
        v: UnsafeBufferPointer<Double>, sign: Double, tolerance: Double, assigned: Int, report: inout Report
    ) -> Double {
        var primal = 0.0
        for column in 0..<values.count where allowed[column] {
            let value = sign * values[column]._asDouble
            let reduced = value - u - v[column]
            if reduced < -tolerance { report.fail("pair (\(row), \(column)) has reduced cost \(reduced) < 0") }
            if column == assigned {
                primal = value
                if abs(reduced) > tolerance { report.fail("assigned pair (\(row), \(column)) has reduced cost \(reduced) ≠ 0") }
            }
        }
        return primal
    }

    /// The dense certificate's tolerance for a problem read by rows.
    private static func _rowTolerance<Source: AssignmentRowSource>(
        _ source: Source, values: UnsafeMutableBufferPointer<Source.Cost>, allowed: UnsafeMutableBufferPointer<Bool>
    ) -> Double {
        var largest = 0.0
        for row in 0..<source.rowCount {
            source.readRow(row, values: values, allowed: allowed)
            for column in 0..<source.columnCount where allowed[column] {
                largest = max(largest, values[column]._magnitude)
            }
        }
        return 1e-9 * (1 + largest) * Double(source.rowCount + source.columnCount + 1)
    }
}
