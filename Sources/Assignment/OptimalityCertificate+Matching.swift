/// A maximum matching size by one breadth-first augmenting-path search per row
/// (the Ford–Fulkerson method on the row–column network), written apart from
/// the solver's code so the certificate does not trust the code it checks.
enum _IndependentMatching {
    /// - Parameter locked: each row's locked column, or -1; locked rows hold
    ///   their column and are counted as placed.
    static func maximumSize<Source: AssignmentRowSource>(_ source: Source, capacities: [Int], locked: [Int]) -> Int {
        let rows = source.rowCount, columns = source.columnCount
        var room = capacities
        for column in locked where column >= 0 { room[column] -= 1 }
        // A row's pairs are read each time the search reaches it, as the
        // certificate reads them: nothing of the size of the problem is stored.
        let values = UnsafeMutableBufferPointer<Source.Cost>.allocate(capacity: columns)
        let allowed = UnsafeMutableBufferPointer<Bool>.allocate(capacity: columns)
        defer {
            values.deallocate()
            allowed.deallocate()
        }
        var holders = Array(repeating: [Int](), count: columns)
        var size = locked.count(where: { $0 >= 0 })
        for root in 0..<rows where locked[root] < 0 {
            // Breadth-first over rows; `reachedFrom[column]` is the row that reached it.
            var reachedFrom = Array(repeating: -1, count: columns)
            var columnOfRow = [root: -1]
            var queue = [root]
            var head = 0
            var found = -1
            search: while head < queue.count {
                let row = queue[head]
                head += 1
                source.readRow(row, values: values, allowed: allowed)
                for column in 0..<columns where allowed[column] && reachedFrom[column] < 0 {
                    reachedFrom[column] = row
                    if holders[column].count < room[column] {
                        found = column
                        break search
                    }
                    for holder in holders[column] where columnOfRow[holder] == nil {
                        columnOfRow[holder] = column
                        queue.append(holder)
                    }
                }
            }
            guard found >= 0 else { continue }
            var column = found
            while true {
                let row = reachedFrom[column]
                holders[column].append(row)
                let from = columnOfRow[row] ?? -1
                if from < 0 { break }
                holders[from].removeAll { $0 == row }
                column = from
            }
            size += 1
        }
        return size
    }
}
