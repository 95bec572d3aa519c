/// The size of a maximum matching of the active rows on the allowed pairs,
/// with column capacities; it tells how many rows the unassigned option must take.
///
/// Greedy first, then one breadth-first search for an augmenting path per
/// row left free. A search that fails marks every column it reached as dead:
/// those columns are full and their rows reach only each other, which stays
/// true after later augmentations (they never pass through a dead set), so no
/// later search enters them. Each column is thus explored by at most one
/// failed search.
internal enum _MaximumCardinality {
    static func size<Cost: AssignmentCost>(
        costs: UnsafeBufferPointer<Cost>, rows: Int, capacities capacity: [Int], activeRows: [Int]
    ) -> Int {
        let columns = capacity.count
        let forbidden = Cost._forbidden
        var load = Array(repeating: 0, count: columns)
        var columnForRow = Array(repeating: -1, count: rows)
        var rowsInColumn = Array(repeating: [Int](), count: columns)
        var placed = 0
        for row in activeRows {
            for column in 0..<columns where load[column] < capacity[column] && costs[row * columns + column] != forbidden {
                columnForRow[row] = column
                rowsInColumn[column].append(row)
                load[column] += 1
                placed += 1
                break
            }
        }
        var dead = Array(repeating: false, count: columns)
        var stamp = Array(repeating: -1, count: columns)
        var parentRow = Array(repeating: -1, count: columns)
        var queue = [Int]()
        for root in activeRows where columnForRow[root] < 0 {
            queue.removeAll(keepingCapacity: true)
            var reached = [Int]()
            var frontier = [root]
            var sink = -1
            bfs: while !frontier.isEmpty {
                queue.removeAll(keepingCapacity: true)
                for row in frontier {
                    for column in 0..<columns where !dead[column] && stamp[column] != root
                        && costs[row * columns + column] != forbidden
                    {
                        stamp[column] = root
                        parentRow[column] = row
                        reached.append(column)
                        if load[column] < capacity[column] {
                            sink = column
                            break bfs
                        }
                        queue.append(contentsOf: rowsInColumn[column])
                    }
                }
                frontier = queue
            }
            guard sink >= 0 else {
                for column in reached { dead[column] = true }
                continue
            }
            var column = sink
            load[sink] += 1
            while true {
                let row = parentRow[column]
                let previous = columnForRow[row]
                if previous >= 0, let index = rowsInColumn[previous].firstIndex(of: row) {
                    rowsInColumn[previous].remove(at: index)
                }
                rowsInColumn[column].append(row)
                columnForRow[row] = column
                if row == root { break }
                column = previous
            }
            placed += 1
        }
        return placed
    }
}
