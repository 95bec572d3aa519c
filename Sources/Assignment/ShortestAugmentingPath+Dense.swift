// The Dijkstra-like search of one augmentation over a dense matrix.
//
// Distances are reduced costs `c[i][col(s)] − v[s]` offset by the root's
// potential, so no row potential is stored during the search: a row `i`
// reached through its slot `t` at distance `d` continues to slot `s` at
// `d + (c[i][col(s)] − v[s]) − (c[i][col(t)] − v[t])`, because its own pair is tight.
//
// Slots are settled in batches, as in Jonker and Volgenant's `augment` phase:
// every slot at the current least distance joins the batch at once, and a
// slot reached at exactly that distance joins it during the scan. On matrices
// with many equal scores (mentoring scores are small integers) whole batches
// settle without another pass to find the minimum.
//
// Where we depart from JV: they keep the unsettled columns in a permuted list
// and read costs through it. While few slots are settled we relax every slot
// in memory order instead. A settled slot never improves (a row reached at
// distance d prices every slot at ≥ d, since its own reduced costs are ≥ 0),
// so relaxing it is harmless, and sequential reads beat the gather (mentoring
// scores, n = 2000: 0.167 s → 0.146 s). Once a quarter of the slots are
// settled, the search switches to JV's list of unsettled slots, which then
// saves more than the gather costs (uniform floats, n = 2000: 0.34 s in
// memory order throughout → 0.11 s).

/// Whether the unassigned option has been reached in the current search.
internal enum _OptionState {
    case closed, unscanned, waiting, scanned
}

/// How a slot finds its column's costs; specialised so the hot loop has no
/// indirection when every column has one slot.
internal protocol _SlotLayout {
    func column(_ slot: Int) -> Int
}

/// One slot per column: slot `s` is column `s`.
internal struct _IdentityLayout: _SlotLayout {
    @inline(__always) func column(_ slot: Int) -> Int { slot }
}

/// Capacities above 1: slots read their column through a table.
internal struct _MappedLayout: _SlotLayout {
    let columnOfSlot: UnsafeMutablePointer<Int>
    @inline(__always) func column(_ slot: Int) -> Int { columnOfSlot[slot] }
}

extension _Workspace {
    /// Finds a shortest augmenting path from the free row `root` to a slot with
    /// room, updates the slot potentials, and moves the rows along it.
    ///
    /// - Returns: `false` when no slot with room can be reached; nothing changes then.
    /// - Complexity: O(slots × rows scanned); O(slots²) at worst.
    func augment(root: Int) -> Bool {
        augment(roots: CollectionOfOne(root))
    }

    /// Finds one shortest augmenting path from any of several free rows at
    /// once (a search from a virtual source joined to every root at the
    /// root's own potential), and applies it like ``augment(root:)``.
    ///
    /// The potentials it leaves make every root's cheapest pair at least as
    /// dear as the path found, so the zero-cost search that follows
    /// (`matchTightPairs`) can place many more roots without another dense search.
    ///
    /// - Complexity: O(roots × slots) to start, then as ``augment(root:)``.
    func augment<Roots: Collection<Int>>(roots: Roots) -> Bool {
        if slotsAreColumns {
            return augment(roots: roots, layout: _IdentityLayout())
        }
        return augment(roots: roots, layout: _MappedLayout(columnOfSlot: columnOfSlot.baseAddress!))
    }

