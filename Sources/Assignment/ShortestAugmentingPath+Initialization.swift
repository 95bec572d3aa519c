// Initialisation, cold or warm.
//
// Cold: all column potentials are 0, each row's potential is its least cost
// (JV's row reduction), and each row takes its cheapest column if that column
// still has room. Every pair placed is tight, so the search starts from a
// valid partial solution; on matrices with many equal scores most rows are
// placed here.
//
// Warm: the same with the caller's column potentials, shifted so the largest
// is 0, and with each row's earlier column preferred among its cheapest ones.
// A warm start can break one dual condition: a column that is not full must
// have potential 0. `repairPotentials` restores it by raising such a column to
// 0, lowering the potential of every row that then prices it below its own,
// and freeing those rows from their columns (which may in turn need repair).
// Each column is raised at most once, so the repair is O(n m).

extension _Workspace {
    func initialize(
        activeRows: [Int], warmStart: WarmStart<Cost>?, problem: AssignmentProblem<Cost>
    ) throws(AssignmentError) {
        let columns = columnCount
        if let warmStart {
            var largest = warmStart.columnPotentials.first ?? .zero
            for value in warmStart.columnPotentials {
                guard value._isUsableCost else {
                    throw .unusableValue(row: -1, column: -1, description: "the warm-start potential \(value)")
                }
                largest = max(largest, value)
            }
            let bound = Double(2 * (rowCount + 1)) * problem._magnitudeLimit
            for column in 0..<columns {
                potential[column] = warmStart.columnPotentials[column] - largest
                guard !Cost.isExact || potential[column]._magnitude <= bound else {
                    throw .costOverflowRisk(largestMagnitude: potential[column]._magnitude, limit: bound)
                }
            }
        }
        let earlier = warmStart?.columnForRow
        for row in activeRows {
            let preferred = earlier.flatMap { row < $0.count ? $0[row] : nil } ?? -1
            placeOnCheapest(row, preferring: preferred)
        }
        if warmStart != nil { repairPotentials(activeRows: activeRows) }
    }

    /// Sets the row's potential to its least reduced cost and places it in a
    /// column attaining it that has room: the preferred one, else the first.
    private func placeOnCheapest(_ row: Int, preferring preferred: Int) {
        let columns = columnCount
        let forbidden = Cost._forbidden
        var least = forbidden
        var choice = -1
        if columns > 0 {
            let rowCosts = costs.baseAddress! + row * columns
            for column in 0..<columns {
                let cost = rowCosts[column]
                if cost == forbidden { continue }
                let reduced = cost - potential[column]
                if reduced < least {
                    least = reduced
                    choice = hasRoom(column) ? column : -1
                } else if reduced == least && choice < 0 && hasRoom(column) {
                    choice = column
                }
            }
        }
        if capacity[unassignedColumn] > 0 {
            let reduced = unassignedCost - potential[unassignedColumn]
            if reduced < least {
                least = reduced
                choice = hasRoom(unassignedColumn) ? unassignedColumn : -1
            } else if reduced == least && choice < 0 && hasRoom(unassignedColumn) {
                choice = unassignedColumn
            }
        }
        rowPotential[row] = least
        guard least != forbidden else { return }
        if preferred >= 0, preferred < columns, hasRoom(preferred) {
            let cost = costs[row * columns + preferred]
            if cost != forbidden && cost - potential[preferred] == least { choice = preferred }
        }
        if choice >= 0 { link(row, into: choice) }
    }

    /// Raises the potential of every column that has room but a negative
    /// potential to 0, keeping all reduced costs ≥ 0 by lowering row
    /// potentials and freeing rows whose pair stops being tight.
    private func repairPotentials(activeRows: [Int]) {
        var pending = (0...columnCount).filter { hasRoom($0) && potential[$0] < .zero }
        while let column = pending.popLast() {
            guard hasRoom(column), potential[column] < .zero else { continue }
            potential[column] = .zero
            for row in activeRows {
                let cost = cost(row: row, column: column)
                if cost == Cost._forbidden || cost - rowPotential[row] >= .zero { continue }
                rowPotential[row] = cost
                let held = columnForRow[row]
                guard held >= 0, held != column else { continue }
                unlink(row)
                if potential[held] < .zero { pending.append(held) }
            }
        }
    }
}
