// # Many free rows at once: phases of the Hungarian method
//
// After the ε-scaling auction (+SparseAuction) every row is within one unit
// of its cheapest column, but the search needs each kept row exactly on a
// cheapest one, so a third to a half of the rows start free: 21,800 of
// 65,930 on the exported 50,000-person round, 88,852 of 197,872 on the
// 150,000-person one. One Dijkstra search per free row then placed them,
// each sweeping a plateau of pairs at reduced cost 0 or 1 before it met a
// column with room: 63 million pairs relaxed at 50,000 people (3.4 s), a
// billion at 150,000 (86 s of the 105 s solve; measured on a slow hour).
//
// The paths those searches find are short in cost and long in pairs, and
// most of them could be found together. So while many rows are free, a
// phase of the Hungarian method places them in bulk:
// 1. One Dijkstra search from every free row at once (each at distance 0)
//    to the nearest end: a column with room, or a row's unassigned option.
//    Its distance D is the least any free row must pay.
// 2. The potentials move as after a single search: each column settled at
//    distance d falls by D − d and its row rises as much; every free row
//    rises by D. Every reduced cost stays ≥ 0, and every shortest path to
//    an end at distance D becomes a path of tight pairs.
// 3. Hopcroft and Karp's phase (SIAM J. Comput. 2(4), 1973,
//    doi:10.1137/0202019) on the tight pairs: a breadth-first search numbers
//    the columns by how many pairs they lie from the nearest free row, up to
//    the first level that holds an end; then a depth-first search from each
//    free row in turn follows only pairs one level up and enters each column
//    at most once, so the paths it finds share nothing and a column it left
//    behind can lead nowhere later in the phase. The rows along each path
//    shift one column along, as after a single search; tight pairs stay
//    tight, so the duals still prove every assigned pair.
// A phase costs about one pass over the pairs the free rows can reach at
// distance D and places every row a shortest path can place without
// crossing another's. When few rows are left free, each phase places only a
// few and costs about as much as a whole search of the long late kind, so
// the last ``_PhasePolicy/end`` (30) rows go back to one search each.
//
// Phases are not always cheaper. On a round's own first solve (places as
// rows, mentees as columns, 30,000 rows left free) the searches are short
// throughout — 2.3 to 4.1 times the pairs relaxed in all, 0.5–1.0 s — and
// phases took 2.3–3.4 s. On the exported graphs the searches are short
// until the last few percent of the rows (relaxed so far, in times the
// pairs: 1.3 after 90 % of the 150,000-person round's searches, 137 after
// all; 1.6 after 95 % of the 50,000-person round's, 29 after all), then
// each sweeps 1–3 % of the pairs. So the rows are first placed one search
// each, and phases take over for the rest once a block of
// ``_PhasePolicy/searchBlock`` (100) searches has relaxed more than half
// the problem's pairs: about 25 times what a block of the round's own
// solves relaxed over their last 5 % (0.02 times the pairs, on average),
// and a third to a fifth of what a late block of the exported graphs
// relaxes (1.5–2.5 times the pairs).
//
// Measured (release, one core, `tandem solve FILE --json`, solve seconds on
// a slow hour, the same certified optimum every time): the 150,000-person
// round's searches 86 s with a search per row; phases from the first row
// until 2,000, 500, 250, 100, 30 or no rows are free 46, 23, 23, 17, 19 and
// 28 s (relaxing 0.52, 0.22, 0.20, 0.16, 0.11 and 0.11 billion pairs). The
// 50,000-person round's 4.7 s → 1.8 s (100) and 2.1 s (300). The phases
// until 100 rows numbered 95 and 38; most had D = 0 (the auction leaves
// the ends a plateau of tight pairs away). With the switch above (side by
// side with 0.12.3, whose searches were one a row): 89 → 24 s at 150,000
// people, 7.1 → 4.5 s at 50,000; a round's own solves unchanged.
//
// Measured again once the auction started square problems from
// column-reduced prices (+SparseAuction), the last rows' searches cost
// more than the phases that would place them: until 100,
// 50 and 30 rows are left free, the phases and the searches after them
// relaxed 84.4, 65.1 and 55.0 million pairs at 150,000 people (7.9, 6.2
// and 6.1 s of thread time, one instrumented run each), 26.1 and 17.3
// million at 50,000 (100 and 30: 1.17 and 0.81 s), 5.3, 4.1 and 3.7
// million at 20,000 (0.17, 0.15 and 0.18 s). Until no row is left free
// the phases cost more again (50,000 people: 12.4 million pairs, 0.98 s).
//
// Ties: a phase places rows in row order along the paths the depth-first
// search meets first, so among optima of equal cost it may choose another
// than one search per row would; the answer is as optimal and as
// deterministic.