    private func augment<Roots: Collection<Int>, Layout: _SlotLayout>(roots: Roots, layout: Layout) -> Bool {
        let slots = slotCount
        let forbidden = Cost._forbidden
        let distance = self.distance.baseAddress!
        let predecessor = self.predecessor.baseAddress!
        let potential = self.potential.baseAddress!
        let settled = self.settled.baseAddress!
        // `order[0 ..< scanEnd]` are settled slots whose rows have been scanned,
        // `order[scanEnd ..< settledEnd]` the batch still to scan.
        let order = self.remaining.baseAddress!

        // Every reduced cost from the roots; a missing edge stays at the marker,
        // which the search treats as unreachable. One root: distances are
        // offset by its potential. Several: each root's costs are taken
        // relative to its own least one, so all start level.
        let single = roots.count == 1
        for slot in 0..<slots { distance[slot] = forbidden }
        distance[option] = forbidden
        for root in roots {
            let rootCosts = costs.baseAddress.map { $0 + root * columnCount }
            var offset = Cost.zero
            if !single && tightStamp[root] == epoch && optionCapacity == 0 {
                // Cached by the tight-pair search since the last potential change.
                offset = rowPotential[root]
                if offset == forbidden { continue }
            } else if !single, let rootCosts {
                offset = forbidden
                for slot in 0..<slots {
                    let cost = rootCosts[layout.column(slot)]
                    if cost != forbidden && cost - potential[slot] < offset { offset = cost - potential[slot] }
                }
                if optionCapacity > 0 && unassignedCost - potential[option] < offset {
                    offset = unassignedCost - potential[option]
                }
                if offset == forbidden { continue }
            }
            if let rootCosts {
                for slot in 0..<slots {
                    let cost = rootCosts[layout.column(slot)]
                    if cost == forbidden { continue }
                    let reduced = cost - potential[slot] - offset
                    if reduced < distance[slot] {
                        distance[slot] = reduced
                        predecessor[slot] = root
                    }
                }
            }
            if optionCapacity > 0 && unassignedCost - potential[option] - offset < distance[option] {
                distance[option] = unassignedCost - potential[option] - offset
                predecessor[option] = root
            }
        }
        var optionState: _OptionState = optionCapacity > 0 ? .unscanned : .closed

        var scanEnd = 0
        var settledEnd = 0
        var minimum = forbidden
        var sink = -1
        var compacted = false

        search: while true {
            if scanEnd == settledEnd && optionState != .waiting {
                // Settle the next batch: every unsettled slot at the least distance.
                minimum = forbidden
                let batchStart = settledEnd
                if compacted {
                    // Unsettled slots are `order[settledEnd...]`; collect the
                    // batch by swapping it to the front of that range, as JV do.
                    for position in batchStart..<slots {
                        let slot = order[position]
                        let candidate = distance[slot]
                        if candidate <= minimum && candidate != forbidden {
                            if candidate < minimum {
                                minimum = candidate
                                settledEnd = batchStart
                            }
                            order[position] = order[settledEnd]
                            order[settledEnd] = slot
                            settledEnd += 1
                        }
                    }
                } else {
                    for slot in 0..<slots where !settled[slot] {
                        let candidate = distance[slot]
                        if candidate < minimum {
                            minimum = candidate
                            settledEnd = batchStart
                        }
                        if candidate == minimum && candidate != forbidden {
                            order[settledEnd] = slot
                            settledEnd += 1
                        }
                    }
                }
                if optionState == .unscanned {
                    let candidate = distance[option]
                    if candidate < minimum {
                        minimum = candidate
                        settledEnd = batchStart
                        optionState = .waiting
                    } else if candidate == minimum && candidate != forbidden {
                        optionState = .waiting
                    }
                }
                if minimum == forbidden {
                    for position in 0..<batchStart { settled[order[position]] = false }
                    return false
                }
                // Tie rule: among slots at the least distance, the lowest-numbered
                // empty one; the unassigned option only after every real slot.
                for position in batchStart..<settledEnd {
                    let slot = order[position]
                    settled[slot] = true
                    if sink < 0 && rowForSlot[slot] < 0 { sink = slot }
                }
                if sink >= 0 { break search }
                if !compacted && settledEnd * 4 > slots {
                    // Many slots settled: from now on keep the unsettled ones in a
                    // list, so each pass skips the settled (see the file header).
                    var position = settledEnd
                    for slot in 0..<slots where !settled[slot] {
                        order[position] = slot
                        position += 1
                    }
                    compacted = true
                }
                if optionState == .waiting && optionLoad < optionCapacity {
                    sink = option
                    break search
                }
            }

            // Scan the row of one full slot of the batch (or, after the real
            // ones, every row of the option): all sit at distance `minimum`.
            if scanEnd < settledEnd {
                let slot = order[scanEnd]
                scanEnd += 1
                let row = rowForSlot[slot]
                let offset = costs[row * columnCount + layout.column(slot)] - potential[slot] - minimum
                let found =
                    compacted
                    ? relaxUnsettled(
                        row: row, offset: offset, minimum: minimum, layout: layout,
                        settledEnd: &settledEnd, optionState: &optionState)
                    : relax(
                        row: row, offset: offset, minimum: minimum, layout: layout,
                        settledEnd: &settledEnd, optionState: &optionState)
                if found >= 0 {
                    sink = found
                    break search
                }
            } else {
                optionState = .scanned
                var row = optionFirstRow
                while row >= 0 {
                    let offset = unassignedCost - potential[option] - minimum
                    let found =
                        compacted
                        ? relaxUnsettled(
                            row: row, offset: offset, minimum: minimum, layout: layout,
                            settledEnd: &settledEnd, optionState: &optionState)
                        : relax(
                            row: row, offset: offset, minimum: minimum, layout: layout,
                            settledEnd: &settledEnd, optionState: &optionState)
                    if found >= 0 {
                        sink = found
                        break search
                    }
                    row = nextRow[row]
                }
            }
        }

        // Potentials: every scanned slot moves by how much nearer it was than
        // the sink, which keeps all reduced costs ≥ 0 and path edges at 0.
        // Each change is stamped for the tight-pair cache.
        epoch += 1
        for position in 0..<scanEnd {
            let slot = order[position]
            let change = distance[slot] - minimum
            if change != .zero {
                potential[slot] += change
                slotStamp[slot] = epoch
            }
        }
        for position in 0..<settledEnd { settled[order[position]] = false }
        if optionState == .scanned && distance[option] != minimum {
            potential[option] += distance[option] - minimum
            slotStamp[option] = epoch
        }

        shiftRows(toward: sink, reachedFrom: self.predecessor)
        return true
    }

