// # Augmenting row reduction, sparse
//
// JV's auction-like phase (see +Reduction for the dense form) before the
// sparse search: each free row takes the column where its reduced cost
// `c − v` is least, lowering that column's potential by the gap to its
// second-least so the row's pair stays tight at its second-best price, and
// the row it displaces is processed next. A row without such a gap (a tie)
// is left to the search. Each step costs one pass over a
// row's stored pairs, where a search costs a Dijkstra over every pair it
// reaches, so most of the conflicts the greedy placement leaves are settled
// cheaply. Two passes, as in JV (1987, pp. 331–332).
//
// Only a column of capacity 1 takes part: lowering a fuller column's one
// potential would loosen the pairs of the rows it keeps. A row whose
// cheapest column is fuller stays free for the search. A row that may stay
// unassigned counts its option as a column that never fills, at potential 0.
//
// Every step keeps what the search needs: potentials only fall, each row
// placed is on a least reduced-cost column (its second-least, after the
// lowering), and a row displaced keeps a potential no greater than its
// least reduced cost.
//
// Measured (release, one core, `tandem solve` on the exported candidate graph
// of a generated 34,000 × 16,000 round, 65,930 rows and 1.3 million arcs):
// the search alone took 23.7 s; see the README's sparse comparison for the
// figures with this phase.

extension _SparseWorkspace {
    /// Two passes of augmenting row reduction over the rows the greedy
    /// placement left free; returns the rows still free, in order.
    func reduceFreeRows() -> [Int] {
        var free = (0..<rows).filter { columnOfRow[$0] == Self.free }
        for _ in 0..<2 where !free.isEmpty {
            free = reduceRows(free, stepLimit: Cost.isExact ? .max : 16 * free.count)
        }
        return free
    }

    /// One pass over the free rows.
    ///
    /// - Parameter stepLimit: Steps that lower a potential (floats trade a
    ///   column back and forth for ever smaller gains without one).
    private func reduceRows(_ free: [Int], stepLimit: Int) -> [Int] {
        var queue = free
        var current = 0
        var stillFree: [Int] = []
        var steps = 0
        let optionColumn = -2
        while current < queue.count {
            let row = queue[current]
            current += 1
            steps += 1
            // The least and second-least reduced costs of the row, and the
            // column of the least (the option as `optionColumn`).
            var first: Cost? = nil, second: Cost? = nil
            var firstColumn = -1
            func offer(_ reduced: Cost, _ column: Int) {
                if first == nil || reduced < first! {
                    second = first
                    (first, firstColumn) = (reduced, column)
                } else if second == nil || reduced < second! {
                    second = reduced
                }
            }
            for position in rowStart[row]..<rowStart[row + 1] {
                let column = Int(columnIndices[position])
                offer(costs[position] - v[column], column)
            }
            if let optionCost { offer(optionCost, optionColumn) }
            guard let least = first else {
                stillFree.append(row)
                continue
            }
            if firstColumn == optionColumn {
                u[row] = least
                columnOfRow[row] = Self.unassigned
                continue
            }
            if load[firstColumn] < capacity[firstColumn] {
                u[row] = least
                insert(row, into: firstColumn)
                continue
            }
            let target = firstColumn
            // Only a strict gap lowers a potential. On a tie JV moves to the
            // second column; here the row is left to the search instead, so
            // that ties resolve as the search resolves them (the tie rules).
            guard capacity[target] == 1, let next = second, least < next,
                steps < current * max(1, columns), steps < stepLimit
            else {
                stillFree.append(row)
                continue
            }
            v[target] -= next - least
            u[row] = next
            let displaced = firstRow[target]
            remove(displaced, from: target)
            columnOfRow[displaced] = Self.free
            insert(row, into: target)
            current -= 1
            queue[current] = displaced
        }
        return stillFree
    }
}
