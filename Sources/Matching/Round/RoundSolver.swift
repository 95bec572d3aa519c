import Assignment
import _TandemUtilities

/// Turns a scored cohort and the policy's `[matching]` section into one
/// assignment problem, and solves it exactly.
///
/// - Eligible pairs are those the hard rules allow, at or above the minimum
///   score, with a mentor who has places; the rest are missing edges.
/// - Every unmatched mentee and every empty place is worth 0; a pair is worth
///   its score plus an offset. `quality` takes the minimum score (0 if unset)
///   off every pair, which is the same as counting it for each unmatched
///   mentee. `coverage` adds a bonus larger than any difference the scores of
///   two matchings can make (see ``coverageBonus(largest:pairs:)``), so a
///   matching with one more pair always wins and, among the largest
///   matchings, the best total wins: the lexicographic optimum, exactly,
///   from one problem.
/// - A slot discount gives each place of a mentor its own column (place `s`,
///   counting from 0, is worth `s × discount` less), so the solver fills first
///   places first; without one, capacities stay native to the solver.
/// - With more mentees than places the problem is solved transposed (see
///   `Assignment.ColumnGeneration`).
/// - The solve is column generation over candidate pairs priced against the
///   whole problem, and its duals are stated for the whole problem, whose
///   certificate `MatchingRound` checks over every eligible pair.
/// - The fairness floor: see `_FairnessFloor`.
struct _RoundSolver {
    let scores: any ScoreSource
    let policy: Policy.Matching
    let places: [Int]
    let minimumUnits: Int64?
    let discountUnits: Int64
    /// Places are rows and mentees columns.
    let transposed: Bool
    /// How many of each mentee's best mentors the first sparse solve sees
    /// (tests lower it to make pricing do the work).
    var initialCandidates = _EligiblePairs.menteeCandidates
    /// Whether pricing may read rows in part (``_EligiblePairs/readsInPart``).
    var readsInPart = true
    /// Pairs that must be in the answer (by index), kept out of the search.
    var locks: [(mentee: Int, mentor: Int)] = []
    /// An earlier answer's mentor of each mentee, whose pairs join the first
    /// candidates (a warm start).
    var earlierMentorOfMentee: [Int?]?
    /// Proposals to keep where the objective allows (a follow-up round's
    /// proposals awaiting a reply), by mentee: see ``objectiveTerms(_:largest:pairs:minimum:keeping:)``.
    var keptMentorOfMentee: [Int?]?
    /// The largest magnitude of any score, when the scores' reader knows it
    /// (``ScoredCohort/largestScore``); otherwise a pass finds it.
    var largestScore: Int64?
    /// Potentials of an earlier round to start the first sparse solve from.
    var startingPotentials: _IndexedPotentials?
    /// Scoring's digest of the best pairs (``ScoredCohort``), used by each
    /// solve whose places and cutoff it holds for.
    var digest: _ScoreDigest?
    /// The scoring the scores come from (``ScoredCohort``).
    var origin: ObjectIdentifier?
    /// Where pricing's passes run when not here (``ScoredCohort``'s runner).
    var passes: (any RowPassRunner)?
    /// An earlier round's final solve of the same scores (a what-if
    /// variant's baseline): its candidates and what its pricing learnt
    /// carry over when the problems are alike (see ``_EligiblePairs/adopt(_:)``).
    var earlierSolve: _EligiblePairs?

    struct Outcome {
        /// The whole problem that was solved (rows are mentees).
        var pairs: _EligiblePairs
        /// The answer and duals in the whole problem's terms.
        var solution: AssignmentSolution<Int64>
        var floor: Int64?
        /// Each mentee's mentor, or `nil`.
        var mentorOfMentee: [Int?]
        /// Sparse solves and candidate pairs of the last pricing loop.
        var solves: Int
        var candidatePairs: Int
        /// Each mentee's pairs in the last sparse solve (columns as `pairs`').
        var candidates: [[CandidatePair<Int64>]] = []
        var matched: Int { mentorOfMentee.count(where: { $0 != nil }) }

