// # Shortest augmenting paths (the Jonker–Volgenant family)
//
// The linear assignment problem asks for the pairing of rows with columns of
// least total cost. Its linear programme has integral optima, and the solvers
// here keep a dual solution (row potentials `u`, column potentials `v`) with
// `c[i][j] − u[i] − v[j] ≥ 0` on every allowed pair and `= 0` on every assigned
// pair. One free row at a time, a Dijkstra search over reduced costs finds the
// cheapest alternating path to a column with room; the potentials are moved by
// the distances, and the rows along the path shift one column along. When no
// row is free the duals prove the assignment optimal.
//
// References
// - R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense
//   and sparse linear assignment problems", Computing 38 (1987), pp. 325–340,
//   doi:10.1007/BF02278710. The batch search of `augment` follows its
//   Dijkstra phase.
// - D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE
//   Transactions on Aerospace and Electronic Systems 52(4) (2016),
//   pp. 1679–1696, doi:10.1109/TAES.2016.140952; pp. 1685–1686 give the
//   rectangular shortest-path algorithm without padding to a square.
//
// Where we depart from the papers, and why
// - Capacities are native. A column of capacity c keeps a linked list of the
//   rows it holds; reaching a full column scans all of them at its distance.
//   The matrix is never copied c times (memory stays the matrix plus O(n + m)).
// - Rectangular in both orientations without padding. The dual of
//   "Σ_i x[i][j] ≤ cap[j]" is `v[j] ≤ 0`, with `v[j] < 0` only on a full
//   column; the search keeps that by lowering only scanned (full) columns.
// - Rows that cannot all be placed. The problem gets one more, virtual column,
//   the *unassigned option*, of constant cost. With a value to leave a row
//   unassigned (a threshold), its capacity is the number of rows. For a
//   maximum-cardinality answer, its capacity is rows − k*, where k* is the size
//   of a maximum matching on the allowed pairs (found separately, only after a
//   search has failed); then exactly k* rows are placed and the constant cost
//   does not affect which, so the answer is the best among maximum matchings.
//   No forbidden pair is ever modelled by a large cost.
// - The initialisation is JV's row reduction with a greedy assignment of rows
//   to their cheapest column with room (valid for rectangular problems, where
//   JV's column reduction is not), also used for warm starts.
//
// Complexity: O(n² m) in the worst case for n rows and m columns, O(n m) memory
// for the matrix and O(n + m) besides.
//
// Glossary
// - `potential` (v): column potential. Row potentials u are derived at the end:
//   u[i] = c[i][col(i)] − v[col(i)].
// - `distance`: shortest reduced path length from the root row to a column,
//   offset by u[root].
// - `predecessor`: the row through which a column was last reached.
// - `columnForRow`: the column holding a row, −1 while free.
// - `remaining`: the permutation of columns split into scanned / batch / unreached.
// - `minimum`: the distance of the current batch.

/// The exact assignment solver: shortest augmenting paths over a dense matrix,
/// with capacities, forbidden pairs, locks, unassigned rows and warm starts.
///
/// ```swift
/// let problem = try AssignmentProblem(try CostMatrix<Int64>(rows: 2, columns: 2, values: [4, 1, 2, 8]))
/// let solution = try ShortestAugmentingPath().solve(problem)
/// // solution.columnForRow == [1, 0], solution.objective == 3
/// ```
public struct ShortestAugmentingPath: AssignmentSolver {
    /// Sparse problems with fewer rows start without the auction (tests
    /// lower it to exercise the auction on small problems).
    var _auctionMinimumRows = _SparseAuction.minimumRows
    /// A warm start's repair or searches give way to a fresh solve when
    /// they promise to relax more than this many times the problem's pairs
    /// (measured, see +SparseFreshStart). Tests lower it to 0 to solve
    /// afresh whenever a search relaxes anything.
    var _freshStartPairsFactor = 20
    /// When phases place an auction start's free rows in bulk instead of one
    /// search each (measured, see +SparsePhases). Tests make them start at
    /// once, run to the end, or never.
    var _phases = _PhasePolicy()

    public init() {}

    /// Solves a problem to optimality.
    ///
    /// - Parameter problem: Any valid problem.
    /// - Returns: An optimal assignment with its duals.
    /// - Throws: ``AssignmentError/infeasible(row:)`` when the problem requires
    ///   every row placed and that is impossible.
    /// - Complexity: O(n² m) worst case for n rows and m columns.
    public func solve<Cost: AssignmentCost>(
        _ problem: AssignmentProblem<Cost>
    ) throws(AssignmentError)
        -> AssignmentSolution<Cost>
    {
        try Cost._solveDense(problem, warmStart: nil)
    }

    /// Solves a problem starting from an earlier solution's potentials.
    ///
    /// - Parameters:
    ///   - problem: Any valid problem.
    ///   - warmStart: Potentials for the same columns, usually from
    ///     ``WarmStart/init(_:)`` on the solution of a similar problem.
    /// - Returns: An optimal assignment with its duals, whatever the warm start held.
    /// - Throws: ``AssignmentError/warmStartMismatch(expectedColumns:actualColumns:)``
    ///   for a warm start of another shape, and what `solve(_:)` throws.
    /// - Complexity: O(n m) plus O(m) per row the warm start does not place at once.
    public func solve<Cost: AssignmentCost>(
        _ problem: AssignmentProblem<Cost>, warmStart: WarmStart<Cost>
    ) throws(AssignmentError) -> AssignmentSolution<Cost> {
        try Cost._solveDense(problem, warmStart: warmStart)
    }
}
