/// One dense solve from problem to solution: locks, initialisation, one
/// augmentation per free row, the unassigned option when needed, and duals.
internal enum _DenseSolve<Cost: AssignmentCost> {
    static func run(_ problem: AssignmentProblem<Cost>, warmStart: WarmStart<Cost>?) throws(AssignmentError)
        -> AssignmentSolution<Cost>
    {
        let rows = problem.rows, columns = problem.columns
        if let warmStart, warmStart.columnPotentials.count != columns {
            throw .warmStartMismatch(expectedColumns: columns, actualColumns: warmStart.columnPotentials.count)
        }
        var lockedColumn = Array(repeating: -1, count: rows)
        for lock in problem.locks { lockedColumn[lock.row] = lock.column }
        let activeRows = (0..<rows).filter { lockedColumn[$0] < 0 }

        let result: Result<_Outcome<Cost>, AssignmentError> = problem._costs.storage.withUnsafeBufferPointer { costs in
            let workspace = _Workspace(costs: costs, rows: rows, columns: columns)
            for column in 0..<columns { workspace.capacity[column] = min(problem.capacities[column], rows) }
            for lock in problem.locks { workspace.capacity[lock.column] -= 1 }
            if let value = problem._unassignedCost {
                workspace.unassignedCost = value
                workspace.capacity[columns] = activeRows.count
            }
            do throws(AssignmentError) {
                try workspace.initialize(activeRows: activeRows, warmStart: warmStart, problem: problem)
                try workspace.placeFreeRows(activeRows, mode: problem.unassignedRows)
                workspace._checkInvariants(activeRows: activeRows)
                return .success(workspace.outcome(lockedColumn: lockedColumn))
            } catch {
                return .failure(error)
            }
        }
        let outcome = try result.get()
        return outcome.solution(for: problem)
    }
}

/// The raw result of a solve, before it is expressed in the problem's sense.
internal struct _Outcome<Cost: AssignmentCost> {
    var columnForRow: [Int?]
    var rowPotentials: [Cost]
    var columnPotentials: [Cost]
    var unassigned: Duals<Cost>.UnassignedOption?

    func solution(for problem: AssignmentProblem<Cost>) -> AssignmentSolution<Cost> {
        var objective = Cost.zero
        var unassignedCount = 0
        for (row, column) in columnForRow.enumerated() {
            if let column { objective += problem.matrix.storage[row * problem.columns + column] }
            else { unassignedCount += 1 }
        }
        var withUnassigned = objective
        if case let .allowed(value) = problem.unassignedRows {
            withUnassigned += value._times(unassignedCount)
        }
        return AssignmentSolution(
            columnForRow: columnForRow,
            objective: objective,
            objectiveWithUnassigned: withUnassigned,
            duals: Duals(rowPotentials: rowPotentials, columnPotentials: columnPotentials, unassigned: unassigned)
        )
    }
}

extension _Workspace {
    /// Runs one augmentation per free row, in row order.
    ///
    /// When a row cannot reach a column with room and the problem asks for a
    /// maximum-cardinality answer, the unassigned option is opened with room for
    /// exactly the rows no maximum matching can place, at a constant cost no
    /// smaller than any row potential (so the duals stay feasible), and the
    /// search goes on from the same state.
    func placeFreeRows(_ activeRows: [Int], mode: AssignmentProblem<Cost>.UnassignedRows) throws(AssignmentError) {
        for row in activeRows where columnForRow[row] < 0 {
            if augment(root: row) { continue }
            guard mode == .maximumCardinality, capacity[unassignedColumn] == 0 else {
                throw .infeasible(row: row)
            }
            let placeable = _MaximumCardinality.size(workspace: self, activeRows: activeRows)
            capacity[unassignedColumn] = activeRows.count - placeable
            unassignedCost = optionCost(activeRows: activeRows)
            potential[unassignedColumn] = .zero
            let placed = augment(root: row)
            assert(placed, "the unassigned option always has room for a row")
        }
    }

    /// A constant at least every current row potential and every allowed cost.
    private func optionCost(activeRows: [Int]) -> Cost {
        var largest = Cost.zero
        for value in costs where value != Cost._forbidden && value > largest { largest = value }
        for row in activeRows where columnForRow[row] >= 0 {
            let potential = derivedRowPotential(row)
            if potential > largest { largest = potential }
        }
        return largest
    }

    /// Reads the assignment and duals out of the workspace.
    func outcome(lockedColumn: [Int]) -> _Outcome<Cost> {
        let option = unassignedColumn
        var columnForRow = [Int?](repeating: nil, count: rowCount)
        var rowPotentials = [Cost](repeating: .zero, count: rowCount)
        for row in 0..<rowCount {
            let locked = lockedColumn[row]
            if locked >= 0 {
                columnForRow[row] = locked
                rowPotentials[row] = cost(row: row, column: locked) - potential[locked]
            } else {
                let column = self.columnForRow[row]
                assert(column >= 0, "every active row ends in a column or the unassigned option")
                columnForRow[row] = column == option ? nil : column
                rowPotentials[row] = derivedRowPotential(row)
            }
        }
        let unassigned = capacity[option] > 0
            ? Duals<Cost>.UnassignedOption(cost: unassignedCost, capacity: capacity[option], potential: potential[option])
            : nil
        return _Outcome(
            columnForRow: columnForRow,
            rowPotentials: rowPotentials,
            columnPotentials: Array(potential[0..<columnCount]),
            unassigned: unassigned
        )
    }
}