        /// Each mentee's pair score, `nil` when unmatched: read from the final
        /// candidates' values, and for a pair not among them (a locked one)
        /// from its row.
        func pairScores() -> [Int32?] {
            var units: [Int32?] = mentorOfMentee.indices.map { mentee in
                guard let column = solution.columnForRow[mentee], candidates.indices.contains(mentee),
                    let pair = candidates[mentee].first(where: { $0.column == column })
                else { return nil }
                return pairs.score(ofValue: pair.value, mentee: mentee, column: column)
            }
            let unread = mentorOfMentee.indices.filter { mentorOfMentee[$0] != nil && units[$0] == nil }
            pairs.scores.forEachRow(of: unread) { row in units[row.mentee] = row[mentorOfMentee[row.mentee]!] }
            return units
        }

        /// The independent check of `solution` over every eligible pair of
        /// the whole problem, with the round's locks (as `pairs`' columns).
        func certify(locks: [AssignmentLock] = []) -> OptimalityCertificate.Report {
            OptimalityCertificate.verify(
                rows: pairs, sense: .maximize, capacities: pairs.capacities, locks: locks,
                unassignedRows: .allowed(value: 0), solution: solution)
        }
    }

    /// - Parameter transposed: force an orientation (tests compare both); by
    ///   default, transposed exactly when there are more mentees than places.
    init(scores: any ScoreSource, policy fullPolicy: Policy, capacities: [Int], transposed forced: Bool? = nil) {
        self.scores = scores
        policy = fullPolicy.matching
        let cap = policy.menteesPerMentor ?? .max
        places = capacities.map { min($0, cap) }
        (discountUnits, minimumUnits) = Self.units(fullPolicy)
        transposed = forced ?? (scores.mentees > places.reduce(0, +))
    }

    /// The round's solver for a scored cohort.
    init(check: ScoredCohort, transposed: Bool? = nil) {
        self.init(
            scores: check.scores, policy: check.cohort.policy, capacities: check.cohort.mentors.map(\.capacity),
            transposed: transposed)
        largestScore = check.largestScore
        digest = check.digest
        origin = ObjectIdentifier(check.origin)
        passes = check.passes
    }

    /// The slot discount and the minimum score in whole units.
    static func units(_ policy: Policy) -> (discount: Int64, minimum: Int64?) {
        (
            Int64((policy.matching.slotDiscount / policy.resolution).rounded()),
            policy.matching.minimumScore.map { Int64(($0 / policy.resolution).rounded()) }
        )
    }

    /// The coverage bonus: more than the largest difference in total value
    /// between two matchings of at most `pairs` pairs whose values are at most
    /// `largest` in magnitude, so one more pair always outweighs any
    /// difference of scores. Generic so that the range check (`ScoredCohort`) evaluates the same
    /// formula in `Double` before any `Int64` sum could overflow.
    static func coverageBonus<Value: Numeric>(largest: Value, pairs: Value) -> Value {
        (2 * pairs + 1) * largest + 1
    }

    /// How a pair's value is made from its score `s` (less its place's
    /// discount): `scale × s + offset`, plus `keepBonus` for a proposal to
    /// keep. Generic so that the range check (`ScoredCohort`) evaluates the
    /// same formula in `Double` before any `Int64` sum could overflow.
    ///
    /// The objectives are lexicographic, each term separated from the next by
    /// more than the next can change, so one problem gives the exact optimum:
    /// - `coverage`: the most pairs, then the most kept proposals, then the
    ///   best total. The keep bonus is a coverage bonus over the scores, so
    ///   one more kept proposal outweighs any difference of totals, and the
    ///   offset a coverage bonus over scores plus keep bonuses.
    /// - `quality`: the best total (less the minimum score per pair), then
    ///   the most kept proposals: scores are scaled by more than the number
    ///   of pairs, and a kept proposal adds 1, so keeping only breaks ties.
    static func objectiveTerms<Value: SignedNumeric>(
        _ objective: Policy.Objective, largest: Value, pairs: Value, minimum: Value, keeping: Bool
    ) -> (scale: Value, keepBonus: Value, offset: Value) {
        switch objective {
        case .coverage:
            let keep = keeping ? coverageBonus(largest: largest, pairs: pairs) : 0
            return (1, keep, coverageBonus(largest: largest + keep, pairs: pairs))
        case .quality:
            guard keeping else { return (1, 0, -minimum) }
            let scale: Value = pairs + 1
            return (scale, 1, -(minimum * scale))
        }
    }