/// When phases take over from one search per free row after an auction
/// start (see the essay above).
struct _PhasePolicy {
    /// Phases start once this many searches in a row have relaxed more than
    /// half the problem's pairs; 0 starts them at once.
    var searchBlock = 100
    /// Phases stop when at most this many rows are left free.
    var end = 30
}

extension _SparseWorkspace {
    /// Places the rows an auction start left free (`roots`, ascending):
    /// a search each while the searches stay short, then phases, then a
    /// search each for the rows the phases leave (see the essay above).
    func placeAfterAuction(_ roots: [Int], phases policy: _PhasePolicy) throws(AssignmentError) {
        var blockStart = relaxedPairs
        var index = 0
        let pairs = rowStart[rows]
        while index < roots.count {
            if index % max(1, policy.searchBlock) == 0 {
                if policy.searchBlock == 0 || (index > 0 && (relaxedPairs - blockStart) * 2 > pairs) { break }
                blockStart = relaxedPairs
            }
            try augment(root: roots[index])
            index += 1
        }
        guard index < roots.count else { return }
        for row in augmentInPhases(Array(roots[index...]), until: policy.end) { try augment(root: row) }
    }

    /// Places the free rows `roots` (ascending) by phases until at most
    /// `end` remain free, or a phase finds no end; returns the rows still
    /// free, ascending, for one search each.
    func augmentInPhases(_ roots: [Int], until end: Int) -> [Int] {
        var free = roots
        while free.count > end, let nearest = searchFromAll(free) {
            moveFromAll(free, distance: nearest.distance, settledCount: nearest.settledCount)
            guard placeAlongTightPaths(free) > 0 else { break }
            free.removeAll { columnOfRow[$0] != Self.free }
        }
        return free
    }

    /// Dijkstra's search from every free row at once, to the nearest column
    /// with room or option: its distance, and the columns settled before it
    /// (in `settled[0..<settledCount]`); `nil` when no row reaches an end.
    private func searchFromAll(_ roots: [Int]) -> (distance: Cost, settledCount: Int)? {
        search += 1
        let search = self.search
        var heap = self.heap
        defer { self.heap = heap }
        heap.removeAll()
        // The nearest option end (the row it would free is of no use here).
        var optionEnd: Cost? = nil, optionRow = -1
        var relaxed = 0
        defer { relaxedPairs += relaxed }
        for root in roots {
            relax(
                row: root, at: .zero, search: search, heap: &heap, optionDistance: &optionEnd, optionRow: &optionRow,
                relaxed: &relaxed)
        }
        var settledCount = 0
        while let (reached, column) = heap.popMinimum() {
            guard settledIn[column] != search, reached == distance[column] else { continue }
            if let optionEnd, optionEnd < reached { return (optionEnd, settledCount) }
            if load[column] < capacity[column] { return (reached, settledCount) }
            settledIn[column] = search
            settled[settledCount] = column
            settledCount += 1
            var row = firstRow[column]
            while row >= 0 {
                relax(
                    row: row, at: reached, search: search, heap: &heap, optionDistance: &optionEnd,
                    optionRow: &optionRow, relaxed: &relaxed)
                row = nextRow[row]
            }
        }
        return optionEnd.map { ($0, settledCount) }
    }

