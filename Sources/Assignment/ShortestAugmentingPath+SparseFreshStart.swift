// # A fresh solve when a warm start's repair and searches run long
//
// A warm start (column generation's re-solves over a candidate set grown by
// pricing) keeps most rows on their earlier columns, repairs the columns
// left with room below potential 0 with one reverse search each, and places
// the rows left free with one forward search each (+SparseWarmStart). When
// nearly every column is full — a round with about as many places as
// mentees — the late searches wander through most of the graph before they
// end. At 100,000 mentees for 99,865 places (3.4 million candidate pairs)
// the first two re-solves took 47–55 s and 42–52 s, while the auction
// (+SparseAuction) solves the same grown problems from nothing in 3.5–4 s.
//
// So the reverse searches, then the forward ones, keep count of the pairs
// they relax and predict the whole. They grow longer as the columns fill
// (the k-th search relaxes roughly in proportion to k), so once a tenth of
// them are done the whole is predicted as the pairs relaxed so far times
// the square of (searches in all / searches done); when what is left of it
// passes `_freshStartPairsFactor` (20) times the problem's pairs the solve
// starts again cold, where the auction applies (a cold solve without it is
// no faster). Counted pairs, not time, so every machine and every run takes
// the same road. A fresh solve of the nearly full round costs about what
// the searches spend relaxing 15 times its pairs (about 70 ns a pair).
// Measured, the prediction at a tenth against the whole: forward searches
// of 100,000 mentees 79 against 104 (times the pairs), 52 against 32; of
// 68,000 × 32,000, 7.7 against 3.4 and 4.0; reverse searches of 68,000 ×
// 32,000, 17 against 8.6. A factor of 10 sent that last repair, and eight
// later re-solves of the 100,000-mentee round, to fresh solves, whose
// duals cost pricing passes (13 instead of 7, below); 20 keeps them warm.
// The first re-solves of 34,000 × 16,000 and 68,000 × 32,000 repair 12,103
// and 22,625 columns, predicted at 25 and 26 times the pairs, and are
// solved afresh in 0.7 s and 1.8 s instead of 1.5 s and 4–5 s.
//
// A fresh answer's duals are the auction's and far from the warm start's,
// and pricing reads the whole problem against each solve's duals: duals that
// jump make it find new improving pairs for thousands of rows pass after
// pass (every re-solve of the 100,000-mentee round done afresh: 35 pricing
// passes instead of 7). So the fresh solve keeps its assignment and takes,
// of all the duals optimal with it, those nearest the warm start's from
// below:
//
// With the assignment fixed, a placed row's potential is its pair's cost
// less its column's, so the column potentials say everything, and the
// conditions are difference constraints: for row i in column j and another
// of its pairs (i, k), `v[k] − v[j] ≤ c[i][k] − c[i][j]`; for a row left in
// its option, `v[k] ≤ c[i][k] − u[i]`; a column with room at 0 and every
// potential ≤ 0 (a placed row's own option bound holds whenever the
// potentials stay above the fresh ones). Maxima of solutions are solutions,
// so below any bound some solution respects there is a greatest one: each
// `v[k]` the least, over columns j, of j's bound plus the shortest path
// from j to k along those constraints. The bound is the warm start's
// potential where it is above the fresh one, else the fresh one; the fresh
// duals respect it, so the result lies between them and the bound. Measured
// from the fresh potentials the lengths are the fresh reduced costs, never
// negative, so one Dijkstra pass over the placed rows' pairs finds it, from
// every column at once.
//
// Measured (release, this 2-core machine, generated 100,000 × 50,000
// round, two runs each beside 0.11.0): re-solves 123 and 134 s → 45 and
// 52 s (the first 5–6 s; the next three 10–13 s, each about 5 s of repair
// before it gives way), the whole `tandem match` 219 and 230 s → 128 and
// 145 s, 7 pricing passes as before, the same optimum. Fresh solves for
// every re-solve took 35 passes (re-solves 4–6 s each).
//
// The repair's reverse searches grow longer still where few places are
// spare, so their prediction also takes the larger of the square above and
// one from the ends they use up (`_SearchBudget.sinkDepletion`). At
// 100,000 × 50,000 (135 places spare) the second and third re-solves
// (27,215 and 5,105 deficient columns, predicted at 19 and 9 times the
// pairs by the square) now give way a tenth through: 6.4 s each instead of
// 15–16 s, the re-solves 41 s instead of 64 s, the round 135 s instead of
// 169 s (one run each, side by side on a slow hour; the same files). The
// fourth (801 columns, 3.5 by the ends, 5.6 by the square) still gives way
// late. At 68,000 × 32,000 (4,152 spare) every choice, and every file, is
// as before.
//
// That fourth repair gave way after 789 of its 801 searches, having relaxed
// 18 times the pairs, to a fresh solve worth 15 more: the whole was judged,
// what was already spent included. The budget now weighs only the searches
// left, so it finishes. Side by side at 100,000 × 50,000 (a slow hour, one
// run each, the same optimum, another among ties): the re-solves 44 → 33 s
// (the fourth 14 → 10 s, the next two 6.3 and 1.9 → 2.4 and 1.0 s), the
// round 143 → 128 s; at 68,000 × 32,000 the same files.
//
// A repair within its budget can still leave forward searches that give
// way, and then the repair was spent for nothing. At a million people
// (600,022 places as rows, 34.6 million candidate pairs) the second
// re-solve's warm start left 252,415 columns deficient, 42 % of the rows:
// the repair finished within budget in 30.6 s (372 million pairs relaxed,
// 10.7 times the pairs), then the forward searches predicted 27 times the
// pairs a tenth through and gave way to a fresh solve of 27.3 s. The warm
// starts counted (instrumented builds, generated rounds) that left more
// than 30 % of the rows' worth of columns deficient all ended in a fresh
// solve: 31 % and 42 % at a million, 39 % at 140,000 × 60,000, 36 % at
// 68,000 × 32,000, 38 % at 100,000 × 50,000; at 23 % (68,000 × 32,000)
// the repair and searches took 1.3 s against a fresh solve's 2.0 s, and
// 18 % (140,000 × 60,000) stayed warm as well. So a warm start leaving more
// than 30 % deficient goes to the fresh solve before any repair.

