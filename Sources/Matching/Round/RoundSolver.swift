import Assignment

/// Turns a scored cohort and the policy's `[matching]` section into
/// assignment problems, and solves them.
///
/// - Eligible pairs are those the hard rules allow, at or above the minimum
///   score; the rest are missing edges.
/// - `coverage` asks the solver for a maximum-cardinality assignment of
///   greatest total (exactly lexicographic: the solver sizes a virtual
///   "unassigned" column by a separate maximum-matching count); `quality` lets
///   any mentee stay unmatched at the minimum score (0 by default).
/// - A slot discount gives each place of a mentor its own column (place `s`,
///   counting from 0, is worth `s × discount` less), so the solver fills first
///   places first; without one, capacities stay native to the solver.
/// - With more mentees than places, the problem is solved transposed: one row
///   per place and one column per mentee, so that the side the solver must
///   leave partly unassigned is the smaller one (the solver's "unassigned"
///   option is costly when many rows end in it: a 3,400-mentee, 3,147-place
///   cohort took 5.4 s to solve as mentees × mentors, 2.6 s as places ×
///   mentees). For
///   `quality`, the minimum is taken off every pair instead of counted for
///   each unmatched mentee, which leaves the same optimum.
/// - The fairness floor is the largest score `t` such that as many mentees can
///   still be matched using only pairs scoring `t` or more (binary search over
///   the distinct scores, one maximum-matching count per step); the objective
///   is then solved with the pairs below `t` removed.
struct _RoundSolver {
    let check: CohortCheck
    let places: [Int]
    let minimumUnits: Int64?
    private let discountUnits: Int64
    /// Column (or row, transposed) → mentor; identity without a slot
    /// discount unless transposed.
    private let mentorOfColumn: [Int]
    /// Places are rows and mentees columns.
    let transposed: Bool
    private var policy: Policy.Matching { check.cohort.policy.matching }

    struct Outcome {
        var problem: AssignmentProblem<Int64>
        var solution: AssignmentSolution<Int64>
        var floor: Int64?
        /// Each mentee's mentor, or `nil`.
        var mentorOfMentee: [Int?]
        var matched: Int { mentorOfMentee.compactMap { $0 }.count }
    }

    /// - Parameter transposed: force an orientation (tests compare both); by
    ///   default, transposed exactly when there are more mentees than places.
    init(check: CohortCheck, transposed forced: Bool? = nil) {
        self.check = check
        let policy = check.cohort.policy
        let cap = policy.matching.menteesPerMentor ?? .max
        let places = check.cohort.mentors.map { min($0.capacity, cap) }
        let discountUnits = Int64((policy.matching.slotDiscount / policy.resolution).rounded())
        self.places = places
        self.discountUnits = discountUnits
        minimumUnits = policy.matching.minimumScore.map { Int64(($0 / policy.resolution).rounded()) }
        let transposed = forced ?? (check.cohort.mentees.count > places.reduce(0, +))
        self.transposed = transposed
        mentorOfColumn = discountUnits > 0 || transposed ? places.indices.flatMap { Array(repeating: $0, count: places[$0]) } : Array(places.indices)
    }

    /// Whether the pair may be proposed at all (hard rules and minimum score).
    func isEligible(mentee: Int, mentor: Int, floor: Int64? = nil) -> Bool {
        let matrix = check.matrix
        guard !matrix.forbidden[mentee, mentor] else { return false }
        let units = Int64(matrix.scores[mentee * matrix.mentors + mentor])
        return units >= (minimumUnits ?? .min) && units >= (floor ?? .min)
    }

