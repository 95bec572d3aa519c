// Jonker and Volgenant's initialisation, for problems in which every slot
// will be filled (as many slots as rows to place). There the column
// constraints are equalities, so slot potentials may take any value, and
// JV's reductions apply unchanged:
//
// - column reduction: each slot's potential is its column's least cost, and
//   each column hands one slot to its cheapest row if that row is still free;
// - reduction transfer: a row that only one column chose moves the slack to
//   that slot, lowering its potential by the row's second-least reduced cost;
// - augmenting row reduction: each free row takes its cheapest slot, lowering
//   that slot's potential by the gap to its second-cheapest so it stays
//   cheapest, and the row it displaces is processed next (an auction step).
//   Two passes, as in JV (1987, pp. 331–332).
//
// Rows these phases leave free go to the shortest-path search.
//
// Augmenting row reduction alone also serves problems with empty slots: it
// lowers only the potential of a slot it fills, so every empty slot keeps
// potential 0 (see +Solve).

extension _Workspace {
    /// Column reduction and reduction transfer.
    func reduceColumns(activeRows: [Int]) {
        let forbidden = Cost._forbidden
        let columns = columnCount
        var least = [Cost](repeating: forbidden, count: columns)
        var cheapestRow = [Int](repeating: -1, count: columns)
        // One row-major pass, so the matrix is read in memory order.
        for row in activeRows {
            let rowCosts = costs.baseAddress! + row * columns
            for column in 0..<columns {
                let cost = rowCosts[column]
                if cost != forbidden && cost < least[column] {
                    least[column] = cost
                    cheapestRow[column] = row
                }
            }
        }
        var chosenOnce = [Bool](repeating: true, count: rowCount)
        for column in (0..<columns).reversed() where firstSlot[column] < firstSlot[column + 1] {
            let value = least[column] == forbidden ? Cost.zero : least[column]
            for slot in firstSlot[column]..<firstSlot[column + 1] { potential[slot] = value }
            let row = cheapestRow[column]
            guard row >= 0 else { continue }
            if slotForRow[row] < 0 { place(row, in: firstSlot[column]) } else { chosenOnce[row] = false }
        }
        for row in activeRows where slotForRow[row] >= 0 && chosenOnce[row] {
            let own = slotForRow[row]
            var second = forbidden
            let rowCosts = costs.baseAddress! + row * columns
            for slot in 0..<slotCount where slot != own {
                let cost = rowCosts[columnOfSlot[slot]]
                if cost != forbidden && cost - potential[slot] < second { second = cost - potential[slot] }
            }
            if second != forbidden { potential[own] -= second }
        }
    }

    /// JV's two passes of augmenting row reduction; `free` becomes the rows
    /// still free.
    ///
    /// With floats, nearly equal costs make the auction trade slots back and
    /// forth for tiny gains, so each pass stops lowering potentials after 16
    /// steps per free row (uniform floats, n = 4000: 0.52 s without the passes,
    /// 0.48 s at 64 steps per row, 0.34 s at 16; unbounded, n = 2000: 0.36 s).
    func reduceRows(in free: inout [Int]) {
        for _ in 0..<2 where !free.isEmpty {
            free = reduceRows(free, stepLimit: Cost.isExact ? .max : 16 * free.count)
        }
    }

    /// One pass of augmenting row reduction over the free rows.
    ///
    /// - Returns: The rows still free, in processing order.
    func reduceRows(_ free: [Int], stepLimit: Int) -> [Int] {
        let forbidden = Cost._forbidden
        var queue = free
        var current = 0
        var stillFree: [Int] = []
        var steps = 0
        while current < queue.count {
            let row = queue[current]
            current += 1
            steps += 1
            // The least and second-least reduced costs of the row, and their slots.
            var first = forbidden, second = forbidden
            var firstSlot = -1, secondSlot = -1
            let rowCosts = costs.baseAddress! + row * columnCount
            for slot in 0..<slotCount {
                let cost = rowCosts[columnOfSlot[slot]]
                if cost == forbidden { continue }
                let reduced = cost - potential[slot]
                if reduced < second {
                    if reduced >= first {
                        second = reduced
                        secondSlot = slot
                    } else {
                        second = first
                        secondSlot = firstSlot
                        first = reduced
                        firstSlot = slot
                    }
                }
            }
            guard firstSlot >= 0 else {
                stillFree.append(row)
                continue
            }
            var target = firstSlot
            var displaced = rowForSlot[target]
            let lowers = secondSlot >= 0 && first < second
            // JV's bound on price-lowering steps, relative to the queue position:
            // without it, near-equal costs (floats) can trade a slot back and
            // forth many times before the gap closes.
            if steps < current * slotCount && steps < stepLimit {
                if lowers {
                    potential[target] -= second - first
                } else if displaced >= 0 && secondSlot >= 0 {
                    target = secondSlot
                    displaced = rowForSlot[target]
                }
                if displaced >= 0 {
                    release(displaced)
                    if lowers {
                        current -= 1
                        queue[current] = displaced
                    } else {
                        stillFree.append(displaced)
                    }
                }
            } else if displaced >= 0 {
                release(displaced)
                stillFree.append(displaced)
            }
            place(row, in: target)
        }
        return stillFree
    }
}
