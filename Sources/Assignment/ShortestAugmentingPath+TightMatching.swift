// Zero-cost augmentations before the shortest-path search.
//
// After the reductions every placed row sits in a slot of least reduced cost.
// The pairs of least reduced cost of each row (its *tight* pairs) form the
// equality graph of the Hungarian method; an augmenting path that uses only
// tight pairs moves rows without changing any potential, so it keeps every
// invariant and costs nothing. On matrices with many equal scores the
// equality graph is dense and places most rows the reductions left free, at
// the price of one pass over the matrix, whereas each shortest-path search
// would scan a whole matrix row per row it reaches.
//
// Each row keeps at most `tightPairLimit` tight pairs, so memory stays O(rows):
// a path the cap hides is found later by the exact search.

extension _Workspace {
    /// At most this many tight pairs are kept per row.
    static var tightPairLimit: Int { 16 }

    /// Places free rows along augmenting paths of tight pairs, breadth-first
    /// from each free row in turn.
    func matchTightPairs(activeRows: [Int]) {
        let free = activeRows.filter { slotForRow[$0] < 0 }
        guard !free.isEmpty, slotCount > 0 else { return }
        let forbidden = Cost._forbidden
        let limit = Self.tightPairLimit
        // Tight pairs of every active row, `limit` entries per row, -1 padded.
        var tight = [Int32](repeating: -1, count: rowCount * limit)
        for row in activeRows {
            let rowCosts = costs.baseAddress! + row * columnCount
            var least = forbidden
            for slot in 0..<slotCount {
                let cost = rowCosts[columnOfSlot[slot]]
                if cost != forbidden && cost - potential[slot] < least { least = cost - potential[slot] }
            }
            // A row whose cheapest choice is the unassigned option has no tight real pair.
            guard least != forbidden,
                  optionCapacity == 0 || least <= unassignedCost - potential[option] else { continue }
            var count = 0
            // The row's own slot first, so a path can always leave through it.
            let own = slotForRow[row]
            if own >= 0 && own < slotCount {
                tight[row * limit] = Int32(own)
                count = 1
            }
            for slot in 0..<slotCount where count < limit && slot != own {
                let cost = rowCosts[columnOfSlot[slot]]
                if cost != forbidden && cost - potential[slot] == least {
                    tight[row * limit + count] = Int32(slot)
                    count += 1
                }
            }
        }
        var visitedBy = [Int32](repeating: -1, count: slotCount)
        var parentRow = [Int32](repeating: -1, count: slotCount)
        var dead = [Bool](repeating: false, count: slotCount)
        var queue: [Int] = []
        var reached: [Int] = []
        for root in free {
            queue.removeAll(keepingCapacity: true)
            reached.removeAll(keepingCapacity: true)
            queue.append(root)
            var head = 0
            var sink = -1
            search: while head < queue.count {
                let row = queue[head]
                head += 1
                for entry in (row * limit)..<(row * limit + limit) {
                    let slot = Int(tight[entry])
                    if slot < 0 { break }
                    if dead[slot] || visitedBy[slot] == Int32(root) { continue }
                    visitedBy[slot] = Int32(root)
                    parentRow[slot] = Int32(row)
                    reached.append(slot)
                    let holder = rowForSlot[slot]
                    if holder < 0 {
                        sink = slot
                        break search
                    }
                    queue.append(holder)
                }
            }
            guard sink >= 0 else {
                for slot in reached { dead[slot] = true }
                continue
            }
            var slot = sink
            while true {
                let row = Int(parentRow[slot])
                let previous = slotForRow[row]
                if previous >= 0 { release(row) }
                place(row, in: slot)
                if row == root { break }
                slot = previous
            }
        }
    }
}
