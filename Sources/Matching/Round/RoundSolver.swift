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
/// - The fairness floor is the largest score `t` such that as many mentees can
///   still be matched using only pairs scoring `t` or more (binary search over
///   the distinct scores, one maximum-matching count per step); the objective
///   is then solved with the pairs below `t` removed.
struct _RoundSolver {
    let check: CohortCheck
    let places: [Int]
    let minimumUnits: Int64?
    private let discountUnits: Int64
    /// Column → mentor; identity without a slot discount.
    private let mentorOfColumn: [Int]
    private var policy: Policy.Matching { check.cohort.policy.matching }

    struct Outcome {
        var problem: AssignmentProblem<Int64>
        var solution: AssignmentSolution<Int64>
        var floor: Int64?
    }

    init(check: CohortCheck) {
        self.check = check
        let policy = check.cohort.policy
        let cap = policy.matching.menteesPerMentor ?? .max
        let places = check.cohort.mentors.map { min($0.capacity, cap) }
        let discountUnits = Int64((policy.matching.slotDiscount / policy.resolution).rounded())
        self.places = places
        self.discountUnits = discountUnits
        minimumUnits = policy.matching.minimumScore.map { Int64(($0 / policy.resolution).rounded()) }
        mentorOfColumn = discountUnits > 0 ? places.indices.flatMap { Array(repeating: $0, count: places[$0]) } : Array(places.indices)
    }

    func mentor(ofColumn column: Int) -> Int { mentorOfColumn[column] }

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
        let matched = base.solution.columnForRow.compactMap { $0 }.count
        guard matched > 0 else { return base }
        let candidates = Set(check.cohort.mentees.indices.flatMap { mentee in
            check.cohort.mentors.indices.filter { isEligible(mentee: mentee, mentor: $0) }
                .map { Int64(check.matrix.scores[mentee * check.matrix.mentors + $0]) }
        }).sorted()
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

    private var capacities: [Int] { discountUnits > 0 ? Array(repeating: 1, count: mentorOfColumn.count) : places }

    /// Scores of eligible pairs, one column per mentor (or per place with a discount).
    private func matrix(floor: Int64?) -> CostMatrix<Int64> {
        let matrix = check.matrix
        let rows = check.cohort.mentees.count, columns = mentorOfColumn.count
        var values = [Int64](repeating: 0, count: rows * columns)
        var place = 0
        for column in 0..<columns {
            place = column > 0 && mentorOfColumn[column] == mentorOfColumn[column - 1] ? place + 1 : 0
            let mentor = mentorOfColumn[column]
            for mentee in 0..<rows {
                values[mentee * columns + column] = isEligible(mentee: mentee, mentor: mentor, floor: floor)
                    ? Int64(matrix.scores[mentee * matrix.mentors + mentor]) - Int64(place) * discountUnits
                    : .min
            }
        }
        // `Int64.min` is never a score (scores are 32-bit), so it can mark the missing edges.
        return try! CostMatrix(rows: rows, columns: columns, values: values, forbiddenValue: .min)
    }

    private func solve(floor: Int64?) -> Outcome {
        let unassigned: AssignmentProblem<Int64>.UnassignedRows = switch policy.objective {
        case .coverage: .maximumCardinality
        case .quality: .allowed(value: minimumUnits ?? 0)
        }
        // Scores are 32-bit and at most a few thousand places per mentor, far
        // inside the solver's overflow bound, so the problem is always valid.
        let problem = try! AssignmentProblem(matrix(floor: floor), sense: .maximize, capacities: capacities, unassignedRows: unassigned)
        let solution = try! ShortestAugmentingPath().solve(problem)
        return Outcome(problem: problem, solution: solution, floor: nil)
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