    func solve() -> Outcome {
        let base = solve(floor: nil, objective: policy.objective)
        guard policy.fairness == .floor, base.matched > 0 else { return base }
        let floor = _FairnessFloor(solver: self).highest(keeping: base)
        var outcome = solve(floor: floor, objective: policy.objective)
        outcome.floor = floor
        return outcome
    }

    /// The lowest score a pair may have: the minimum score and the floor.
    func cutoff(floor: Int64?) -> Int64? {
        switch (minimumUnits, floor) {
        case let (minimum?, floor?): max(minimum, floor)
        case let (minimum, floor): minimum ?? floor
        }
    }

    /// The largest |value| of a pair before the offset: every score, eligible
    /// or not (which only makes the bonus larger), plus the deepest discount.
    private func largestValue() -> Int64 {
        var largest: Int64 = largestScore ?? 0
        if largestScore == nil {
            scores.forEachRow { row in
                for mentor in 0..<row.mentors { largest = max(largest, abs(Int64(row[mentor]))) }
            }
        }
        return largest + Int64(places.max() ?? 0) * discountUnits
    }

    /// One priced solve of the round with only pairs scoring `floor` or more,
    /// under `objective`.
    func solve(floor: Int64?, objective: Policy.Objective) -> Outcome {
        let keeping = keptMentorOfMentee?.contains { $0 != nil } ?? false
        let terms = Self.objectiveTerms(
            objective, largest: objective == .coverage ? largestValue() : 0,
            pairs: Int64(min(scores.mentees, places.reduce(0, +))), minimum: minimumUnits ?? 0, keeping: keeping)
        var pairs = _EligiblePairs(
            scores: scores, places: places, cutoff: cutoff(floor: floor), offset: terms.offset,
            discount: discountUnits)
        pairs.initialPerMentee = initialCandidates
        pairs.readsInPart = readsInPart
        pairs.digest = digest.flatMap { $0.isValid(places: places, cutoff: pairs.cutoff) ? $0 : nil }
        pairs.origin = origin
        pairs.passes = passes
        if keeping, let kept = keptMentorOfMentee {
            pairs.scale = terms.scale
            pairs.keepBonus = terms.keepBonus
            pairs.keptMentor = kept.map { Int32($0 ?? -1) }
        }
        // Candidates are eligible pairs in range, in column order, whose
        // values are 32-bit scores plus an offset that `ScoredCohort` proved
        // within the solver's bound: the sparse problems are valid by
        // construction, and every row may stay unassigned, so none is infeasible.
        // Locks were checked against the hard rules, the minimum score and
        // the places by `RoundSpec`.
        if !locks.isEmpty {
            pairs.lockedMentee = Array(repeating: false, count: scores.mentees)
            for lock in locks { pairs.lockedMentee[lock.mentee] = true }
        }
        if let earlierSolve { pairs.adopt(earlierSolve) }
        let start = startingPotentials?.start(
            for: pairs, mentorOfMentee: earlierMentorOfMentee ?? Array(repeating: nil, count: scores.mentees),
            locks: locks)
        ProgressReporter.begin("solving over each mentee's best pairs")
        let result = try! ColumnGeneration().solve(
            &pairs, transposed: transposed, locks: pairs.lockColumns(locks),
            candidates: start == nil ? earlierMentorOfMentee.map(pairs.candidates(from:)) : nil, start: start)
        let mentorOfMentee = result.solution.columnForRow.map { $0.map(pairs.mentor(ofColumn:)) }
        return Outcome(
            pairs: pairs, solution: result.solution, floor: nil, mentorOfMentee: mentorOfMentee,
            solves: result.solves, candidatePairs: result.candidatePairs, candidates: result.candidates)
    }
}
