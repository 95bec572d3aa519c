// # Shortest augmenting paths over a sparse matrix
//
// The same method as the dense solver (see ShortestAugmentingPath.swift): one
// free row at a time, a Dijkstra search over reduced costs
// `c[i][j] − u[i] − v[j] ≥ 0` finds the cheapest alternating path to a column
// with room, the potentials move by the distances, and the rows along the path
// shift one column along. Jonker and Volgenant (Computing 38, 1987,
// doi:10.1007/BF02278710) give the sparse variant, pp. 333–334: only a row's
// stored pairs are relaxed, so columns are kept in a priority queue rather
// than scanned linearly.
//
// Where we depart from the paper, and why
// - The queue is a binary heap with lazy deletion: a column whose distance
//   drops is pushed again and stale entries are skipped when popped. Sparse
//   rows make few pushes, and the heap needs no position index.
// - Capacities are native, as in the dense solver: a full column holds a list
//   of its rows and reaching it reaches them all at its distance.
// - Rows that may stay unassigned each have a private option of constant cost
//   `a` (one virtual column of capacity `rows`, never full, so its potential
//   stays 0). Reaching row i at distance d offers the path "i leaves for its
//   option" at d + a − u[i]; the search ends there when no column with room
//   is nearer. No large cost stands for a forbidden or unassigned pair.
// - Initialisation is JV's row reduction: every column potential 0, each row's
//   potential its least cost (or `a`), and a greedy placement on that column
//   when it has room; then JV's augmenting row reduction on the columns of
//   capacity 1 (see +SparseReduction). A warm start (for a problem grown by pairs) starts from
//   earlier potentials instead; see ShortestAugmentingPath+SparseWarmStart.swift. A large
//   cold problem of integers with places of one starts from an ε-scaling auction's prices,
//   as a warm start (+SparseAuction), then the augmenting row reduction, and when the searches run long,
//   phases of the Hungarian method that place many free rows at once (+SparsePhases).
//
// Ties (determinism): the heap orders by distance, then columns with room
// before full ones, then by index; the unassigned option is taken only when
// strictly nearer than every column, so on a tie a row is placed.
//
// Complexity: O(pairs × log(pairs)) per augmentation in the worst case, which
// is reached only when a search sweeps the whole graph; O(rows + columns +
// pairs) memory.
//
// Glossary
// - `u`, `v`: row and column potentials (duals of the minimisation form).
// - `distance[j]`: tentative length of the shortest reduced path from the root
//   to column j; final once j is popped (`settled`).
// - `predecessor[j]`: the row from which column j was last reached.
// - `columnOfRow[i]`: the column holding row i; `free` or `unassigned` otherwise.
// - `firstRow`, `nextRow`, `previousRow`: each column's rows as a doubly linked list.

extension ShortestAugmentingPath {
    /// Solves a sparse problem to optimality.
    ///
    /// - Parameter problem: Any valid sparse problem.
    /// - Returns: An optimal assignment with its duals: for every stored pair
    ///   `cost − u − v ≥ 0`, with equality on assigned pairs; every column
    ///   potential ≤ 0 and below 0 only on a full column; with unassigned rows
    ///   allowed, an unassigned option of capacity `rows` and potential 0.
    /// - Throws: ``AssignmentError/infeasible(row:)`` when every row must be
    ///   placed and that is impossible (with fewer places than rows, before
    ///   any search, naming the first row past the places).
    /// - Complexity: O(rows × pairs × log(pairs)) in the worst case; typically
    ///   a small multiple of the pairs.
    @_specialize(exported:true,where Cost == Int64)
    @_specialize(exported:true,where Cost == Double)
    public func solve<Cost: AssignmentCost>(
        _ problem: SparseAssignmentProblem<Cost>
    ) throws(AssignmentError)
        -> AssignmentSolution<Cost>
    {
        try solve(problem, warmStart: nil)
    }