extension ShortestAugmentingPath {
    /// The budget of a warm start's repair and searches, or `nil` when a
    /// cold solve would not use the auction.
    func _freshStartBudget<Cost: AssignmentCost>(_ problem: SparseAssignmentProblem<Cost>) -> _SearchBudget? {
        guard _auctionApplies(problem) else { return nil }
        return _SearchBudget(pairs: Double(_freshStartPairsFactor) * Double(problem._costs.pairCount))
    }

    /// Solves the problem cold and returns its assignment with the optimal
    /// duals nearest the warm start's.
    func _solveAfresh<Cost: AssignmentCost>(
        _ problem: SparseAssignmentProblem<Cost>, near warmStart: WarmStart<Cost>
    ) throws(AssignmentError) -> AssignmentSolution<Cost> {
        let fresh = try _solveUnlocked(problem, warmStart: nil)
        return _optimalDuals(of: fresh, near: warmStart.columnPotentials, in: problem)
    }

    /// The solution's assignment with, of the duals optimal for it, those
    /// whose column potentials are the greatest at most the target's (shifted
    /// so the largest is 0) or the solution's own, whichever is higher (see
    /// the essay above).
    func _optimalDuals<Cost: AssignmentCost>(
        of solution: AssignmentSolution<Cost>, near target: [Cost], in problem: SparseAssignmentProblem<Cost>
    ) -> AssignmentSolution<Cost> {
        let matrix = problem._costs
        let rows = matrix.rows, columns = matrix.columns
        let u = solution.duals.rowPotentials, v = solution.duals.columnPotentials
        var load = [Int](repeating: 0, count: columns)
        var columnStart = [Int](repeating: 0, count: columns + 1)
        for column in solution.columnForRow {
            if let column {
                load[column] += 1
                columnStart[column + 1] += 1
            }
        }
        for column in 0..<columns { columnStart[column + 1] += columnStart[column] }
        var next = columnStart
        var rowsOfColumn = [Int](repeating: 0, count: columnStart[columns])
        for (row, column) in solution.columnForRow.enumerated() {
            if let column {
                rowsOfColumn[next[column]] = row
                next[column] += 1
            }
        }
        // How far each column's potential rises above the fresh one: at
        // most its bound's rise, then lowered along the constraints.
        let largest = target.max() ?? .zero
        var delta = [Cost](repeating: .zero, count: columns)
        for column in 0..<columns where load[column] >= problem.capacities[column] {
            let goal = target[column] - largest
            delta[column] = goal > v[column] ? goal - v[column] : .zero
        }
        // Rows left unassigned keep their potential: their pairs bound the columns.
        for row in 0..<rows where solution.columnForRow[row] == nil {
            for position in matrix.rowStart[row]..<matrix.rowStart[row + 1] {
                let column = Int(matrix.columnIndices[position])
                let reduced = matrix.values[position] - u[row] - v[column]
                if reduced < delta[column] { delta[column] = reduced }
            }
        }
        // Dijkstra from every column at once: a placed row bounds the rise
        // of each of its other pairs' columns by its own column's rise plus
        // that pair's reduced cost.
        var heap = _ColumnHeap<Cost>(capacity: max(16, columns))
        defer { heap.deallocate() }
        var settled = [Bool](repeating: false, count: columns)
        for column in 0..<columns { heap.push(delta[column], column: column, tieBreak: column) }
        while let (reached, column) = heap.popMinimum() {
            guard !settled[column], reached == delta[column] else { continue }
            settled[column] = true
            for index in columnStart[column]..<columnStart[column + 1] {
                let row = rowsOfColumn[index]
                for position in matrix.rowStart[row]..<matrix.rowStart[row + 1] {
                    let other = Int(matrix.columnIndices[position])
                    if settled[other] { continue }
                    let candidate = reached + (matrix.values[position] - u[row] - v[other])
                    if candidate < delta[other] {
                        delta[other] = candidate
                        heap.push(candidate, column: other, tieBreak: other)
                    }
                }
            }
        }
        var columnPotentials = v
        for column in 0..<columns { columnPotentials[column] = v[column] + delta[column] }
        var rowPotentials = u
        for (row, column) in solution.columnForRow.enumerated() {
            if let column {
                rowPotentials[row] = matrix.value(row: row, column: column)! - columnPotentials[column]
            }
        }
        return AssignmentSolution(
            columnForRow: solution.columnForRow, objective: solution.objective,
            objectiveWithUnassigned: solution.objectiveWithUnassigned,
            duals: Duals(
                rowPotentials: rowPotentials, columnPotentials: columnPotentials, unassigned: solution.duals.unassigned
            ))
    }
}

