// Zero-cost augmentations along tight pairs, with a cache of each row's
// tight pairs.
//
// Every placed row sits in a slot of least reduced cost; the pairs of least
// reduced cost of each row (its *tight* pairs) form the equality graph of the
// Hungarian method. An augmenting path made of tight pairs moves rows without
// changing any potential, so it keeps every invariant and costs nothing. On
// matrices with many equal scores most searches end on such a path (half of
// them on mentoring scores at n = 2000), and the dense search finds it only by
// reading a whole matrix row for every row on the way.
//
// So each row's tight pairs are cached (at most `tightPairLimit` of them, so
// memory stays O(rows)), and before the dense search a breadth-first search
// over cached tight pairs looks for such a path. The cache stays right because
// the search only ever lowers slot potentials, which makes pairs *less* cheap:
// a cached pair is dropped when its slot's potential changed after the row
// was cached, and a row is recomputed when its own slot's potential changed
// (its own potential then rose, and new pairs may have become tight). A path
// the cap hides is found by the dense search.

extension _Workspace {
    /// At most this many tight pairs are cached per row.
    static var tightPairLimit: Int { 32 }

    /// Computes and caches a row's tight pairs from scratch, and its least
    /// reduced cost in `rowPotential`: O(slots).
    func cacheTightPairs(of row: Int) {
        if slotsAreColumns {
            cacheTightPairs(of: row, layout: _IdentityLayout())
        } else {
            cacheTightPairs(of: row, layout: _MappedLayout(columnOfSlot: columnOfSlot.baseAddress!))
        }
    }

    private func cacheTightPairs<Layout: _SlotLayout>(of row: Int, layout: Layout) {
        let forbidden = Cost._forbidden
        let limit = Self.tightPairLimit
        let rowCosts = costs.baseAddress! + row * columnCount
        let potential = self.potential.baseAddress!
        let tight = tightSlots.baseAddress! + row * limit
        var count = 0
        tightStamp[row] = epoch
        // One pass: the least reduced cost so far and the slots attaining it
        // (the list restarts whenever a smaller cost appears).
        var least = forbidden
        for slot in 0..<slotCount {
            let cost = rowCosts[layout.column(slot)]
            if cost == forbidden { continue }
            let reduced = cost - potential[slot]
            if reduced > least { continue }
            if reduced < least {
                least = reduced
                count = 0
            }
            if count < limit {
                tight[count] = Int32(slot)
                count += 1
            }
        }
        rowPotential[row] = least
        // A row whose cheapest choice is the unassigned option has no tight real pair.
        if least == forbidden || (optionCapacity > 0 && least > unassignedCost - potential[option]) {
            tightCount[row] = 0
            return
        }
        // The row's own slot first, so a path can always leave through it.
        let own = slotForRow[row]
        if own >= 0 && own < slotCount {
            if let index = (0..<count).first(where: { tight[$0] == Int32(own) }) {
                tight[index] = tight[0]
            } else if count < limit {
                tight[count] = tight[0]
                count += 1
            } else {
                tight[count - 1] = tight[0]
            }
            tight[0] = Int32(own)
        }
        tightCount[row] = Int32(count)
    }

    /// Places a free row along an augmenting path of tight pairs, if the
    /// cache shows one; breadth-first, so the path is short.
    ///
    /// - Parameter dead: Slots known to lead to no empty slot by tight pairs
    ///   (filled by failed searches while no potential changes), or `nil`.
    /// - Returns: Whether the row was placed.
    func augmentAlongTightPairs(root: Int, dead: UnsafeMutableBufferPointer<Bool>? = nil) -> Bool {
        guard slotCount > 0, optionCapacity == 0 else { return false }
        let limit = Self.tightPairLimit
        search += 1
        cacheTightPairs(of: root)
        var queueEnd = 1
        var head = 0
        bfsQueue[0] = root
        var sink = -1
        var reachedEnd = 0
        search: while head < queueEnd {
            let row = bfsQueue[head]
            head += 1
            let own = slotForRow[row]
            // A row whose own slot's potential changed is recomputed (O(slots)).
            if own >= 0 && slotStamp[own] > tightStamp[row] { cacheTightPairs(of: row) }
            let stamp = tightStamp[row]
            for entry in (row * limit)..<(row * limit + Int(tightCount[row])) {
                let slot = Int(tightSlots[entry])
                if visited[slot] == search || slotStamp[slot] > stamp { continue }
                if let dead, dead[slot] { continue }
                visited[slot] = search
                parentRow[slot] = row
                reached[reachedEnd] = slot
                reachedEnd += 1
                let holder = rowForSlot[slot]
                if holder < 0 {
                    sink = slot
                    break search
                }
                bfsQueue[queueEnd] = holder
                queueEnd += 1
            }
        }
        guard sink >= 0 else {
            if let dead { for position in 0..<reachedEnd { dead[reached[position]] = true } }
            return false
        }
        shiftRows(toward: sink, reachedFrom: parentRow)
        return true
    }

    /// Fills the cache for every active row and places every free row it can
    /// along tight pairs. No potential changes here, so a search that fails
    /// marks what it reached as dead for the searches after it: those slots
    /// are full and their rows' tight pairs lead only to each other.
    func matchTightPairs(activeRows: [Int]) {
        guard slotCount > 0, optionCapacity == 0 else { return }
        let free = activeRows.filter { slotForRow[$0] < 0 }
        guard !free.isEmpty else { return }
        for row in activeRows { cacheTightPairs(of: row) }
        placeAlongTightPairs(free)
    }

    /// Places every row of `free` it can along tight pairs, using the cache
    /// as it stands (stale rows are recomputed on the way).
    func placeAlongTightPairs(_ free: [Int]) {
        guard slotCount > 0, optionCapacity == 0 else { return }
        let dead = UnsafeMutableBufferPointer<Bool>.allocate(filledWith: false, count: slotCount)
        defer { dead.deallocate() }
        for row in free where slotForRow[row] < 0 { _ = augmentAlongTightPairs(root: row, dead: dead) }
    }
}