    /// Solves a sparse problem starting from an earlier solution's potentials
    /// and assignment: typically the same problem with pairs added (a
    /// candidate set grown by pricing), where most rows keep their column.
    ///
    /// - Parameters:
    ///   - problem: Any valid sparse problem.
    ///   - warmStart: Potentials for the same columns and, optionally, each
    ///     row's earlier column; `nil` for a cold start.
    /// - Returns: An optimal assignment with its duals, whatever the warm start held.
    /// - Throws: ``AssignmentError/warmStartMismatch(expectedColumns:actualColumns:)``
    ///   for a warm start of another shape, ``AssignmentError/costOverflowRisk(largestMagnitude:limit:)``
    ///   for potentials too large, and ``AssignmentError/infeasible(row:)`` as the cold solve.
    /// - Complexity: O(pairs) plus one search per row or column the warm start leaves unsettled.
    @_specialize(exported:true,where Cost == Int64)
    @_specialize(exported:true,where Cost == Double)
    public func solve<Cost: AssignmentCost>(
        _ problem: SparseAssignmentProblem<Cost>, warmStart: WarmStart<Cost>?
    ) throws(AssignmentError) -> AssignmentSolution<Cost> {
        guard !problem.locks.isEmpty else { return try _solveUnlocked(problem, warmStart: warmStart) }
        // Locks by reduction: the unlocked rows are solved with a slot less
        // in each locked column, and the locked pairs put back (`_LockedPairs`).
        let locked = try _LockedPairs(problem.locks, in: problem, capacities: problem.capacities, sense: problem.sense)
        let unlocked = (0..<problem.rows).filter { !locked.holds($0) }
        let reduced = try problem._keeping(rows: unlocked, capacities: locked.room)
        let warm = warmStart.map { start in
            WarmStart(
                columnPotentials: start.columnPotentials,
                columnForRow: start.columnForRow.flatMap { old in
                    old.count == problem.rows ? unlocked.map { old[$0] } : nil
                })
        }
        let answer = try _solveUnlocked(reduced, warmStart: warm)
        var columnForRow = [Int?](repeating: nil, count: problem.rows)
        var rowPotentials = [Cost](repeating: .zero, count: problem.rows)
        for (position, row) in unlocked.enumerated() {
            columnForRow[row] = answer.columnForRow[position]
            rowPotentials[row] = answer.duals.rowPotentials[position]
        }
        let everyRow = AssignmentSolution(
            columnForRow: columnForRow, objective: answer.objective,
            objectiveWithUnassigned: answer.objectiveWithUnassigned,
            duals: Duals(
                rowPotentials: rowPotentials, columnPotentials: answer.duals.columnPotentials,
                unassigned: answer.duals.unassigned))
        return locked.adding(to: everyRow)
    }

    /// The solve itself, for a problem without locks.
    func _solveUnlocked<Cost: AssignmentCost>(
        _ problem: SparseAssignmentProblem<Cost>, warmStart: WarmStart<Cost>?
    ) throws(AssignmentError) -> AssignmentSolution<Cost> {
        // More rows to place than places: said at once. The searches would
        // find it only after placing every row they can (a 20,000-row file
        // on 10,000 columns of one place took 7.6 s to be refused). The
        // first row past the places is the one named.
        if problem.unassignedRows == .forbidden {
            let places = problem.capacities.reduce(0) { $0 + min($1, problem.rows) }
            if places < problem.rows { throw .infeasible(row: places) }
        }
        if let warmStart {
            guard warmStart.columnPotentials.count == problem.columns else {
                throw .warmStartMismatch(
                    expectedColumns: problem.columns, actualColumns: warmStart.columnPotentials.count)
            }
            // Potentials are bounded by 2 (rows + 1) × the cost bound (see
            // `AssignmentCost.largestSafeMagnitude`); half that before the
            // workspace shifts them keeps every sum of the search in range.
            let bound =
                Double(problem.rows + 1) * Cost.largestSafeMagnitude(rows: problem.rows, columns: problem.columns)
            for value in warmStart.columnPotentials {
                guard value._isUsableCost else {
                    throw .unusableValue(row: -1, column: -1, description: "the warm-start potential \(value)")
                }
                guard value._magnitude <= bound else {
                    throw .costOverflowRisk(largestMagnitude: value._magnitude, limit: bound)
                }
            }
        }
        // A cold start of the auction's kind starts from its prices
        // (+SparseAuction). Any cold start then settles most conflicts by
        // augmenting row reduction (+SparseReduction; after the auction it
        // took the 150,000-person round's searches from 66 s to 49 s), and
        // after an auction start, once the searches run long, phases that
        // place many free rows at once (+SparsePhases). A
        // warm start's deficient columns are repaired first; the searches
        // take the rows left, in order, and an auction start's columns left
        // with room below potential 0 are repaired last. A warm start's
        // repair and searches give way to a fresh solve when they promise to
        // cost more (+SparseFreshStart).
        return try problem._costs._withBuffers { pairs throws(AssignmentError) in
            let auctionStart = warmStart == nil ? _auctionStart(problem, pairs: pairs) : nil
            let start = warmStart ?? auctionStart
            let workspace = _SparseWorkspace(problem, pairs: pairs, warmStart: start)
            let budget = warmStart == nil ? nil : _freshStartBudget(problem)
            if let warmStart, !workspace.repairDeficientColumns(within: budget) {
                return try _solveAfresh(problem, near: warmStart)
            }
            let roots = (warmStart == nil ? workspace.reduceFreeRows().sorted() : Array(0..<problem.rows))
                .filter { workspace.columnOfRow[$0] == _SparseWorkspace<Cost>.free }
            if auctionStart != nil {
                try workspace.placeAfterAuction(roots, phases: _phases)
                _ = workspace.repairDeficientColumns(within: nil)
                return workspace.solution(for: problem)
            }
            let repairWork = workspace.relaxedPairs
            for (index, row) in roots.enumerated() {
                try workspace.augment(root: row)
                if let budget, let warmStart,
                    budget.isExceeded(
                        relaxed: workspace.relaxedPairs - repairWork, searches: index + 1, of: roots.count)
                {
                    return try _solveAfresh(problem, near: warmStart)
                }
            }
            return workspace.solution(for: problem)
        }
    }
}

