import Assignment

/// Turns a scored cohort and the policy's `[matching]` section into one
/// assignment problem, and solves it exactly.
///
/// - Eligible pairs are those the hard rules allow, at or above the minimum
///   score, with a mentor who has places; the rest are missing edges.
/// - Every unmatched mentee and every empty place is worth 0; a pair is worth
///   its score plus an offset. `quality` takes the minimum score (0 if unset)
///   off every pair, which is the same as counting it for each unmatched
///   mentee. `coverage` adds a bonus larger than any difference the scores of
///   two matchings can make (`(2n + 1) × the largest |score| + 1` for n
///   possible pairs), so a matching with one more pair always wins and, among
///   the largest matchings, the best total wins: the lexicographic optimum,
///   exactly, from one problem.
/// - A slot discount gives each place of a mentor its own column (place `s`,
///   counting from 0, is worth `s × discount` less), so the solver fills first
///   places first; without one, capacities stay native to the solver.
/// - With more mentees than places the problem is solved transposed, one row
///   per place and one column per mentee: the side the solver leaves partly
///   unassigned is then the smaller one, and its searches end sooner (a
///   3,400-mentee, 3,147-place cohort solved densely took 5.4 s as mentees ×
///   mentors, 2.6 s as places × mentees).
/// - The solve runs over candidate pairs priced against the whole problem
///   (see `_PricedSolve`), and its duals are stated for the whole problem,
///   whose certificate `MatchingRound` checks over every eligible pair.
/// - The fairness floor is the largest score `t` such that as many mentees can
///   still be matched using only pairs scoring `t` or more (binary search over
///   the distinct scores, one augmenting-path matching per step, see
///   `+Floor`); the objective is then solved with the pairs below `t` removed.
struct _RoundSolver {
    let check: CohortCheck
    let places: [Int]
    let minimumUnits: Int64?
    private let discountUnits: Int64
    /// Places are rows and mentees columns.
    let transposed: Bool
    /// How many of each mentee's best mentors the first sparse solve sees
    /// (tests lower it to make pricing do the work).
    var initialCandidates = _PricedSolve.initialCandidates
    private var policy: Policy.Matching { check.cohort.policy.matching }

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
        var matched: Int { mentorOfMentee.compactMap { $0 }.count }
    }

    /// - Parameter transposed: force an orientation (tests compare both); by
    ///   default, transposed exactly when there are more mentees than places.
    init(check: CohortCheck, transposed forced: Bool? = nil) {
        self.check = check
        let policy = check.cohort.policy
        let cap = policy.matching.menteesPerMentor ?? .max
        let places = check.cohort.mentors.map { min($0.capacity, cap) }
        self.places = places
        discountUnits = Int64((policy.matching.slotDiscount / policy.resolution).rounded())
        minimumUnits = policy.matching.minimumScore.map { Int64(($0 / policy.resolution).rounded()) }
        transposed = forced ?? (check.cohort.mentees.count > places.reduce(0, +))
    }

    /// Whether the pair may be proposed at all (hard rules and minimum score).
    func isEligible(mentee: Int, mentor: Int, floor: Int64? = nil) -> Bool {
        let matrix = check.matrix
        guard !matrix.forbidden[mentee, mentor] else { return false }
        let units = Int64(matrix.scores[mentee * matrix.mentors + mentor])
        return units >= (minimumUnits ?? .min) && units >= (floor ?? .min)
    }

    func solve() -> Outcome {
        let base = solve(floor: nil, objective: policy.objective)
        guard policy.fairness == .floor else { return base }
        let matched = base.matched
        guard matched > 0 else { return base }
        let candidates = floorCandidates(matched: matched)
        // The lowest candidate always works (it keeps every eligible pair).
        var low = 0, high = candidates.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if canMatch(matched, floor: candidates[middle], startingFrom: base.mentorOfMentee) {
                low = middle
            } else {
                high = middle - 1
            }
        }
        var outcome = solve(floor: candidates[low], objective: policy.objective)
        outcome.floor = candidates[low]
        return outcome
    }

    /// The floors worth trying, in increasing order: the distinct scores of
    /// eligible pairs (a few thousand, even when the pairs are millions) up
    /// to the `matched`-th highest of the mentees' best eligible scores. No
    /// floor can exceed that bound (a matching of that size has that many
    /// mentees, each with a pair at or above it), so the binary search does
    /// not spend its first, dearest steps above it.
    ///
    /// One pass over the pairs; scores are marked in a table over their range
    /// (hashing every pair into a set took 0.1 s of the 3,400-mentee round's
    /// floor search), or in a set when huge weights spread them over 2³¹ units.
    private func floorCandidates(matched: Int) -> [Int64] {
        let matrix = check.matrix
        let lowest = Int64(matrix.scores.min() ?? 0), highest = Int64(matrix.scores.max() ?? 0)
        let cutoff = minimumUnits ?? .min
        let tabled = highest - lowest < 1 << 24
        var seen = [Bool](repeating: false, count: tabled ? Int(highest - lowest) + 1 : 0)
        var distinct = Set<Int64>()
        var bestOfMentee: [Int64] = []
        for mentee in 0..<matrix.mentees {
            var best = Int64.min
            matrix.withRow(mentee) { scores, bits in
                for mentor in 0..<matrix.mentors where places[mentor] > 0 && !_isForbidden(bits, mentor) && Int64(scores[mentor]) >= cutoff {
                    let score = Int64(scores[mentor])
                    best = max(best, score)
                    if tabled { seen[Int(score - lowest)] = true } else { distinct.insert(score) }
                }
            }
            if best > .min { bestOfMentee.append(best) }
        }
        // `matched` mentees were matched, so at least that many have an eligible pair.
        bestOfMentee.sort(by: >)
        let bound = bestOfMentee[matched - 1]
        let scores = tabled ? seen.indices.filter { seen[$0] }.map { Int64($0) + lowest } : distinct.sorted()
        return scores.filter { $0 <= bound }
    }

    private func eligiblePairs(floor: Int64?, offset: Int64) -> _EligiblePairs {
        let cutoff: Int64? = switch (minimumUnits, floor) {
        case let (minimum?, floor?): max(minimum, floor)
        case let (minimum, floor): minimum ?? floor
        }
        return _EligiblePairs(matrix: check.matrix, places: places, cutoff: cutoff, offset: offset, discount: discountUnits)
    }

    /// The coverage bonus: more than the largest difference in total score
    /// (discounts included) between two matchings of at most n pairs. Taken
    /// over every score, eligible or not, which only makes it larger.
    private func coverageBonus() -> Int64 {
        let largest = check.matrix.scores.reduce(Int64(0)) { max($0, abs(Int64($1))) }
            + Int64(places.max() ?? 0) * discountUnits
        let n = Int64(min(check.matrix.mentees, places.reduce(0, +)))
        return (2 * n + 1) * largest + 1
    }

    /// One priced solve of the round with only pairs scoring `floor` or more,
    /// under `objective`.
    func solve(floor: Int64?, objective: Policy.Objective) -> Outcome {
        let offset = switch objective {
        case .coverage: coverageBonus()
        case .quality: -(minimumUnits ?? 0)
        }
        let pairs = eligiblePairs(floor: floor, offset: offset)
        let result = _PricedSolve.run(pairs, transposed: transposed, initial: initialCandidates)
        let mentorOfMentee = result.solution.columnForRow.map { $0.map(pairs.mentor(ofColumn:)) }
        return Outcome(pairs: pairs, solution: result.solution, floor: nil, mentorOfMentee: mentorOfMentee,
                       solves: result.solves, candidatePairs: result.candidatePairs)
    }

    /// Why `mentee` got no mentor.
    /// - Parameter load: how many mentees each mentor was given.
    func reason(mentee: Int, load: [Int], floor: Int64?) -> UnmatchedReason {
        let mentors = check.cohort.mentors.indices
        let allowed = mentors.filter { !check.matrix.forbidden[mentee, $0] }
        if allowed.isEmpty { return .noEligibleMentor(mainRule: check.mainObstacle(mentee: mentee)) }
        let eligible = allowed.filter { isEligible(mentee: mentee, mentor: $0) }
        if eligible.isEmpty { return .belowMinimumScore }
        let aboveFloor = eligible.filter { isEligible(mentee: mentee, mentor: $0, floor: floor) }
        if aboveFloor.isEmpty { return .belowFairnessFloor }
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
        // A mentor wants any eligible pair scoring above this (their weakest
        // mentee, or below every score when a place is free; never without places).
        let mentorBar: [Int64] = places.indices.map { mentor in
            places[mentor] == 0 ? .max : load[mentor] < places[mentor] ? .min : Int64(weakest[mentor])
        }
        let lowest = minimumUnits ?? .min
        var count = 0
        for mentee in check.cohort.mentees.indices {
            // An unmatched mentee wants every eligible mentor.
            let menteeBar = mentorOf[mentee] == nil ? Int64.min : Int64(scoreOf[mentee])
            count += matrix.withRow(mentee) { scores, bits in
                var wanted = 0
                for mentor in 0..<matrix.mentors {
                    let units = Int64(scores[mentor])
                    guard units > menteeBar, units > mentorBar[mentor], units >= lowest,
                          !_isForbidden(bits, mentor), mentor != mentorOf[mentee] else { continue }
                    wanted += 1
                }
                return wanted
            }
        }
        return count
    }
}
