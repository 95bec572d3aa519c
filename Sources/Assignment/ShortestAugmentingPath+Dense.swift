// The Dijkstra-like search of one augmentation over a dense matrix.
//
// Distances are reduced costs `c[i][k] − v[k]` offset by the root's potential,
// so no row potential is stored during the search: a row `i` reached through
// its column `j` at distance `d` continues to column `k` at
// `d + (c[i][k] − v[k]) − (c[i][j] − v[j])`, because its pair with `j` is tight.
//
// Columns are taken in batches, as in Jonker and Volgenant's `augment` phase:
// every column at the current minimum distance joins the batch at once, and a
// column reached at exactly that distance joins it during the scan. On matrices
// with many equal scores (mentoring scores are small integers) whole batches
// settle without another pass to find the minimum.

/// Whether the unassigned option has been reached in the current search.
internal enum _OptionState {
    case absent, unscanned, waiting, scanned
}

extension _Workspace {
    /// Finds a shortest augmenting path from the free row `root` to a column
    /// with room, updates the column potentials, and moves the rows along it.
    ///
    /// - Returns: `false` when no column with room can be reached; nothing changes then.
    /// - Complexity: O(columns × rows scanned), O(columns²) for the usual
    ///   one-row-per-column problem.
    func augment(root: Int) -> Bool {
        let columns = columnCount
        let option = unassignedColumn
        let forbidden = Cost._forbidden

        // Every reduced cost from the root. A missing edge keeps the distance
        // at the marker, which the search treats as unreachable.
        if columns > 0 {
            let rootCosts = costs.baseAddress! + root * columns
            for column in 0..<columns {
                let cost = rootCosts[column]
                distance[column] = cost == forbidden ? forbidden : cost - potential[column]
                predecessor[column] = root
                remaining[column] = column
            }
        }
        var optionState = _OptionState.absent
        if capacity[option] > 0 {
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
                // Gather the next batch: every unreached column at the least distance.
                minimum = forbidden
                var newBatchEnd = batchEnd
                for position in batchEnd..<columns {
                    let column = remaining[position]
                    let candidate = distance[column]
                    if candidate <= minimum {
                        if candidate < minimum {
                            newBatchEnd = batchEnd
                            minimum = candidate
                        }
                        remaining.swapAt(position, newBatchEnd)
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
                // Tie rule: among columns at the least distance, a real column with
                // room in batch order first, the unassigned option last.
                for position in scannedEnd..<batchEnd where hasRoom(remaining[position]) {
                    sink = remaining[position]
                    break search
                }
                if optionState == .waiting && hasRoom(option) {
                    sink = option
                    break search
                }
            }

            // Take one column of the batch (the option after the real ones) and
            // scan every row it holds: all sit at distance `minimum`.
            let column: Int
            if scannedEnd < batchEnd {
                column = remaining[scannedEnd]
                scannedEnd += 1
            } else {
                column = option
                optionState = .scanned
            }
            var row = firstRow[column]
            while row >= 0 {
                let offset = cost(row: row, column: column) - potential[column] - minimum
                let found = scan(row: row, offset: offset, minimum: minimum,
                                 batchEnd: &batchEnd, optionState: &optionState)
                if found >= 0 {
                    sink = found
                    break search
                }
                row = nextRow[row]
            }
        }

        // Potentials: every scanned column moves by how much nearer it was than
        // the sink, which keeps all reduced costs ≥ 0 and path edges at 0.
        for position in 0..<scannedEnd {
            let column = remaining[position]
            potential[column] += distance[column] - minimum
        }
        if optionState == .scanned {
            potential[option] += distance[option] - minimum
        }

        // Move the rows along the path: each takes the column that reached it.
        var column = sink
        while true {
            let row = predecessor[column]
            let previous = columnForRow[row]
            if previous >= 0 { unlink(row) }
            link(row, into: column)
            if row == root { break }
            column = previous
        }
        return true
    }

    /// Relaxes every unreached column through one row; the hot loop.
    ///
    /// - Returns: A column with room at distance `minimum`, or -1.
    @inline(__always)
    private func scan(
        row: Int, offset: Cost, minimum: Cost,
        batchEnd: inout Int, optionState: inout _OptionState
    ) -> Int {
        let columns = columnCount
        let forbidden = Cost._forbidden
        if columns > 0 {
            let rowCosts = costs.baseAddress! + row * columns
            // No overflow: the problem's setup bounds every cost, potential and
            // distance so that these sums fit (AssignmentProblem+Validation).
            var position = batchEnd
            while position < columns {
                let column = remaining[position]
                let cost = rowCosts[column]
                if cost != forbidden {
                    let reduced = Cost._uncheckedSubtract(
                        Cost._uncheckedSubtract(cost, potential[column]), offset)
                    if reduced < distance[column] {
                        distance[column] = reduced
                        predecessor[column] = row
                        if reduced == minimum {
                            if load[column] < capacity[column] { return column }
                            remaining.swapAt(position, batchEnd)
                            batchEnd += 1
                        }
                    }
                }
                position += 1
            }
        }
        if optionState == .unscanned {
            let option = unassignedColumn
            let reduced = unassignedCost - potential[option] - offset
            if reduced < distance[option] {
                distance[option] = reduced
                predecessor[option] = row
                if reduced == minimum {
                    if hasRoom(option) { return option }
                    optionState = .waiting
                }
            }
        }
        return -1
    }
}
