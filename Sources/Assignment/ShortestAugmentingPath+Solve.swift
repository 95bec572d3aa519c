/// One dense solve from problem to solution: locks, initialisation, one
/// augmentation per free row, the unassigned option when needed, and duals.
internal enum _DenseSolve<Cost: AssignmentCost> {
    static func run(
        _ problem: AssignmentProblem<Cost>, warmStart: WarmStart<Cost>?
    ) throws(AssignmentError)
        -> AssignmentSolution<Cost>
    {
        let rows = problem.rows, columns = problem.columns
        if let warmStart, warmStart.columnPotentials.count != columns {
            throw .warmStartMismatch(expectedColumns: columns, actualColumns: warmStart.columnPotentials.count)
        }
        var lockedColumn = Array(repeating: -1, count: rows)
        var room = problem.capacities
        for lock in problem.locks {
            lockedColumn[lock.row] = lock.column
            room[lock.column] -= 1
        }
        let activeRows = (0..<rows).filter { lockedColumn[$0] < 0 }
        // A column never needs more slots than there are rows to place; one
        // more keeps a column whose capacity exceeds that from ever looking full.
        let slotsPerColumn = room.map { min($0, activeRows.count + 1) }

        let result: Result<_Outcome<Cost>, AssignmentError> = problem._costs.storage.withUnsafeBufferPointer { costs in
            let workspace = _Workspace(costs: costs, rows: rows, slotsPerColumn: slotsPerColumn)
            if let value = problem._unassignedCost {
                workspace.unassignedCost = value
                workspace.optionCapacity = activeRows.count
            }
            do throws(AssignmentError) {
                // Every slot will be filled: JV's reductions apply (see +Reduction).
                var fillsEverySlot =
                    warmStart == nil && workspace.optionCapacity == 0
                    && workspace.slotCount == activeRows.count && !activeRows.isEmpty
                if fillsEverySlot {
                    workspace.reduceColumns(activeRows: activeRows)
                    var free = activeRows.filter { workspace.slotForRow[$0] < 0 }
                    workspace.reduceRows(in: &free)
                } else {
                    try workspace.initialize(activeRows: activeRows, warmStart: warmStart, problem: problem)
                    // Augmenting row reduction is valid here too: it only lowers the
                    // potential of a slot it fills, so empty slots stay at 0
                    // (mentoring scores, 4000 × 8000: 0.48 s → 0.27 s). Not with the
                    // unassigned option open, which it does not price.
                    if workspace.optionCapacity == 0 {
                        var free = activeRows.filter { workspace.slotForRow[$0] < 0 }
                        workspace.reduceRows(in: &free)
                    }
                }
                workspace.matchTightPairs(activeRows: activeRows)
                try workspace.placeFreeRows(
                    activeRows, mode: problem.unassignedRows,
                    fillsEverySlot: &fillsEverySlot, capacities: slotsPerColumn)
                if fillsEverySlot { workspace.normalizePotentials() }
                workspace._checkInvariants(activeRows: activeRows)
                return .success(workspace.outcome(lockedColumn: lockedColumn, activeRows: activeRows))
            } catch {
                return .failure(error)
            }
        }
        return try result.get().solution(for: problem)
    }
}

extension _Workspace {
    /// Runs one augmentation per free row until every active row is placed.
    ///
    /// When a row cannot reach a slot with room and the problem asks for a
    /// maximum-cardinality answer, the unassigned option is opened with room for
    /// exactly the rows no maximum matching can place, at a constant cost no
    /// smaller than any row potential (so the duals stay feasible), and the
    /// search goes on from the same state. If the JV reductions were used, the
    /// slot potentials are first brought back to the "≤ 0, and 0 when empty"
    /// form that a problem with empty slots needs, which may free some rows.
    func placeFreeRows(
        _ activeRows: [Int], mode: AssignmentProblem<Cost>.UnassignedRows,
        fillsEverySlot: inout Bool, capacities: [Int]
    ) throws(AssignmentError) {
        var pending = activeRows.filter { slotForRow[$0] < 0 }
        let phasesMayPay = Cost.isExact && costsSpanFewValues()
        var poorPhases = 0
        // After a poor run of phases, a batch of rows goes one at a time; each
        // time phases are poor again straight after, the batch doubles and one
        // poor phase is enough to return to single rows.
        var singleBatch = 32
        var poorLimit = 16
        while !pending.isEmpty {
            // Phases in the manner of the Hungarian method: one search from all
            // free rows at once, then as many zero-cost placements as the new
            // potentials allow. A phase costs O(free rows × slots) to start, so
            // it pays only while it places a fair share of the free rows (with
            // many ties it places hundreds, and poor phases come between good
            // ones); after sixteen poor phases in a row, a batch of rows goes one
            // at a time before the next try (mentoring scores, n = 8000: 5.3 s
            // switching after four poor phases, 4.0 s after sixteen, 4.0 s
            // never; n = 4000: 0.80 s after one). Later poor phases send rows
            // back to single searches at once, in batches that double: on a
            // scored cohort with many forbidden pairs (3,000 mentees × 1,600
            // mentors), phases kept alternating a few good with sixteen poor and
            // took 9.5 s; with the doubling, 2.1 s (the mentoring families are
            // unchanged). Costs that rarely tie — floats, or integers spread over
            // more than 4,096 values (see `costsSpanFewValues`) — always go one
            // row at a time (uniform floats, n = 2000: 1.16 s in phases, 0.11 s
            // one at a time).
            var single = pending.count
            if phasesMayPay && optionCapacity == 0 && pending.count > 1 && augment(roots: pending) {
                let before = pending.count
                pending = pending.filter { slotForRow[$0] < 0 }
                placeAlongTightPairs(pending)
                pending = pending.filter { slotForRow[$0] < 0 }
                if (before - pending.count) * 64 >= before {
                    poorPhases = 0
                    continue
                }
                poorPhases += 1
                if poorPhases < poorLimit { continue }
                poorPhases = 0
                single = singleBatch
                singleBatch *= 2
                poorLimit = 1
            }
            for row in pending.prefix(single) where slotForRow[row] < 0 {
                if augmentAlongTightPairs(root: row) || augment(root: row) { continue }
                guard mode == .maximumCardinality, optionCapacity == 0 else { throw .infeasible(row: row) }
                if fillsEverySlot {
                    normalizePotentials()
                    refreshRowPotentials(activeRows: activeRows)
                    repairPotentials(activeRows: activeRows)
                    fillsEverySlot = false
                }
                let graph = _DenseAllowedPairs(costs: costs, rowCount: rowCount, columnCount: columnCount)
                var matching = CapacitatedMatching(
                    capacities: capacities, columnForRow: Array(repeating: nil, count: rowCount))
                matching.placeGreedily(graph, rows: activeRows)
                matching.grow(graph, roots: activeRows, target: .max)
                let placeable = matching.size
                refreshRowPotentials(activeRows: activeRows)
                optionCapacity = activeRows.count - placeable
                unassignedCost = optionCost(activeRows: activeRows)
                potential[option] = .zero
                let placed = augment(root: row)
                assert(placed, "the unassigned option always has room for a row")
            }
            pending = activeRows.filter { slotForRow[$0] < 0 }
        }
    }

