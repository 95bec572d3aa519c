/// What one scenario's certified round gives, against the baseline's: the
/// headline figures, the pairs that changed, who gains and who loses, and
/// what caused each change. Keyed by ids and written in points, with no
/// timings, so the same inputs always give the same value (what a shard of a
/// comparison hands to the merge).
public struct ScenarioOutcome: Sendable, Equatable, Codable {
    /// The scenario's name; "baseline" for the inputs as given.
    public var name: String
    /// The scenario's changes in words.
    public var changes: [String]
    public var sweep: Scenario.Sweep?
    public var mentees: Int
    public var mentors: Int
    public var matched: Int
    public var places: Int
    /// Points, exactly, with as many decimals as the policy's resolution.
    public var totalScore: String
    public var lowestScore: String?
    public var medianScore: String?
    /// Pairs whose mentor is the mentee's first choice.
    public var firstChoices: Int
    /// Mentees of both rounds whose mentor differs (matched or not counts).
    public var pairsChanged: Int
    /// Mentees better off: newly matched, or matched to a higher score.
    public var gains: Shift
    /// Mentees worse off: no longer matched, or matched to a lower score.
    public var losses: Shift
    /// Why the changed pairs changed, most direct cause first.
    public var causes: [Cause]
    /// Whether the round's optimality certificate verified.
    public var optimal: Bool

    /// Mentees moved one way.
    public struct Shift: Sendable, Equatable, Codable {
        /// How many.
        public var mentees: Int
        /// Of those, how many changed between matched and unmatched.
        public var matchedOrUnmatched: Int
        /// The score change of the others (matched in both), added up, in
        /// points without a sign.
        public var points: String
    }

    /// One cause of changed pairs, and how many mentees it moved.
    public struct Cause: Sendable, Equatable, Codable {
        public var reason: String
        public var mentees: Int
    }

    /// Whether the scenario does worse than the baseline: fewer mentees
    /// matched, or as many and a lower total (`false` for the baseline
    /// itself). Matching one more mentee at a lower total is no regression.
    public func isRegression(against baseline: ScenarioOutcome) -> Bool {
        matched < baseline.matched
            || (matched == baseline.matched && (PointsFormat.compare(totalScore, baseline.totalScore) ?? 0) < 0)
    }
}

extension ScenarioOutcome {
    /// The baseline's figures.
    public init(baseline round: MatchingRound) {
        self.init(name: "baseline", changes: [], round: round)
    }

    /// A scenario's figures against the baseline's round.
    public init(_ scenario: Scenario, round: MatchingRound, baseline: MatchingRound) {
        self.init(name: scenario.name, changes: scenario.changes, round: round)
        sweep = scenario.sweep
        let moves = _PairMoves(scenario: scenario, round: round, baseline: baseline)
        pairsChanged = moves.changed
        gains = moves.gains
        losses = moves.losses
        causes = moves.causes
    }

    private init(name: String, changes: [String], round: MatchingRound) {
        let headline = RoundHeadline(round)
        let resolution = round.cohort.policy.resolution
        func points(_ units: Int32?) -> String? {
            units.map { PointsFormat.string(units: Int64($0), resolution: resolution) }
        }
        let none = Shift(
            mentees: 0, matchedOrUnmatched: 0, points: PointsFormat.string(units: 0, resolution: resolution))
        self.init(
            name: name, changes: changes, sweep: nil, mentees: headline.mentees, mentors: headline.mentors,
            matched: headline.matched, places: headline.places,
            totalScore: PointsFormat.string(units: headline.totalUnits, resolution: resolution),
            lowestScore: points(headline.lowestUnits), medianScore: points(headline.medianUnits),
            firstChoices: headline.firstChoices, pairsChanged: 0, gains: none, losses: none, causes: [],
            optimal: round.certificate.isOptimal)
    }
}

/// Mentee by mentee, what a scenario's round changed against the baseline's.
struct _PairMoves {
    var changed = 0
    var gains: ScenarioOutcome.Shift
    var losses: ScenarioOutcome.Shift
    var causes: [ScenarioOutcome.Cause] = []

