import Assignment

/// Solves a round exactly over a few candidate pairs per mentee, pricing the
/// rest with the duals (column generation for the assignment problem).
///
/// A round has millions of eligible pairs, but an optimal matching uses few of
/// them: each mentee ends with one of their better mentors. So the sparse
/// solver first sees each mentee's best `initialCandidates` mentors. Its duals
/// `u`, `v` then price every eligible pair of the whole problem: a pair with
/// reduced cost `−worth − u − v < 0` could improve the answer, and each
/// mentee's most negative such pairs (at most `addedPerRound`) join the
/// candidates before the next solve. When no pair prices negative, the duals
/// are feasible for the whole problem and the answer is optimal for it — the
/// certificate then checks exactly that, over every eligible pair.
///
/// On a generated 3,400-mentee, 1,600-mentor round (5.4 million pairs, 55 %
/// eligible) this solves over about 1 % of the pairs.
enum _PricedSolve {
    /// Each mentee's best mentors in the first solve.
    static let initialCandidates = 10
    /// At most this many pairs per mentee join in a pricing round.
    static let addedPerRound = 10
    /// Each mentor's best mentees (this many per place) join the first
    /// candidates too: the pairs mentees' own lists miss in contested areas.
    /// With them (values 1, 2, 3, 4, 6 tried; 2–4 alike), the 13,600-mentee
    /// round's solve went from 2.09 s (7 solves, 408,172 final candidates) to
    /// 1.44 s (5 solves, 186,614), and the 3,400-mentee one from 0.17 to 0.13 s.
    static let mentorCandidatesPerPlace = 3

    struct Result {
        /// The answer in the whole problem's terms (rows are mentees; columns
        /// are mentors, or places with a discount), with duals valid for every
        /// eligible pair.
        var solution: AssignmentSolution<Int64>
        /// Sparse solves it took.
        var solves: Int
        /// Candidate pairs in the last solve.
        var candidatePairs: Int
    }

    /// - Parameters:
    ///   - transposed: solve with places as rows and mentees as columns
    ///     (faster when mentees outnumber places; see `_RoundSolver`).
    ///   - initial: how many of each mentee's best mentors the first solve sees.
    static func run(_ pairs: _EligiblePairs, transposed: Bool, initial: Int = initialCandidates) -> Result {
        var candidates = initialCandidateLists(pairs, count: initial)
        var solves = 0
        // Each solve starts from the last one's answer and potentials: the
        // rows and columns stay the same, only pairs are added.
        var previous: AssignmentSolution<Int64>?
        while true {
            let sparse = _SparseRoundProblem(pairs: pairs, candidates: candidates, transposed: transposed)
            // Every row may stay unassigned, so the sparse problem is never
            // infeasible, and its values passed the score matrix's bounds.
            let solution = try! ShortestAugmentingPath().solve(sparse.problem, warmStart: previous.map(WarmStart.init))
            previous = solution
            solves += 1
            let result = sparse.wholeProblemSolution(solution)
            let additions = improvingPairs(pairs, duals: result.duals)
            if additions.isEmpty {
                return Result(solution: result, solves: solves,
                              candidatePairs: candidates.reduce(0) { $0 + $1.count })
            }
            // Pairs priced negative are never candidates already (the solver's
            // duals are feasible on its own pairs), so every round grows the
            // set and the loop ends; a repeat would mean a solver bug.
            var grown = 0
            for (mentee, mentors) in additions {
                let merged = Set(candidates[mentee]).union(mentors)
                grown += merged.count - candidates[mentee].count
                candidates[mentee] = merged.sorted()
            }
            precondition(grown > 0, "pricing found only pairs the solver already had: its duals are not feasible")
        }
    }

    /// Each mentee's `count` most valuable eligible mentors, and each
    /// mentor's most valuable mentees, as lists of mentors in mentor order
    /// (ties go to the first offered).
    static func initialCandidateLists(_ pairs: _EligiblePairs, count: Int) -> [[Int32]] {
        var best = _BestEntries(capacity: count)
        var mentorBest = pairs.places.map { _BestEntries(capacity: max(1, $0 * mentorCandidatesPerPlace)) }
        var lists = (0..<pairs.matrix.mentees).map { mentee in
            best.removeAll()
            pairs.offerEligible(mentee: mentee, to: &best, andToMentors: &mentorBest)
            return best.items
        }
        for (mentor, entries) in mentorBest.enumerated() {
            for mentee in entries.items { lists[Int(mentee)].append(Int32(mentor)) }
        }
        return lists.map { Array(Set($0)).sorted() }
    }

    /// The pairs that price negative against the duals (rows are mentees):
    /// for each mentee, the `addedPerRound` most negative, by mentee.
    static func improvingPairs(_ pairs: _EligiblePairs, duals: Duals<Int64>) -> [(Int, [Int32])] {
        // A pair's reduced cost at its mentor's best place is
        // −worth − u[mentee] + slack[mentor], where slack is the least of
        // k × discount − v over the mentor's places k (−v[mentor] without places).
        var slack = [Int64](repeating: .max, count: pairs.matrix.mentors)
        for mentor in slack.indices where pairs.places[mentor] > 0 {
            guard pairs.placeColumns else {
                slack[mentor] = -duals.columnPotentials[mentor]
                continue
            }
            for place in 0..<pairs.places[mentor] {
                slack[mentor] = min(slack[mentor], Int64(place) * pairs.discount - duals.columnPotentials[pairs.firstPlace[mentor] + place])
            }
        }
        var best = _BestEntries(capacity: addedPerRound)
        var additions: [(Int, [Int32])] = []
        slack.withUnsafeBufferPointer { slack in
            for mentee in 0..<pairs.matrix.mentees {
                best.removeAll()
                pairs.offerImproving(mentee: mentee, rowDual: duals.rowPotentials[mentee], slack: slack, to: &best)
                if !best.items.isEmpty { additions.append((mentee, best.items)) }
            }
        }
        return additions
    }
}

/// The `capacity` entries of highest value offered so far, kept as a small
/// unsorted list; an offer that does not beat the lowest kept value is
/// refused in O(1), so a row of thousands costs one comparison per entry.
/// Ties keep the entry offered first.
struct _BestEntries {
    let capacity: Int
    private(set) var items: [Int32] = []
    private var values: [Int64] = []
    private var lowest = 0

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        lowest = 0
    }

    /// Whether an offer of this value would be kept.
    @inline(__always)
    func admits(_ value: Int64) -> Bool { items.count < capacity || value > values[lowest] }

    mutating func offer(_ value: Int64, _ item: Int) {
        if items.count < capacity {
            items.append(Int32(item))
            values.append(value)
            if value < values[lowest] { lowest = values.count - 1 }
            return
        }
        guard value > values[lowest] else { return }
        items[lowest] = Int32(item)
        values[lowest] = value
        for index in values.indices where values[index] < values[lowest] { lowest = index }
    }
}
