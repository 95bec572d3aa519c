// Warm starts for the sparse search.
//
// The column potentials of an earlier solve are shifted so the largest is 0
// (reduced costs do not change), and each row takes its cheapest column at
// those potentials, preferring its earlier one. Rows whose earlier pair is no
// longer their cheapest (a new pair prices below it) are left free, and the
// columns they leave may now have room with a negative potential, which
// complementary slackness forbids: such a column is *deficient*.
//
// Raising a deficient column's potential straight to 0 would do, but it makes
// the column cheaper for every row that has a pair in it; those rows must be
// lowered and freed, and their columns become deficient in turn. On a
// 3,147-place round with a few dozen new pairs this freed every row (measured:
// 15 free rows → 3,041 after such a repair).
//
// Instead, each deficient column starts a *reverse* search: the mirror of the
// forward search, from a column with room back along its pairs to the rows
// that could fill it. Distances are reduced costs; reaching row i from column
// j costs `c[i][j] − u[i] − v[j]`, and a row held by column j' reaches j' at
// no cost (the row would leave j' for the column it was reached from). The
// search ends at the nearest of
// - a free row, or a row in its unassigned option: it moves into the column it
//   was reached from, and each row along the path moves one column along, so
//   the deficient column gains a row and no other column changes load; or
// - the column j, reached at distance d, whose potential can rise to 0 at
//   total D = d − v[j]: the rows along the path to j shift, j keeps one row
//   fewer, and its potential becomes exactly 0.
// Settled columns then rise by D − d and settled rows fall by D − d, which
// keeps every reduced cost ≥ 0 and the path tight (the forward argument, with
// rows and columns swapped), and no column rises above 0 because D is at most
// each settled column's own d − v. Each search lowers the total room of
// deficient columns by one or ends one column's deficiency, so the repair
// ends; the forward search then places the free rows, and it never creates a
// deficient column.

extension _SparseWorkspace {
    /// Starts from the warm start's potentials and columns, leaving
    /// deficient columns for ``repairDeficientColumns(within:)``.
    func _startWarm(_ warmStart: WarmStart<Cost>) {
        let largest = warmStart.columnPotentials.max() ?? .zero
        for column in 0..<columns { v[column] = warmStart.columnPotentials[column] - largest }
        let earlier = warmStart.columnForRow
        for row in 0..<rows {
            let preferred = earlier.flatMap { row < $0.count ? $0[row] : nil } ?? -1
            placeOnCheapest(row, preferring: preferred)
        }
    }

    /// Reverse searches from every column with room below potential 0,
    /// until none is left.
    ///
    /// The forward search keeps every reduced cost ≥ 0 and every assigned
    /// pair tight whichever column with room it ends at, deficient or not;
    /// only the answer's optimality needs each column left with room at 0.
    /// So the repair may also come after the forward searches, when they
    /// have filled most deficient columns themselves: after an auction
    /// start, whose prices leave thousands of rows a unit off their
    /// cheapest column, repairing first cost a reverse search for each of
    /// 13,954 columns (36 s on the exported 20,000-person round); the
    /// forward searches first, then the repair, took 0.4 s.
    ///
    /// - Parameter budget: Gives up, returning `false`, when the reverse
    ///   searches promise to relax more pairs than it allows.
    func repairDeficientColumns(within budget: _SearchBudget?) -> Bool {
        let deficient = (0..<columns).filter { load[$0] < capacity[$0] && v[$0] < .zero }
        guard !deficient.isEmpty else { return true }
        if let budget, budget.isHopeless(deficientColumns: deficient.count, rows: rows) { return false }
        var reverse = _ReverseSearch(self)
        defer { reverse.deallocate() }
        let before = relaxedPairs
        let places = (0..<columns).reduce(0) { $0 + min(capacity[$1], rows) }
        for (index, column) in deficient.enumerated() {
            while load[column] < capacity[column] && v[column] < .zero { reverse.run(from: column, in: self) }
            if let budget,
                budget.isExceeded(
                    relaxed: relaxedPairs - before, searches: index + 1, of: deficient.count, spare: abs(places - rows))
            {
                return false
            }
        }
        return true
    }
}

/// The reverse search's own state: each column's pairs (compressed columns)
/// and per-row scratch, built once per warm start.
struct _ReverseSearch<Cost: AssignmentCost> {
    private let columnStart: [Int]
    /// Rows in 32 bits, as the matrix's columns: half the memory a warm
    /// start lays out and reads.
    private let pairRow: [Int32]
    private let pairCost: [Cost]
    private var rowDistance: [Cost]
    /// The column from which a row was reached (the one it would move into).
    private var rowTarget: [Int]
    /// The row through which a column was reached (the one that would leave it).
    private var columnLeaver: [Int]
    private var rowReachedIn: [Int]
    private var rowSettledIn: [Int]
    private var settledRows: [Int] = []
    private var settledColumns: [Int] = []
    private var heap: _ColumnHeap<Cost>

