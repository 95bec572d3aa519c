// Warm starts for the sparse search.
//
// The column potentials of an earlier solve are shifted so the largest is 0
// (reduced costs do not change), each row takes its cheapest column at those
// potentials, preferring its earlier one, and then every column left with
// room but a negative potential is repaired: complementary slackness allows
// a negative potential only on a full column. Raising that column to 0 can
// make some of its pairs price below their row's potential; those rows are
// lowered to the new price and, if they held another column or their option,
// freed (which may leave that column with room in turn). A column is raised at
// most once, so the repair is O(pairs). The search then places the free rows.
//
// With a candidate set grown by a few pairs, almost every row keeps its
// column and the solve costs a few searches instead of one per row.

extension _SparseWorkspace {
    func _startWarm(_ warmStart: WarmStart<Cost>) {
        let largest = warmStart.columnPotentials.max() ?? .zero
        for column in 0..<columns { v[column] = warmStart.columnPotentials[column] - largest }
        let earlier = warmStart.columnForRow
        for row in 0..<rows {
            let preferred = earlier.flatMap { row < $0.count ? $0[row] : nil } ?? -1
            placeOnCheapest(row, preferring: preferred)
        }
    }

    /// Whether some column has room but a negative potential.
    var hasDeficientColumn: Bool { (0..<columns).contains { load[$0] < capacity[$0] && v[$0] < .zero } }

    func repairPotentials() {
        var pending = (0..<columns).filter { load[$0] < capacity[$0] && v[$0] < .zero }
        guard !pending.isEmpty else { return }
        // Each column's pairs, as (row, cost), grouped by column.
        var columnStart = [Int](repeating: 0, count: columns + 1)
        for position in 0..<rowStart[rows] { columnStart[Int(columnIndices[position]) + 1] += 1 }
        for column in 0..<columns { columnStart[column + 1] += columnStart[column] }
        var next = columnStart
        var pairRow = [Int](repeating: 0, count: rowStart[rows])
        var pairCost = [Cost](repeating: .zero, count: rowStart[rows])
        for row in 0..<rows {
            for position in rowStart[row]..<rowStart[row + 1] {
                let column = Int(columnIndices[position])
                pairRow[next[column]] = row
                pairCost[next[column]] = costs[position]
                next[column] += 1
            }
        }
        while let column = pending.popLast() {
            guard load[column] < capacity[column], v[column] < .zero else { continue }
            v[column] = .zero
            for index in columnStart[column]..<columnStart[column + 1] {
                let row = pairRow[index], cost = pairCost[index]
                guard cost < u[row] else { continue }
                u[row] = cost
                let held = columnOfRow[row]
                if held == column { continue }
                if held >= 0 { remove(row, from: held) }
                columnOfRow[row] = Self.free
                if held >= 0 {
                    if v[held] < .zero { pending.append(held) }
                }
            }
        }
    }
}