/// The sparse search's state, allocated once per solve and reused by every
/// augmentation. It reads the problem's pairs where they are, through
/// buffers valid while the solve runs (``SparseCostMatrix/_withBuffers(_:)``):
/// with a copy for each solve, the kernel clearing the copy's fresh pages
/// took 1,133 of the solves' 9,892 samples in a 140,000 × 60,000 round
/// (`perf record -g`, one run); reading them in place, the solves took
/// 9,270 samples, 75 of them clearing pages.
internal final class _SparseWorkspace<Cost: AssignmentCost> {
    static var free: Int { -1 }
    static var unassigned: Int { -2 }

    let rows: Int, columns: Int
    /// The problem's pairs, row by row.
    let pairs: _CompressedRowBuffers<Cost>
    var rowStart: UnsafeBufferPointer<Int> { pairs.rowStart }
    var columnIndices: UnsafeBufferPointer<Int32> { pairs.columnIndices }
    var costs: UnsafeBufferPointer<Cost> { pairs.costs }
    let capacity: UnsafeMutableBufferPointer<Int>
    /// The cost of leaving a row unassigned, when allowed.
    let optionCost: Cost?

    let u: UnsafeMutableBufferPointer<Cost>
    let v: UnsafeMutableBufferPointer<Cost>
    let columnOfRow: UnsafeMutableBufferPointer<Int>
    let load: UnsafeMutableBufferPointer<Int>
    let firstRow: UnsafeMutableBufferPointer<Int>
    let nextRow: UnsafeMutableBufferPointer<Int>
    let previousRow: UnsafeMutableBufferPointer<Int>

    // Per-search scratch: a column's `distance` and `predecessor` are valid
    // when `reachedIn[column] == search`; it is settled when `settledIn` is.
    let distance: UnsafeMutableBufferPointer<Cost>
    let predecessor: UnsafeMutableBufferPointer<Int>
    let reachedIn: UnsafeMutableBufferPointer<Int>
    let settledIn: UnsafeMutableBufferPointer<Int>
    let settled: UnsafeMutableBufferPointer<Int>
    var search = 0
    /// The pairs the searches have relaxed so far: a forward search counts
    /// a row's pairs each time it reaches the row, a reverse search a
    /// column's each time it settles the column (+SparseFreshStart budgets
    /// a warm start by them).
    var relaxedPairs = 0
    /// Kept between searches for its buffers; each search works on a local
    /// copy (a class property would be checked for exclusive access on every
    /// push and pop).
    var heap: _ColumnHeap<Cost>