/// The pairs a warm start's reverse searches, or its forward searches, may
/// relax before a fresh solve is cheaper.
struct _SearchBudget {
    let pairs: Double

    /// Whether a warm start leaves so many columns deficient that it gives
    /// way before any repair: more than ``largestDeficientShare`` of the
    /// rows (see the essay above).
    func isHopeless(deficientColumns: Int, rows: Int) -> Bool {
        Double(deficientColumns) > Self.largestDeficientShare * Double(rows)
    }

    /// The share of the rows above which deficient columns send a warm
    /// start to a fresh solve at once.
    static let largestDeficientShare = 0.3

    /// Whether the searches left of `total` promise to relax more than the
    /// budget, predicted from the first `searches` (see the essay above);
    /// never before a tenth of them are done. What is spent is spent: a
    /// repair whose last few searches run long finishes rather than start
    /// afresh (at 100,000 × 50,000 a repair of 801 columns gave way after
    /// 789, having relaxed 18 times the pairs, for a fresh solve of 15 more).
    /// For the repair's reverse searches,
    /// `spare` (the places beyond the rows, or the rows beyond the places)
    /// adds the prediction from the ends the searches use up (see
    /// ``sinkDepletion(searches:of:spare:)``), and the larger one decides.
    func isExceeded(relaxed: Int, searches: Int, of total: Int, spare: Int? = nil) -> Bool {
        guard searches * 10 >= total else { return false }
        let scale = Double(total) / Double(searches)
        var factor = scale * scale
        if let spare { factor = max(factor, Self.sinkDepletion(searches: searches, of: total, spare: spare)) }
        return Double(relaxed) * (factor - 1) > pairs
    }

    /// The whole repair's pairs over those of its first `searches` of
    /// `total`, when each reverse search relaxes in proportion to the square
    /// of one over the ends left to it: the deficient columns not yet
    /// repaired plus the spare room, which no search uses up.
    ///
    /// Each reverse search ends at a row it can free or a column it can
    /// raise to 0, and each one ends a deficiency, so the later ones look
    /// further. Where the places nearly equal the rows, few ends remain at
    /// the close: counted at 100,000 × 50,000 (135 places spare) a repair's
    /// last 30 % of searches relaxed 5–11 times what its first 70 % did, at
    /// 68,000 × 32,000 (4,152 spare) 2.2–2.7 times, and the first tenth
    /// relaxed about the same share in both, which the square of the
    /// searches alone (above) cannot tell apart. Summing `1 / (ends left)²`
    /// over the searches predicts the whole from the first tenth within a
    /// factor of about 2 on the repairs counted at 68,000 (14.6–59 against
    /// 20–67 measured) and at 100,000 with fewer than 5,000 deficient
    /// columns (24–327 against 37–133), and ten times over at 37,921, where
    /// a fresh solve is the answer either way.
    static func sinkDepletion(searches: Int, of total: Int, spare: Int) -> Double {
        let spare = Double(max(1, spare)), total = Double(total), left = total - Double(searches)
        let all = 1 / spare - 1 / (total + spare), done = 1 / (left + spare) - 1 / (total + spare)
        return done > 0 ? all / done : 1
    }
}