    /// Moves the rows along an augmenting path that ends at `sink`: each row
    /// takes the slot it reached, back to the free row that started the path.
    func shiftRows(toward sink: Int, reachedFrom parents: UnsafeMutableBufferPointer<Int>) {
        var slot = sink
        for _ in 0...rowCount {
            let row = parents[slot]
            let previous = slotForRow[row]
            if previous >= 0 { release(row) }
            place(row, in: slot)
            if previous < 0 { return }  // the root, which was free
            slot = previous
        }
        preconditionFailure("an augmenting path longer than the number of rows: the search state is corrupt")
    }

    /// Relaxes every slot through one row, in memory order; the hot loop.
    ///
    /// - Returns: An empty slot reached at distance `minimum`, or -1.
    @inline(__always)
    private func relax<Layout: _SlotLayout>(
        row: Int, offset: Cost, minimum: Cost, layout: Layout,
        settledEnd: inout Int, optionState: inout _OptionState
    ) -> Int {
        let slots = slotCount
        if slots > 0 {
            let step = _Relaxation(self, row: row, offset: offset, minimum: minimum)
            let settled = self.settled.baseAddress!
            let rowForSlot = self.rowForSlot.baseAddress!
            let order = remaining.baseAddress!
            for slot in 0..<slots {
                // With exact costs a settled slot cannot improve (file header),
                // so the check compiles away for `Int64`. Floats round: a settled
                // slot could "improve" by an ulp and its path turn into a cycle.
                if !Cost.isExact && settled[slot] { continue }
                guard step.reachesMinimum(slot: slot, column: layout.column(slot)) else { continue }
                // Settled at once; an empty one ends the search.
                if rowForSlot[slot] < 0 { return slot }
                settled[slot] = true
                order[settledEnd] = slot
                settledEnd += 1
            }
        }
        return relaxOption(row: row, offset: offset, minimum: minimum, optionState: &optionState)
    }

    /// The same relaxation over the unsettled slots only, `remaining[settledEnd...]`,
    /// read through that list (JV's order); used once many slots are settled.
    @inline(__always)
    private func relaxUnsettled<Layout: _SlotLayout>(
        row: Int, offset: Cost, minimum: Cost, layout: Layout,
        settledEnd: inout Int, optionState: inout _OptionState
    ) -> Int {
        let slots = slotCount
        if slots > 0 {
            let step = _Relaxation(self, row: row, offset: offset, minimum: minimum)
            let order = remaining.baseAddress!
            let settled = self.settled.baseAddress!
            let rowForSlot = self.rowForSlot.baseAddress!
            for position in settledEnd..<slots {
                let slot = order[position]
                guard step.reachesMinimum(slot: slot, column: layout.column(slot)) else { continue }
                if rowForSlot[slot] < 0 { return slot }
                settled[slot] = true
                order[position] = order[settledEnd]
                order[settledEnd] = slot
                settledEnd += 1
            }
        }
        return relaxOption(row: row, offset: offset, minimum: minimum, optionState: &optionState)
    }

    /// Relaxes the unassigned option through one row.
    @inline(__always)
    private func relaxOption(row: Int, offset: Cost, minimum: Cost, optionState: inout _OptionState) -> Int {
        guard optionState == .unscanned else { return -1 }
        let reduced = unassignedCost - potential[option] - offset
        if reduced < distance[option] {
            distance[option] = reduced
            predecessor[option] = row
            if reduced == minimum {
                if optionLoad < optionCapacity { return option }
                optionState = .waiting
            }
        }
        return -1
    }
}

/// One row's relaxation of one slot, shared by both scan orders. The buffer
/// addresses live in this value, so the loops keep them in registers instead
/// of reloading them from the workspace after every store.
internal struct _Relaxation<Cost: AssignmentCost> {
    let rowCosts: UnsafePointer<Cost>
    let potential: UnsafeMutablePointer<Cost>
    let distance: UnsafeMutablePointer<Cost>
    let predecessor: UnsafeMutablePointer<Int>
    let row: Int
    let offset: Cost
    let minimum: Cost

    @inline(__always)
    init(_ workspace: _Workspace<Cost>, row: Int, offset: Cost, minimum: Cost) {
        rowCosts = workspace.costs.baseAddress! + row * workspace.columnCount
        potential = workspace.potential.baseAddress!
        distance = workspace.distance.baseAddress!
        predecessor = workspace.predecessor.baseAddress!
        self.row = row
        self.offset = offset
        self.minimum = minimum
    }

    /// Lowers the slot's distance if the row reaches it sooner, and tells
    /// whether it now sits at the batch's distance (so it settles at once).
    @inline(__always)
    func reachesMinimum(slot: Int, column: Int) -> Bool {
        let cost = rowCosts[column]
        guard cost != Cost._forbidden else { return false }
        // No overflow: the problem's setup bounds every cost, potential and
        // distance so that these sums fit (AssignmentProblem+Validation).
        let reduced = Cost._uncheckedSubtract(Cost._uncheckedSubtract(cost, potential[slot]), offset)
        guard reduced < distance[slot] else { return false }
        distance[slot] = reduced
        predecessor[slot] = row
        return reduced == minimum
    }
}