    /// A warm start leaves its deficient columns for ``repairDeficientColumns(within:)``.
    ///
    /// - Parameter pairs: The problem's pairs, valid for the workspace's life.
    init(_ problem: SparseAssignmentProblem<Cost>, pairs: _CompressedRowBuffers<Cost>, warmStart: WarmStart<Cost>?) {
        let matrix = problem._costs
        rows = matrix.rows
        columns = matrix.columns
        self.pairs = pairs
        capacity = ._copy(of: problem.capacities)
        optionCost = problem._unassignedCost
        u = ._filled(rows, with: .zero)
        v = ._filled(columns, with: .zero)
        columnOfRow = ._filled(rows, with: Self.free)
        load = ._filled(columns, with: 0)
        firstRow = ._filled(columns, with: -1)
        nextRow = ._filled(rows, with: -1)
        previousRow = ._filled(rows, with: -1)
        distance = ._filled(columns, with: .zero)
        predecessor = ._filled(columns, with: -1)
        reachedIn = ._filled(columns, with: -1)
        settledIn = ._filled(columns, with: -1)
        settled = ._filled(columns, with: -1)
        heap = _ColumnHeap(capacity: max(16, matrix.pairCount / 4))
        if let warmStart {
            _startWarm(warmStart)
        } else {
            for row in 0..<rows { placeOnCheapest(row, preferring: -1) }
        }
    }

    deinit {
        for buffer in [
            capacity, columnOfRow, load, firstRow, nextRow, previousRow, predecessor, reachedIn, settledIn, settled,
        ] {
            buffer.deallocate()
        }
        u.deallocate()
        v.deallocate()
        distance.deallocate()
        heap.deallocate()
    }

    /// JV's row reduction: the row's potential is its least reduced cost
    /// `c − v`, and it takes the preferred column if that attains it and has
    /// room, else the first such column (or its option, when that is
    /// strictly cheaper).
    func placeOnCheapest(_ row: Int, preferring preferred: Int) {
        var least: Cost? = nil
        var choice = -1
        for position in rowStart[row]..<rowStart[row + 1] {
            let column = Int(columnIndices[position])
            let cost = costs[position] - v[column]
            let hasRoom = load[column] < capacity[column]
            if least == nil || cost < least! {
                least = cost
                choice = hasRoom ? column : -1
            } else if cost == least!, hasRoom, choice < 0 || column == preferred {
                choice = column
            }
        }
        if let optionCost, least == nil || optionCost < least! || (optionCost == least! && choice < 0) {
            u[row] = optionCost
            columnOfRow[row] = Self.unassigned
            return
        }
        guard let least else { return }
        u[row] = least
        if choice >= 0 { insert(row, into: choice) }
    }

    func insert(_ row: Int, into column: Int) {
        columnOfRow[row] = column
        load[column] += 1
        let head = firstRow[column]
        nextRow[row] = head
        previousRow[row] = -1
        if head >= 0 { previousRow[head] = row }
        firstRow[column] = row
    }

    func remove(_ row: Int, from column: Int) {
        let next = nextRow[row], previous = previousRow[row]
        if previous >= 0 { nextRow[previous] = next } else { firstRow[column] = next }
        if next >= 0 { previousRow[next] = previous }
        load[column] -= 1
    }

    /// One Dijkstra search from a free row, then the potential update and the
    /// shift of rows along the path.
    func augment(root: Int) throws(AssignmentError) {
        search += 1
        let search = self.search
        var settledCount = 0
        var heap = self.heap
        defer { self.heap = heap }
        heap.removeAll()
        var optionDistance: Cost? = nil
        var optionRow = -1
        var sink = -1
        var sinkDistance = Cost.zero
        var relaxed = 0
        defer { relaxedPairs += relaxed }
        relax(
            row: root, at: .zero, search: search, heap: &heap, optionDistance: &optionDistance, optionRow: &optionRow,
            relaxed: &relaxed)
        while let (reached, column) = heap.popMinimum() {
            guard settledIn[column] != search, reached == distance[column] else { continue }
            if let optionDistance, optionDistance < reached { break }
            settledIn[column] = search
            settled[settledCount] = column
            settledCount += 1
            if load[column] < capacity[column] {
                sink = column
                sinkDistance = reached
                break
            }
            var row = firstRow[column]
            while row >= 0 {
                relax(
                    row: row, at: reached, search: search, heap: &heap, optionDistance: &optionDistance,
                    optionRow: &optionRow, relaxed: &relaxed)
                row = nextRow[row]
            }
        }
        if sink < 0 {
            guard let optionDistance else { throw .infeasible(row: root) }
            sinkDistance = optionDistance
        }
        updatePotentials(root: root, sinkDistance: sinkDistance, settledCount: settledCount)
        var column = sink
        var row: Int
        if sink >= 0 {
            row = predecessor[sink]
        } else {
            // The path ends with `optionRow` leaving its column for its option.
            row = optionRow
            let held = columnOfRow[row]
            if held >= 0 { remove(row, from: held) }
            columnOfRow[row] = Self.unassigned
            guard row != root else { return }
            column = held
            row = predecessor[column]
        }
        while true {
            let held = columnOfRow[row]
            if held >= 0 { remove(row, from: held) }
            insert(row, into: column)
            if row == root { return }
            column = held
            row = predecessor[column]
        }
    }

