/// Solves a large assignment problem exactly over a few candidate pairs per
/// row, pricing the rest with the duals (column generation for the
/// assignment problem).
///
/// A problem can have millions of allowed pairs while an optimal answer uses
/// few of them: each row ends on one of its better columns. So the sparse
/// solver first sees the source's initial candidates. Its duals `u`, `v` then
/// price every pair of the whole problem: a pair with reduced cost
/// `−value − u − v < 0` could improve the answer, and each row's most negative
/// such pairs (at most ``addedPerRound``) join the candidates before the next
/// solve, which starts from the last one's answer and potentials. When no pair
/// prices negative, the duals are feasible for the whole problem and the
/// answer is optimal for it — ``OptimalityCertificate/verify(rows:sense:capacities:locks:unassignedRows:solution:)``
/// over the source checks exactly that.
///
/// On a generated 3,400-mentee, 1,600-mentor round (5.4 million pairs, 55 %
/// allowed) this solves over about 1 % of the pairs, in 3 solves.
///
/// With `transposed`, each solve runs with one row per column slot and one
/// column per row of the source (see `_CandidateProblem`): the side the
/// solver leaves partly unassigned is then the smaller one when columns have
/// fewer slots than there are rows, and its searches end sooner (a
/// 3,400-mentee, 3,147-place cohort solved densely took 5.4 s one way,
/// 2.6 s transposed).
///
/// ```swift
/// let result = try ColumnGeneration().solve(source, transposed: false)
/// let report = OptimalityCertificate.verify(rows: source, sense: .maximize, capacities: source.capacities,
///                                           unassignedRows: .allowed(value: 0), solution: result.solution)
/// ```
public struct ColumnGeneration: Sendable {
    /// At most this many pairs per row join in a pricing round (10, 20 and
    /// 40 measured alike on generated rounds; 10 keeps each solve smallest).
    public var addedPerRound = 10

    public init() {}

    /// The answer and the work it took.
    public struct Result<Cost: AssignmentCost>: Sendable {
        /// The answer in the source's terms, with duals valid for every pair
        /// of the source.
        public var solution: AssignmentSolution<Cost>
        /// Sparse solves it took.
        public var solves: Int
        /// Candidate pairs in the last solve.
        public var candidatePairs: Int
        /// Each row's pairs in the last solve, in column order: a sparse
        /// problem whose optimum is the source's (locked rows have none).
        public var candidates: [[CandidatePair<Cost>]]
    }

    /// Where a solve may start: the potentials and answer of an earlier,
    /// similar problem, in the source's terms (a row's potential and each
    /// column's). A follow-up round starts from the round before: most rows
    /// keep their pairs and potentials, so the first sparse solve has little
    /// to repair. Any start gives the same optimum; only the work differs.
    public struct Start<Cost: AssignmentCost>: Sendable {
        public var rowPotentials: [Cost]
        public var columnPotentials: [Cost]
        /// Each row's earlier column, or `nil`.
        public var columnForRow: [Int?]

        public init(rowPotentials: [Cost], columnPotentials: [Cost], columnForRow: [Int?]) {
            self.rowPotentials = rowPotentials
            self.columnPotentials = columnPotentials
            self.columnForRow = columnForRow
        }
    }

    /// Solves the source's whole problem.
    ///
    /// - Parameters:
    ///   - source: The problem, offered pair by pair.
    ///   - transposed: Solve with column slots as rows (faster when there are
    ///     fewer slots than rows).
    ///   - locks: Pairs that must be in the answer. Their rows leave the
    ///     sparse problems and their columns lose a slot each; the answer
    ///     holds them, with row potentials that make them tight (as for a
    ///     dense problem's locks), and the certificate is to be checked with them.
    ///   - candidates: Extra first candidates per row (a warm start: pairs of
    ///     an earlier answer); merged with the source's own.
    ///   - start: Potentials and an answer to start the first sparse solve
    ///     from; ignored when they do not fit the problem (sizes, values out
    ///     of the solver's range).
    /// - Throws: ``AssignmentError`` for a lock out of range, on a pair that
    ///   is not allowed, repeating a row or over a column's capacity, or when
    ///   the candidates make an invalid sparse problem (a column out of range,
    ///   values too large to sum).
    /// - Complexity: Each round costs one sparse solve and one pass of the
    ///   source's pricing over every pair.
    public func solve<Source: PricingSource>(
        _ source: Source, transposed: Bool, locks: [AssignmentLock] = [],
        candidates: [[CandidatePair<Source.Cost>]]? = nil, start: Start<Source.Cost>? = nil
    ) throws(AssignmentError) -> Result<Source.Cost> {
        var source = source
        return try solve(&source, transposed: transposed, locks: locks, candidates: candidates, start: start)
    }