    /// Lays the workspace's pairs out column by column, each written once
    /// into arrays sized beforehand.
    init(_ workspace: _SparseWorkspace<Cost>) {
        let rows = workspace.rows, columns = workspace.columns
        let pairs = workspace.pairs
        var pairCost: [Cost] = []
        var pairRow: [Int32] = []
        columnStart = [Int](unsafeUninitializedCapacity: columns + 1) { columnStart, startCount in
            pairRow = [Int32](unsafeUninitializedCapacity: pairs.pairCount) { pairRow, rowCount in
                pairCost = [Cost](unsafeUninitializedCapacity: pairs.pairCount) { pairCost, costCount in
                    pairs.layColumns(into: columnStart, pairRow: pairRow, pairCost: pairCost)
                    costCount = pairs.pairCount
                }
                rowCount = pairs.pairCount
            }
            startCount = columns + 1
        }
        self.pairRow = pairRow
        self.pairCost = pairCost
        rowDistance = [Cost](repeating: .zero, count: rows)
        rowTarget = [Int](repeating: -1, count: rows)
        columnLeaver = [Int](repeating: -1, count: columns)
        rowReachedIn = [Int](repeating: -1, count: rows)
        rowSettledIn = [Int](repeating: -1, count: rows)
        heap = _ColumnHeap(capacity: 64)
    }

    func deallocate() { heap.deallocate() }

    /// One reverse search from a deficient column, then the potential update
    /// and the moves along the path. Heap entries are columns (ids below
    /// `columns`) and rows (`columns + row`).
    mutating func run(from root: Int, in w: _SparseWorkspace<Cost>) {
        // The workspace's search counter stamps rows here as well as columns.
        w.search += 1
        let search = w.search
        heap.removeAll()
        settledRows.removeAll(keepingCapacity: true)
        settledColumns.removeAll(keepingCapacity: true)
        let columns = w.columns
        w.reachedIn[root] = search
        w.distance[root] = .zero
        heap.push(.zero, column: root, tieBreak: root)
        // The best end so far: raising `raisedColumn` to 0 at total `raiseTotal`.
        var raiseTotal: Cost? = nil
        var raisedColumn = -1
        var sinkRow = -1
        var total = Cost.zero
        while let (reached, node) = heap.popMinimum() {
            // Nothing reached from here on ends nearer than the best end so
            // far (a column's raise is at least its distance), so a tie ends
            // the search too. A round's reduced costs are 0 on wide plateaus:
            // at 700,000 mentees for 600,022 places the closing repair of a
            // fresh solve ran 47,422 searches that ended at a total of 0 or 1
            // yet settled up to 92,000 columns each, waiting for something
            // strictly farther; stopping at the tie took its pairs relaxed
            // from 10.3 billion to 16.6 million (the repair 2.8 s, the same
            // optimum; that re-solve of the round 11 min 43 s → 16 s).
            if let raiseTotal, raiseTotal <= reached { break }
            if node < columns {
                let column = node
                guard w.settledIn[column] != search, reached == w.distance[column] else { continue }
                w.settledIn[column] = search
                settledColumns.append(column)
                w.relaxedPairs += columnStart[column + 1] - columnStart[column]
                let raise = reached - w.v[column]
                if raiseTotal == nil || raise < raiseTotal! {
                    raiseTotal = raise
                    raisedColumn = column
                }
                for index in columnStart[column]..<columnStart[column + 1] {
                    let row = Int(pairRow[index])
                    // The column's own rows are reached too (at its distance, their
                    // pairs being tight), so the update keeps those pairs tight.
                    if rowSettledIn[row] == search { continue }
                    let candidate = reached + pairCost[index] - w.u[row] - w.v[column]
                    if rowReachedIn[row] != search || candidate < rowDistance[row] {
                        rowReachedIn[row] = search
                        rowDistance[row] = candidate
                        rowTarget[row] = column
                        heap.push(candidate, column: columns + row, tieBreak: columns + row)
                    }
                }
            } else {
                let row = node - columns
                guard rowSettledIn[row] != search, reached == rowDistance[row] else { continue }
                rowSettledIn[row] = search
                settledRows.append(row)
                let held = w.columnOfRow[row]
                if held < 0 {
                    sinkRow = row
                    total = reached
                    break
                }
                if w.settledIn[held] != search && (w.reachedIn[held] != search || reached < w.distance[held]) {
                    w.reachedIn[held] = search
                    w.distance[held] = reached
                    columnLeaver[held] = row
                    heap.push(reached, column: held, tieBreak: held)
                }
            }
        }
        if sinkRow < 0 { total = raiseTotal! }
        for column in settledColumns where w.distance[column] < total {
            w.v[column] = w.v[column] + (total - w.distance[column])
        }
        for row in settledRows where rowDistance[row] < total {
            w.u[row] = w.u[row] - (total - rowDistance[row])
        }
        // Along the path, each row moves into the column it was reached from.
        var row = sinkRow >= 0 ? sinkRow : (raisedColumn == root ? -1 : columnLeaver[raisedColumn])
        while row >= 0 {
            let target = rowTarget[row]
            let held = w.columnOfRow[row]
            if held >= 0 { w.remove(row, from: held) }
            w.insert(row, into: target)
            row = target == root ? -1 : columnLeaver[target]
        }
        if sinkRow < 0 { w.v[raisedColumn] = .zero }
    }
}
