import Diagnostics

/// What a round's constraints cost, exactly: the value of one more place for
/// the mentors where it would help most, the price of each hard rule and of
/// the fairness floor, and what would place each unmatched mentee. Every
/// figure is the difference of two certified optima.
///
/// The round's potentials rank the mentors worth asking; a warm-started
/// exact solve then gives each one's value, since on assignment problems
/// (degenerate as a rule: many optimal potentials) a potential alone can
/// promise a gain no extra place delivers.
public struct Prices: Sendable, Equatable, Codable {
    /// One more place for a mentor.
    public struct Place: Sendable, Equatable, Codable {
        public var mentor: ParticipantID
        /// The mentor's places in the round.
        public var places: Int
        /// Mentees matched with the extra place, minus without.
        public var matched: Int
        /// The total score with the extra place minus without, in points.
        public var points: String
        /// Mentees matched only with the extra place.
        public var newlyMatched: [ParticipantID]
        public var optimal: Bool

        /// Whether the place would match more mentees or raise the total:
        /// worth asking the mentor for.
        public var isWorthAsking: Bool { matched > 0 || PointsFormat.compare(points, "0") == 1 }
    }

    /// A hard rule, and the round without it.
    public struct Rule: Sendable, Equatable, Codable {
        /// The rule in words: "forbidding same-organisation pairs".
        public var rule: String
        /// The policy key that lifts it.
        public var change: String
        /// Mentees matched without the rule, minus with it: what it costs.
        public var matched: Int
        /// The total score without the rule minus with it, in points.
        public var points: String
        /// Mentees matched only without the rule.
        public var newlyMatched: [ParticipantID]
        public var optimal: Bool
    }

    /// An unmatched mentee, why, and what would place them.
    public struct Unplaced: Sendable, Equatable, Codable {
        public var mentee: ParticipantID
        /// Why the round left them unmatched.
        public var reason: String
        /// Each priced change that would match them: "one more place for
        /// M7", "lifting "forbidding same-organisation pairs"".
        public var remedies: [String]
    }

    /// The mentors priced, most valuable first.
    public var places: [Place]
    /// Each hard rule of the policy, in a fixed order.
    public var rules: [Rule]
    /// The baseline's unmatched mentees, in id order.
    public var unplaced: [Unplaced]

    /// The prices of `runner`'s baseline.
    ///
    /// - Parameters:
    ///   - runner: The baseline round and how to run variants of it.
    ///   - mentors: How many mentors to price one more place for: those with
    ///     every place filled whose potential promises most.
    ///   - rules: Whether to price each hard rule and the fairness floor.
    ///   - width: How many solves run at once.
    /// - Throws: `InputDiagnostics` when a variant cannot be run.
    public static func compute(
        _ runner: ScenarioRunner, mentors: Int, rules: Bool, width: Int
    ) async throws(InputDiagnostics) -> Prices {
        let baseline = runner.baseline
        let candidates = placeCandidates(baseline, count: mentors)
        let relaxations = rules ? _RuleRelaxation.all(of: baseline.cohort.policy) : []
        var scenarios = candidates.map { mentor in
            var scenario = Scenario(name: "one more place for \(mentor.id)")
            scenario.capacities = [mentor.id: mentor.capacity + 1]
            return scenario
        }
        scenarios += relaxations.map { relaxation in
            var scenario = Scenario(name: "without \(relaxation.rule)")
            scenario.policy = relaxation.policy
            scenario.policyChanges = [relaxation.change]
            return scenario
        }
        let before = ScenarioOutcome(baseline: baseline)
        let matchedBefore = Set(baseline.pairs.map { baseline.cohort.mentees[$0.mentee].id })
        // Only the variants' pairs and scores are needed: not their ranks
        // and reasons, whose rows took 15 s of a 60 s 68,000-mentee round.
        let variants = try await runner.runAll(
            scenarios, width: width, step: rules ? "pricing one more place and each rule" : "pricing one more place",
            detailed: false
        ) { _, round in
            let outcome = ScenarioOutcome(baseline: round)
            let newly = round.pairs.map { round.cohort.mentees[$0.mentee].id }.filter { !matchedBefore.contains($0) }
            return (
                matched: outcome.matched - before.matched,
                points: PointsFormat.difference(outcome.totalScore, before.totalScore) ?? outcome.totalScore,
                newly: newly.sorted(), optimal: outcome.optimal
            )
        }
        let places = zip(candidates, variants).map { mentor, variant in
            Place(
                mentor: mentor.id, places: mentor.capacity, matched: variant.matched, points: variant.points,
                newlyMatched: variant.newly, optimal: variant.optimal)
        }
        .sorted { first, second in
            if first.matched != second.matched { return first.matched > second.matched }
            let order = PointsFormat.compare(first.points, second.points) ?? 0
            return order != 0 ? order > 0 : first.mentor < second.mentor
        }
        let rulePrices = zip(relaxations, variants.dropFirst(candidates.count)).map { relaxation, variant in
            Rule(
                rule: relaxation.rule, change: relaxation.change, matched: variant.matched, points: variant.points,
                newlyMatched: variant.newly, optimal: variant.optimal)
        }
        var remedies: [ParticipantID: [String]] = [:]
        for place in places {
            for mentee in place.newlyMatched {
                remedies[mentee, default: []].append("one more place for \(place.mentor)")
            }
        }
        for rule in rulePrices {
            for mentee in rule.newlyMatched { remedies[mentee, default: []].append("lifting \"\(rule.rule)\"") }
        }
        let unplaced = baseline.unmatched.map { unmatched in
            let id = baseline.cohort.mentees[unmatched.mentee].id
            return Unplaced(mentee: id, reason: unmatched.reason.sentence, remedies: remedies[id] ?? [])
        }
        return Prices(places: places, rules: rulePrices, unplaced: unplaced)
    }

    /// The mentors whose every place is taken (and whose places are their
    /// capacity, not the policy's cap), most promising first. The solver
    /// minimises costs (scores negated), so a place is worth minus its
    /// column's potential, and the place a newcomer would compete with is
    /// the mentor's least valuable one: the highest of their potentials.
    /// (The sample: the five so ranked included four of the five places
    /// worth most among 56 fully booked mentors, each +1 mentee; ranked the
    /// other way, one.)
    private static func placeCandidates(_ round: MatchingRound, count: Int) -> [Participant] {
        guard count > 0 else { return [] }
        var load = [Int](repeating: 0, count: round.cohort.mentors.count)
        for pair in round.pairs { load[pair.mentor] += 1 }
        let cap = round.cohort.policy.matching.menteesPerMentor ?? .max
        let full = round.cohort.mentors.indices.filter { mentor in
            let capacity = round.cohort.mentors[mentor].capacity
            return load[mentor] == round.places[mentor] && capacity < min(cap, Participant.maximumCapacity)
                && round.places[mentor] == capacity
        }
        let potential = { (mentor: Int) in round.potentials.mentors[round.cohort.mentors[mentor].id]?.max() ?? 0 }
        return full.sorted { (potential($0), $0) < (potential($1), $1) }.prefix(count).map { round.cohort.mentors[$0] }
    }
}