    /// Solves the source's whole problem, leaving in `source` what its
    /// pricing remembered (see ``PricingSource/improvingPairs(duals:limit:candidates:)``)
    /// for the certificate.
    ///
    /// - Parameters:
    ///   - source: The problem, offered pair by pair.
    ///   - transposed: Solve with column slots as rows.
    ///   - locks: Pairs that must be in the answer.
    ///   - candidates: Extra first candidates per row.
    ///   - start: Potentials and an answer to start the first sparse solve from.
    /// - Throws: ``AssignmentError``, as the other `solve`.
    public func solve<Source: PricingSource>(
        _ source: inout Source, transposed: Bool, locks: [AssignmentLock] = [],
        candidates: [[CandidatePair<Source.Cost>]]? = nil, start: Start<Source.Cost>? = nil
    ) throws(AssignmentError) -> Result<Source.Cost> {
        let locked = try _LockedPairs(locks, in: source, capacities: source.capacities, sense: .maximize)
        // A start that does not fit the problem is dropped; locked rows take
        // no part in the sparse solves, so they start nowhere.
        var start = start
        if let given = start, given.rowPotentials.count == source.rowCount,
            given.columnPotentials.count == source.columnCount, given.columnForRow.count == source.rowCount
        {
            var columnForRow = given.columnForRow
            for row in locked.rows { columnForRow[row] = nil }
            start?.columnForRow = columnForRow
        } else {
            start = nil
        }
        let earlier = candidates
        var candidates = start.map(source.initialCandidates(near:)) ?? source.initialCandidates()
        if let earlier {
            for (row, pairs) in earlier.enumerated() where row < candidates.count {
                _ = Self.merge(pairs, into: &candidates[row])
            }
        }
        for row in locked.rows { candidates[row] = [] }
        var solves = 0
        // Each solve starts from the last one's answer and potentials: the
        // rows and columns stay the same, only pairs are added.
        var previous: AssignmentSolution<Source.Cost>?
        while true {
            let (solution, unlocked) = try Self.solveCandidates(
                candidates, columns: source.columnCount, capacities: locked.room, transposed: transposed,
                previous: previous, start: previous == nil ? start : nil)
            previous = solution
            solves += 1
            let whole = locked.adding(to: Self.pricingFullColumns(unlocked, candidates: candidates, room: locked.room))
            let additions = source.improvingPairs(duals: whole.duals, limit: addedPerRound, candidates: candidates)
                .filter {
                    !locked.holds($0.row)
                }
            if additions.isEmpty {
                return Result(
                    solution: whole, solves: solves, candidatePairs: candidates.reduce(0) { $0 + $1.count },
                    candidates: candidates)
            }
            // Pairs priced negative are never candidates already (the solver's
            // duals are feasible on its own pairs), so every round grows the
            // set and the loop ends; a repeat would mean a solver bug.
            var grown = 0
            for (row, pairs) in additions { grown += Self.merge(pairs, into: &candidates[row]) }
            precondition(grown > 0, "pricing found only pairs the solver already had: its duals are not feasible")
        }
    }

    /// One sparse solve over the candidates: the solver's answer, and the
    /// same answer in the source's terms. Apart from the generic `solve` so
    /// that it is specialised for the cost type although the source is a type
    /// this module cannot see (unspecialised, the 3,400-mentee round's solve
    /// took 0.45 s instead of 0.13 s).
    @_specialize(where Cost == Int64)
    @_specialize(where Cost == Double)
    static func solveCandidates<Cost: AssignmentCost>(
        _ candidates: [[CandidatePair<Cost>]], columns: Int, capacities: [Int], transposed: Bool,
        previous: AssignmentSolution<Cost>?, start: Start<Cost>? = nil
    ) throws(AssignmentError) -> (solution: AssignmentSolution<Cost>, whole: AssignmentSolution<Cost>) {
        let sparse = try _CandidateProblem(candidates, columns: columns, capacities: capacities, transposed: transposed)
        let solver = ShortestAugmentingPath()
        let solution: AssignmentSolution<Cost>
        if let start {
            // A start the solver refuses (potentials beyond its range) is dropped, not an error.
            do {
                solution = try solver.solve(sparse.problem, warmStart: sparse.warmStart(from: start))
            } catch .unusableValue, .warmStartMismatch {
                solution = try solver.solve(sparse.problem, warmStart: nil)
            }
        } else {
            solution = try solver.solve(sparse.problem, warmStart: previous.map(WarmStart.init))
        }
        return (solution, sparse.sourceSolution(solution))
    }

    /// The answer with each column that has no room left (capacity 0, or
    /// every place locked) priced below every candidate pair in it: such a
    /// column takes no row, so its potential is free to be as low as its
    /// pairs need (it is full, so a negative potential is allowed), and the
    /// sparse solver, which never places a row there, leaves it at 0.
    /// Pairs outside the candidates that still price negative are found by
    /// pricing and join, as any other.
    @_specialize(where Cost == Int64)
    static func pricingFullColumns<Cost: AssignmentCost>(
        _ solution: AssignmentSolution<Cost>, candidates: [[CandidatePair<Cost>]], room: [Int]
    ) -> AssignmentSolution<Cost> {
        guard room.contains(0) else { return solution }
        var columnPotentials = solution.duals.columnPotentials
        for column in room.indices where room[column] == 0 { columnPotentials[column] = .zero }
        for (row, pairs) in candidates.enumerated() {
            for pair in pairs where room[pair.column] == 0 {
                let slack = pair.value._negated - solution.duals.rowPotentials[row]
                if slack < columnPotentials[pair.column] { columnPotentials[pair.column] = slack }
            }
        }
        let duals = Duals(
            rowPotentials: solution.duals.rowPotentials, columnPotentials: columnPotentials,
            unassigned: solution.duals.unassigned)
        return AssignmentSolution(
            columnForRow: solution.columnForRow, objective: solution.objective,
            objectiveWithUnassigned: solution.objectiveWithUnassigned, duals: duals)
    }

    /// Adds the pairs whose column is new to a row's list, keeping it in
    /// column order; returns how many were added.
    @_specialize(where Cost == Int64)
    static func merge<Cost>(_ pairs: [CandidatePair<Cost>], into list: inout [CandidatePair<Cost>]) -> Int {
        var columns = Set(list.map(\.column))
        let before = list.count
        for pair in pairs where columns.insert(pair.column).inserted { list.append(pair) }
        if list.count > before { list.sort { $0.column < $1.column } }
        return list.count - before
    }
}
