// Initialisation for problems where some slots stay empty (more slots than
// rows, or rows may be left unassigned), cold or warm.
//
// There the dual of "a column takes at most c rows" requires every slot
// potential ≤ 0, and 0 on an empty slot; the search keeps both.
//
// Cold: every potential is 0, each row's potential is its least cost (JV's row
// reduction), and each row takes an empty slot of its cheapest column if one
// is left. Every pair placed is tight, so the search starts from a valid
// partial solution; on matrices with many equal scores most rows are placed here.
//
// Warm: the same with the caller's column potentials, shifted so the largest
// is 0, and with each row's earlier column preferred among its cheapest ones.
// A warm start can leave an empty slot with a negative potential.
// `repairPotentials` then raises that slot to 0, lowers the potential of every
// row that then prices it below its own, and frees those rows from their
// slots (which may in turn need repair). Each slot is raised at most once, so
// the repair is O(rows × slots).

extension _Workspace {
    func initialize(
        activeRows: [Int], warmStart: WarmStart<Cost>?, problem: AssignmentProblem<Cost>
    ) throws(AssignmentError) {
        if let warmStart {
            var largest = warmStart.columnPotentials.first ?? .zero
            for value in warmStart.columnPotentials {
                guard value._isUsableCost else {
                    throw .unusableValue(row: -1, column: -1, description: "the warm-start potential \(value)")
                }
                largest = max(largest, value)
            }
            let bound =
                Double(2 * (rowCount + 1)) * Cost.largestSafeMagnitude(rows: problem.rows, columns: problem.columns)
            for column in 0..<columnCount {
                let shifted = warmStart.columnPotentials[column] - largest
                guard !Cost.isExact || shifted._magnitude <= bound else {
                    throw .costOverflowRisk(largestMagnitude: shifted._magnitude, limit: bound)
                }
                for slot in firstSlot[column]..<firstSlot[column + 1] { potential[slot] = shifted }
            }
        }
        let earlier = warmStart?.columnForRow
        for row in activeRows {
            let preferred = earlier.flatMap { row < $0.count ? $0[row] : nil } ?? -1
            placeOnCheapest(row, preferring: preferred)
        }
        if warmStart != nil { repairPotentials(activeRows: activeRows) }
    }

    /// Sets the row's potential to its least reduced cost and places it in an
    /// empty slot of a column attaining it: the preferred column, else the first.
    /// Before any augmentation all slots of a column share one potential and
    /// fill in order, so one probe per column suffices.
    private func placeOnCheapest(_ row: Int, preferring preferred: Int) {
        let forbidden = Cost._forbidden
        var least = forbidden
        var choice = -1
        if columnCount > 0 {
            let rowCosts = costs.baseAddress! + row * columnCount
            for column in 0..<columnCount where firstSlot[column] < firstSlot[column + 1] {
                let cost = rowCosts[column]
                if cost == forbidden { continue }
                let reduced = cost - potential[firstSlot[column]]
                let room = emptySlot(of: column)
                if reduced < least {
                    least = reduced
                    choice = room
                } else if reduced == least && choice < 0 {
                    choice = room
                }
            }
            if preferred >= 0, preferred < columnCount, rowCosts[preferred] != forbidden,
                firstSlot[preferred] < firstSlot[preferred + 1],
                rowCosts[preferred] - potential[firstSlot[preferred]] == least
            {
                let room = emptySlot(of: preferred)
                if room >= 0 { choice = room }
            }
        }
        if optionCapacity > 0 {
            let reduced = unassignedCost - potential[option]
            let room = optionLoad < optionCapacity ? option : -1
            if reduced < least {
                least = reduced
                choice = room
            } else if reduced == least && choice < 0 {
                choice = room
            }
        }
        rowPotential[row] = least
        if least != forbidden && choice >= 0 { place(row, in: choice) }
    }

    /// The first empty slot of a column, or -1.
    private func emptySlot(of column: Int) -> Int {
        for slot in firstSlot[column]..<firstSlot[column + 1] where rowForSlot[slot] < 0 { return slot }
        return -1
    }

    /// Raises the potential of every empty slot with a negative potential to
    /// 0, keeping all reduced costs ≥ 0 by lowering row potentials (which must
    /// be current in `rowPotential`) and freeing rows whose pair stops being tight.
    func repairPotentials(activeRows: [Int]) {
        var pending = (0...slotCount).filter {
            hasRoom($0) && potential[$0] < .zero && ($0 < slotCount || optionCapacity > 0)
        }
        while let slot = pending.popLast() {
            guard hasRoom(slot), potential[slot] < .zero else { continue }
            potential[slot] = .zero
            for row in activeRows {
                let cost = cost(row: row, slot: slot)
                if cost == Cost._forbidden || cost - rowPotential[row] >= .zero { continue }
                rowPotential[row] = cost
                let held = slotForRow[row]
                guard held >= 0, held != slot else { continue }
                release(row)
                if potential[held] < .zero { pending.append(held) }
            }
        }
    }

    /// Recomputes `rowPotential` for every active row: derived for placed rows,
    /// the least reduced cost for free ones.
    func refreshRowPotentials(activeRows: [Int]) {
        for row in activeRows {
            if slotForRow[row] >= 0 {
                rowPotential[row] = derivedRowPotential(row)
                continue
            }
            var least = Cost._forbidden
            for slot in 0...slotCount where slot < slotCount || optionCapacity > 0 {
                let cost = cost(row: row, slot: slot)
                if cost != Cost._forbidden && cost - potential[slot] < least { least = cost - potential[slot] }
            }
            rowPotential[row] = least
        }
    }

    /// Shifts every slot potential so the largest is 0; reduced costs do not
    /// change (row potentials absorb the shift).
    func normalizePotentials() {
        guard slotCount > 0 else { return }
        var largest = potential[0]
        for slot in 0..<slotCount where potential[slot] > largest { largest = potential[slot] }
        for slot in 0..<slotCount { potential[slot] -= largest }
    }
}
