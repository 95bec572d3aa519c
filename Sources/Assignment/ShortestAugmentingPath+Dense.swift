// The Dijkstra-like search of one augmentation over a dense matrix.
//
// Distances are reduced costs `c[i][col(s)] − v[s]` offset by the root's
// potential, so no row potential is stored during the search: a row `i`
// reached through its slot `t` at distance `d` continues to slot `s` at
// `d + (c[i][col(s)] − v[s]) − (c[i][col(t)] − v[t])`, because its own pair is tight.
//
// Slots are taken in batches, as in Jonker and Volgenant's `augment` phase:
// every slot at the current minimum distance joins the batch at once, and a
// slot reached at exactly that distance joins it during the scan. On matrices
// with many equal scores (mentoring scores are small integers) whole batches
// settle without another pass to find the minimum.

/// Whether the unassigned option has been reached in the current search.
internal enum _OptionState {
    case closed, unscanned, waiting, scanned
}

extension _Workspace {
    /// Finds a shortest augmenting path from the free row `root` to a slot with
    /// room, updates the slot potentials, and moves the rows along it.
    ///
    /// - Returns: `false` when no slot with room can be reached; nothing changes then.
    /// - Complexity: O(slots × rows scanned); O(slots²) at worst.
    func augment(root: Int) -> Bool {
        let slots = slotCount
        let forbidden = Cost._forbidden

        // Every reduced cost from the root. A missing edge keeps the distance
        // at the marker, which the search treats as unreachable.
        if slots > 0 {
            let rootCosts = costs.baseAddress! + root * columnCount
            for slot in 0..<slots {
                let column = columnOfSlot[slot]
                remaining[slot] = slot
                remainingColumn[slot] = column
                let cost = rootCosts[column]
                distance[slot] = cost == forbidden ? forbidden : cost - potential[slot]
                predecessor[slot] = root
            }
        }
        var optionState = _OptionState.closed
        if optionCapacity > 0 {
            optionState = .unscanned
            distance[option] = unassignedCost - potential[option]
            predecessor[option] = root
        }

        var scannedEnd = 0
        var batchEnd = 0
        var minimum = forbidden
        var sink = -1

        search: while true {
            if scannedEnd == batchEnd && optionState != .waiting {
                // Gather the next batch: every unreached slot at the least distance.
                minimum = forbidden
                var newBatchEnd = batchEnd
                for position in batchEnd..<slots {
                    let candidate = distance[remaining[position]]
                    if candidate <= minimum {
                        if candidate < minimum {
                            newBatchEnd = batchEnd
                            minimum = candidate
                        }
                        swapRemaining(position, newBatchEnd)
                        newBatchEnd += 1
                    }
                }
                if optionState == .unscanned {
                    let candidate = distance[option]
                    if candidate < minimum {
                        minimum = candidate
                        newBatchEnd = batchEnd
                        optionState = .waiting
                    } else if candidate == minimum && candidate != forbidden {
                        optionState = .waiting
                    }
                }
                if minimum == forbidden { return false }
                batchEnd = newBatchEnd
                // Tie rule: among slots at the least distance, the first empty one
                // in batch order; the unassigned option only after every real slot.
                for position in scannedEnd..<batchEnd where rowForSlot[remaining[position]] < 0 {
                    sink = remaining[position]
                    break search
                }
                if optionState == .waiting && optionLoad < optionCapacity {
                    sink = option
                    break search
                }
            }

            // Take one full slot of the batch (the option after the real ones)
            // and scan the rows it holds: all sit at distance `minimum`.
            if scannedEnd < batchEnd {
                let slot = remaining[scannedEnd]
                scannedEnd += 1
                let row = rowForSlot[slot]
                let offset = costs[row * columnCount + remainingColumn[scannedEnd - 1]] - potential[slot] - minimum
                let found = scan(row: row, offset: offset, minimum: minimum,
                                 batchEnd: &batchEnd, optionState: &optionState)
                if found >= 0 {
                    sink = found
                    break search
                }
            } else {
                optionState = .scanned
                var row = optionFirstRow
                while row >= 0 {
                    let offset = unassignedCost - potential[option] - minimum
                    let found = scan(row: row, offset: offset, minimum: minimum,
                                     batchEnd: &batchEnd, optionState: &optionState)
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
        for position in 0..<scannedEnd {
            let slot = remaining[position]
            potential[slot] += distance[slot] - minimum
        }
        if optionState == .scanned {
            potential[option] += distance[option] - minimum
        }

        // Move the rows along the path: each takes the slot that reached it.
        var slot = sink
        while true {
            let row = predecessor[slot]
            let previous = slotForRow[row]
            if previous >= 0 { release(row) }
            place(row, in: slot)
            if row == root { break }
            slot = previous
        }
        return true
    }

    @inline(__always)
    private func swapRemaining(_ a: Int, _ b: Int) {
        remaining.swapAt(a, b)
        remainingColumn.swapAt(a, b)
    }

    /// Relaxes every unreached slot through one row; the hot loop.
    ///
    /// - Returns: A slot with room at distance `minimum`, or -1.
    @inline(__always)
    private func scan(
        row: Int, offset: Cost, minimum: Cost,
        batchEnd: inout Int, optionState: inout _OptionState
    ) -> Int {
        let slots = slotCount
        let forbidden = Cost._forbidden
        if slots > 0 {
            let rowCosts = costs.baseAddress! + row * columnCount
            // No overflow: the problem's setup bounds every cost, potential and
            // distance so that these sums fit (AssignmentProblem+Validation).
            var position = batchEnd
            while position < slots {
                let cost = rowCosts[remainingColumn[position]]
                if cost != forbidden {
                    let slot = remaining[position]
                    let reduced = Cost._uncheckedSubtract(
                        Cost._uncheckedSubtract(cost, potential[slot]), offset)
                    if reduced < distance[slot] {
                        distance[slot] = reduced
                        predecessor[slot] = row
                        if reduced == minimum {
                            if rowForSlot[slot] < 0 { return slot }
                            swapRemaining(position, batchEnd)
                            batchEnd += 1
                        }
                    }
                }
                position += 1
            }
        }
        if optionState == .unscanned {
            let reduced = unassignedCost - potential[option] - offset
            if reduced < distance[option] {
                distance[option] = reduced
                predecessor[option] = row
                if reduced == minimum {
                    if optionLoad < optionCapacity { return option }
                    optionState = .waiting
                }
            }
        }
        return -1
    }
}