    /// Why a mentee's pair changed, most direct first.
    enum Reason: String, CaseIterable {
        case mentorWithdrawn = "their mentor withdrew"
        case pinned = "pinned to another mentor"
        case pairForbidden = "their pair was forbidden"
        case ruleChanged = "the changed policy no longer allows their pair"
        case placesCut = "their mentor has fewer places"
        case knockOn = "re-optimised around the other changes"
    }

    init(scenario: Scenario, round: MatchingRound, baseline: MatchingRound) {
        let scale = PointsFormat.commonScale(baseline.cohort.policy.resolution, round.cohort.policy.resolution)
        let before = Self.pairs(baseline, factor: scale.first)
        let after = Self.pairs(round, factor: scale.second)
        let withdrawn = Set(scenario.withdrawn), forbidden = Set(scenario.forbidden)
        let pinned = Set(scenario.pins.map(\.mentee))
        let baselineLoad = Dictionary(before.values.compactMap { $0.map { ($0.mentor, 1) } }, uniquingKeysWith: +)
        var counts: [Reason: Int] = [:]
        var gained = (mentees: 0, switched: 0, points: Int64(0)), lost = gained
        // Scenarios only take people out, so the baseline's mentees are everybody.
        for (mentee, earlier) in before where !withdrawn.contains(mentee) {
            let now = after[mentee] ?? nil
            // Better or worse off, whether or not the mentor changed (the
            // same pair scores differently under a changed weight).
            switch (earlier, now) {
            case (nil, _?):
                gained.mentees += 1
                gained.switched += 1
            case (_?, nil):
                lost.mentees += 1
                lost.switched += 1
            case (let earlier?, let now?) where now.points > earlier.points:
                gained.mentees += 1
                gained.points += now.points - earlier.points
            case (let earlier?, let now?) where now.points < earlier.points:
                lost.mentees += 1
                lost.points += earlier.points - now.points
            default: break
            }
            guard earlier?.mentor != now?.mentor else { continue }
            changed += 1
            let reason: Reason
            if let earlier, withdrawn.contains(earlier.mentor) {
                reason = .mentorWithdrawn
            } else if pinned.contains(mentee) {
                reason = .pinned
            } else if let earlier, forbidden.contains(Pairing(mentee: mentee, mentor: earlier.mentor)) {
                reason = .pairForbidden
            } else if let earlier, !Self.isAllowed(mentee: mentee, mentor: earlier.mentor, in: round) {
                reason = .ruleChanged
            } else if let earlier, let places = scenario.capacities[earlier.mentor],
                places < baselineLoad[earlier.mentor, default: 0]
            {
                reason = .placesCut
            } else {
                reason = .knockOn
            }
            counts[reason, default: 0] += 1
        }
        let format = { (points: Int64) in PointsFormat.string(units: points, resolution: scale.resolution) }
        gains = .init(mentees: gained.mentees, matchedOrUnmatched: gained.switched, points: format(gained.points))
        losses = .init(mentees: lost.mentees, matchedOrUnmatched: lost.switched, points: format(lost.points))
        causes = Reason.allCases.compactMap { reason in
            counts[reason].map { .init(reason: reason.rawValue, mentees: $0) }
        }
    }

    private struct _Pair {
        var mentor: ParticipantID
        /// The score in units of the common scale.
        var points: Int64
    }

    private static func pairs(_ round: MatchingRound, factor: Int64) -> [ParticipantID: _Pair?] {
        var pairs: [ParticipantID: _Pair?] = Dictionary(
            uniqueKeysWithValues: round.cohort.mentees.map { ($0.id, nil as _Pair?) })
        for pair in round.pairs {
            pairs[round.cohort.mentees[pair.mentee].id] = _Pair(
                mentor: round.cohort.mentors[pair.mentor].id, points: Int64(pair.units) * factor)
        }
        return pairs
    }

    /// Whether the round's rules allow the pair: not forbidden, and at or
    /// above the minimum score.
    private static func isAllowed(mentee: ParticipantID, mentor: ParticipantID, in round: MatchingRound) -> Bool {
        guard let menteeIndex = round.cohort.menteeIndexByID[mentee],
            let mentorIndex = round.cohort.mentorIndexByID[mentor]
        else { return false }
        let explanation = round.check.model.explain(mentee: menteeIndex, mentor: mentorIndex)
        return !explanation.isForbidden && explanation.units >= (round.minimumUnits ?? .min)
    }
}