    /// Moves the potentials by the search's distances: each settled column
    /// at distance d falls by `distance − d` and its rows rise as much; the
    /// free rows rise by `distance`.
    private func moveFromAll(_ roots: [Int], distance total: Cost, settledCount: Int) {
        moveSettledColumns(to: total, settledCount: settledCount)
        for root in roots { u[root] = Cost._uncheckedAdd(u[root], total) }
    }

    @inline(__always)
    private func isTight(row: Int, position: Int) -> Bool {
        Cost._uncheckedSubtract(Cost._uncheckedSubtract(costs[position], u[row]), v[Int(columnIndices[position])])
            == .zero
    }

    @inline(__always)
    private func optionIsTight(_ row: Int) -> Bool {
        guard let optionCost else { return false }
        return optionCost == u[row]
    }

    /// Hopcroft and Karp's phase on the tight pairs from the free rows
    /// `roots` (see the essay above); returns how many it placed.
    private func placeAlongTightPaths(_ roots: [Int]) -> Int {
        // Levels: a column is numbered in this phase when `reachedIn` holds
        // the stamp, its level in `predecessor`; `settledIn` marks a column
        // the depth-first search has entered. A row's level is its column's.
        search += 1
        let stamp = search
        var frontier = roots, next: [Int] = []
        var level = 0, endLevel = Int.max
        while !frontier.isEmpty && level < endLevel {
            next.removeAll(keepingCapacity: true)
            for row in frontier {
                if optionIsTight(row) { endLevel = min(endLevel, level) }
                for position in rowStart[row]..<rowStart[row + 1] where isTight(row: row, position: position) {
                    let column = Int(columnIndices[position])
                    if reachedIn[column] == stamp || columnOfRow[row] == column { continue }
                    reachedIn[column] = stamp
                    predecessor[column] = level + 1
                    if load[column] < capacity[column] {
                        endLevel = min(endLevel, level + 1)
                        continue
                    }
                    var held = firstRow[column]
                    while held >= 0 {
                        next.append(held)
                        held = nextRow[held]
                    }
                }
            }
            level += 1
            swap(&frontier, &next)
        }
        guard endLevel != .max else { return 0 }
        var placed = 0
        // The path so far: its rows, and for each the next of its pairs to try.
        var pathRows: [Int] = [], nextPair: [Int] = []
        for root in roots {
            pathRows.removeAll(keepingCapacity: true)
            nextPair.removeAll(keepingCapacity: true)
            pathRows.append(root)
            nextPair.append(rowStart[root])
            var endColumn = -1, endsInOption = false
            while let row = pathRows.last {
                let depth = pathRows.count - 1
                if depth == endLevel || nextPair[depth] == rowStart[row + 1] {
                    // Only the last level holds ends (see the levels above).
                    if depth == endLevel && optionIsTight(row) {
                        endsInOption = true
                        break
                    }
                    pathRows.removeLast()
                    nextPair.removeLast()
                    continue
                }
                let position = nextPair[depth]
                nextPair[depth] = position + 1
                let column = Int(columnIndices[position])
                guard reachedIn[column] == stamp, predecessor[column] == depth + 1, settledIn[column] != stamp,
                    isTight(row: row, position: position)
                else { continue }
                settledIn[column] = stamp
                if load[column] < capacity[column] {
                    endColumn = column
                    break
                }
                // One of the full column's rows moves on: the first (after
                // the auction every column holds one).
                pathRows.append(firstRow[column])
                nextPair.append(rowStart[firstRow[column]])
            }
            guard !pathRows.isEmpty else { continue }
            // Each row moves into the column its pair on the path reaches.
            var target = endColumn
            if endsInOption {
                let last = pathRows.removeLast()
                let held = columnOfRow[last]
                if held >= 0 { remove(last, from: held) }
                columnOfRow[last] = Self.unassigned
                target = held
            }
            for row in pathRows.reversed() {
                let held = columnOfRow[row]
                if held >= 0 { remove(row, from: held) }
                insert(row, into: target)
                target = held
            }
            placed += 1
        }
        return placed
    }
}