    /// Whether the allowed costs lie within 4,096 consecutive values, so that
    /// many pairs tie and a phase can place many rows at once.
    ///
    /// Phases are what make tie-heavy scores fast (mentoring scores, 40
    /// distinct values, n = 4000: 0.72 s with phases, 1.08 s without), and
    /// make no difference on uniform costs in [0, 1000). Scores of a real
    /// cohort at a resolution of 0.01 span thousands of values and rarely
    /// tie: there, phases place one or two rows each at the price of a
    /// search from every free row (a 3,400-mentee, 1,600-mentor round: 2.6 s
    /// with phases, 1.4 s without).
    private func costsSpanFewValues() -> Bool {
        var low = Cost._forbidden
        var high: Cost?
        for value in costs where value != Cost._forbidden {
            if value < low { low = value }
            if high.map({ value > $0 }) ?? true { high = value }
        }
        guard let high else { return true }
        return Cost._uncheckedSubtract(high, low)._magnitude <= 4096
    }

    /// A constant at least every row potential and every allowed cost.
    private func optionCost(activeRows: [Int]) -> Cost {
        var largest = Cost.zero
        for value in costs where value != Cost._forbidden && value > largest { largest = value }
        for row in activeRows where rowPotential[row] != Cost._forbidden && rowPotential[row] > largest {
            largest = rowPotential[row]
        }
        return largest
    }

    /// Reads the assignment and duals out of the workspace.
    ///
    /// A column's potential is that of its slots (all filled slots of a column
    /// share one in an optimal dual, and equal 0 when an empty slot remains). A
    /// column without slots (capacity 0, or all locked) is full, and gets the
    /// largest potential ≤ 0 that keeps its reduced costs ≥ 0.
    func outcome(lockedColumn: [Int], activeRows: [Int]) -> _Outcome<Cost> {
        var columnPotentials = [Cost](repeating: .zero, count: columnCount)
        var rowPotentials = [Cost](repeating: .zero, count: rowCount)
        var columnForRow = [Int?](repeating: nil, count: rowCount)
        for row in activeRows {
            let slot = slotForRow[row]
            assert(slot >= 0, "every active row ends in a slot or the unassigned option")
            columnForRow[row] = slot == option ? nil : columnOfSlot[slot]
            rowPotentials[row] = derivedRowPotential(row)
        }
        for column in 0..<columnCount {
            let slots = firstSlot[column]..<firstSlot[column + 1]
            if let filled = slots.first(where: { rowForSlot[$0] >= 0 }) ?? slots.first {
                columnPotentials[column] = potential[filled]
                continue
            }
            var value = Cost.zero
            for row in activeRows {
                let cost = costs[row * columnCount + column]
                if cost != Cost._forbidden && cost - rowPotentials[row] < value { value = cost - rowPotentials[row] }
            }
            columnPotentials[column] = value
        }
        for (row, column) in lockedColumn.enumerated() where column >= 0 {
            columnForRow[row] = column
            rowPotentials[row] = costs[row * columnCount + column] - columnPotentials[column]
        }
        let unassigned =
            optionCapacity > 0
            ? Duals<Cost>.UnassignedOption(cost: unassignedCost, capacity: optionCapacity, potential: potential[option])
            : nil
        return _Outcome(
            columnForRow: columnForRow, rowPotentials: rowPotentials,
            columnPotentials: columnPotentials, unassigned: unassigned)
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
            if let column {
                objective += problem._costs.storage[row * problem.columns + column]
            } else {
                unassignedCount += 1
            }
        }
        if problem.sense == .maximize { objective = objective._negated }
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