    func solve() -> Outcome {
        let base = solve(floor: nil)
        guard policy.fairness == .floor else { return base }
        let matched = base.matched
        guard matched > 0 else { return base }
        // The distinct scores of eligible pairs (a few thousand, even when the pairs are millions).
        var distinct = Set<Int64>()
        for mentee in check.cohort.mentees.indices {
            for mentor in check.cohort.mentors.indices where isEligible(mentee: mentee, mentor: mentor) {
                distinct.insert(Int64(check.matrix.scores[mentee * check.matrix.mentors + mentor]))
            }
        }
        let candidates = distinct.sorted()
        // The lowest candidate always works (it keeps every eligible pair).
        var low = 0, high = candidates.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if MaximumMatching.size(matrix(floor: candidates[middle]), capacities: capacities) >= matched {
                low = middle
            } else {
                high = middle - 1
            }
        }
        var outcome = solve(floor: candidates[low])
        outcome.floor = candidates[low]
        return outcome
    }

    private var capacities: [Int] {
        if transposed { return Array(repeating: 1, count: check.cohort.mentees.count) }
        return discountUnits > 0 ? Array(repeating: 1, count: mentorOfColumn.count) : places
    }

    /// What `quality` counts for an unmatched mentee, in units.
    private var unmatchedUnits: Int64 { minimumUnits ?? 0 }

    /// Scores of eligible pairs: mentees × mentors (or × places, with a
    /// discount), or places × mentees when transposed.
    private func matrix(floor: Int64?) -> CostMatrix<Int64> {
        let matrix = check.matrix
        let mentees = check.cohort.mentees.count, places = mentorOfColumn.count
        // Transposed quality takes the unmatched value off every pair (see the type's notes).
        let shift = transposed && policy.objective == .quality ? unmatchedUnits : 0
        var values = [Int64](repeating: 0, count: mentees * places)
        var place = 0
        for index in 0..<places {
            place = index > 0 && mentorOfColumn[index] == mentorOfColumn[index - 1] ? place + 1 : 0
            let mentor = mentorOfColumn[index]
            for mentee in 0..<mentees {
                // `Int64.min` is never a score (scores are 32-bit), so it can mark the missing edges.
                let value = isEligible(mentee: mentee, mentor: mentor, floor: floor)
                    ? Int64(matrix.scores[mentee * matrix.mentors + mentor]) - Int64(place) * discountUnits - shift
                    : .min
                values[transposed ? index * mentees + mentee : mentee * places + index] = value
            }
        }
        return transposed
            ? try! CostMatrix(rows: places, columns: mentees, values: values, forbiddenValue: .min)
            : try! CostMatrix(rows: mentees, columns: places, values: values, forbiddenValue: .min)
    }

    private func solve(floor: Int64?) -> Outcome {
        let unassigned: AssignmentProblem<Int64>.UnassignedRows = switch policy.objective {
        case .coverage: .maximumCardinality
        case .quality: .allowed(value: transposed ? 0 : unmatchedUnits)
        }
        // Scores are 32-bit and at most a few thousand places per mentor, far
        // inside the solver's overflow bound, so the problem is always valid.
        let problem = try! AssignmentProblem(matrix(floor: floor), sense: .maximize, capacities: capacities, unassignedRows: unassigned)
        let solution = try! ShortestAugmentingPath().solve(problem)
        var mentorOfMentee = [Int?](repeating: nil, count: check.cohort.mentees.count)
        for (row, column) in solution.columnForRow.enumerated() {
            guard let column else { continue }
            if transposed { mentorOfMentee[column] = mentorOfColumn[row] } else { mentorOfMentee[row] = mentorOfColumn[column] }
        }
        return Outcome(problem: problem, solution: solution, floor: nil, mentorOfMentee: mentorOfMentee)
    }

    /// Why `mentee` got no mentor.
    func reason(mentee: Int, pairs: [MatchingRound.Pair], floor: Int64?) -> UnmatchedReason {
        let mentors = check.cohort.mentors.indices
        let allowed = mentors.filter { !check.matrix.forbidden[mentee, $0] }
        if allowed.isEmpty { return .noEligibleMentor(mainRule: check.mainObstacle(mentee: mentee)) }
        let eligible = allowed.filter { isEligible(mentee: mentee, mentor: $0) }
        if eligible.isEmpty { return .belowMinimumScore }
        let aboveFloor = eligible.filter { isEligible(mentee: mentee, mentor: $0, floor: floor) }
        if aboveFloor.isEmpty { return .belowFairnessFloor }
        var load = [Int](repeating: 0, count: check.cohort.mentors.count)
        for pair in pairs { load[pair.mentor] += 1 }
        return aboveFloor.allSatisfy { load[$0] >= places[$0] } ? .eligibleMentorsFull : .notWorthTheTotal
    }

    /// Pairs (i, j), eligible and not proposed, where mentee i is unmatched or
    /// scores j above their mentor, and mentor j has a free place or scores i
    /// above one of their mentees.
    func blockingPairs(pairs: [MatchingRound.Pair]) -> Int {
        let matrix = check.matrix
        var mentorOf = [Int?](repeating: nil, count: check.cohort.mentees.count)
        var scoreOf = [Int32](repeating: 0, count: check.cohort.mentees.count)
        var load = [Int](repeating: 0, count: check.cohort.mentors.count)
        var weakest = [Int32](repeating: .max, count: check.cohort.mentors.count)
        for pair in pairs {
            mentorOf[pair.mentee] = pair.mentor
            scoreOf[pair.mentee] = pair.units
            load[pair.mentor] += 1
            weakest[pair.mentor] = min(weakest[pair.mentor], pair.units)
        }
        var count = 0
        for mentee in check.cohort.mentees.indices {
            for mentor in check.cohort.mentors.indices where mentor != mentorOf[mentee] && isEligible(mentee: mentee, mentor: mentor) {
                let units = matrix.scores[mentee * matrix.mentors + mentor]
                let menteeWants = mentorOf[mentee] == nil || units > scoreOf[mentee]
                let mentorWants = places[mentor] > 0 && (load[mentor] < places[mentor] || units > weakest[mentor])
                if menteeWants && mentorWants { count += 1 }
            }
        }
        return count
    }
}