    /// Offers every pair of `row`, reached at `base`, to the heap, and the
    /// row's option to the running best (`optionDistance`, through
    /// `optionRow`).
    @inline(__always)
    func relax(
        row: Int, at base: Cost, search: Int, heap: inout _ColumnHeap<Cost>,
        optionDistance: inout Cost?, optionRow: inout Int, relaxed: inout Int
    ) {
        // Every value here is bounded by the problem's magnitude check, so the
        // unchecked sums cannot overflow (see `AssignmentCost.largestSafeMagnitude`).
        let offset = Cost._uncheckedSubtract(base, u[row])
        relaxed &+= rowStart[row + 1] - rowStart[row]
        for position in rowStart[row]..<rowStart[row + 1] {
            let column = Int(columnIndices[position])
            if settledIn[column] == search { continue }
            let candidate = Cost._uncheckedSubtract(Cost._uncheckedAdd(offset, costs[position]), v[column])
            if reachedIn[column] != search || candidate < distance[column] {
                reachedIn[column] = search
                distance[column] = candidate
                predecessor[column] = row
                let roomLast = load[column] < capacity[column] ? 0 : columns
                heap.push(candidate, column: column, tieBreak: roomLast + column)
            }
        }
        if let optionCost {
            let candidate = Cost._uncheckedAdd(offset, optionCost)
            if optionDistance == nil || candidate < optionDistance! {
                optionDistance = candidate
                optionRow = row
            }
        }
    }

    /// Moves the potentials by the settled distances so that every reduced
    /// cost stays ≥ 0 and the path to the sink becomes tight: a settled column
    /// at distance d < D gains d − D, and each of its rows D − d; the root
    /// gains D.
    private func updatePotentials(root: Int, sinkDistance: Cost, settledCount: Int) {
        moveSettledColumns(to: sinkDistance, settledCount: settledCount)
        u[root] = Cost._uncheckedAdd(u[root], sinkDistance)
    }

    /// The columns in `settled[0..<settledCount]`: each one at distance
    /// d < `total` gains d − `total`, and each of its rows `total` − d.
    func moveSettledColumns(to total: Cost, settledCount: Int) {
        for index in 0..<settledCount {
            let column = settled[index]
            let gap = Cost._uncheckedSubtract(total, distance[column])
            guard gap > .zero else { continue }
            v[column] = Cost._uncheckedSubtract(v[column], gap)
            var row = firstRow[column]
            while row >= 0 {
                u[row] = Cost._uncheckedAdd(u[row], gap)
                row = nextRow[row]
            }
        }
    }

    func solution(for problem: SparseAssignmentProblem<Cost>) -> AssignmentSolution<Cost> {
        var columnForRow = [Int?](repeating: nil, count: rows)
        var objective = Cost.zero
        var unassignedCount = 0
        for row in 0..<rows {
            let column = columnOfRow[row]
            guard column >= 0 else {
                unassignedCount += 1
                continue
            }
            columnForRow[row] = column
            objective += problem.value(row: row, column: column)!
        }
        var withUnassigned = objective
        if case let .allowed(value) = problem.unassignedRows { withUnassigned += value._times(unassignedCount) }
        let option = optionCost.map { Duals<Cost>.UnassignedOption(cost: $0, capacity: rows, potential: .zero) }
        let duals = Duals(rowPotentials: Array(u), columnPotentials: Array(v), unassigned: option)
        return AssignmentSolution(
            columnForRow: columnForRow, objective: objective,
            objectiveWithUnassigned: withUnassigned, duals: duals)
    }
}
