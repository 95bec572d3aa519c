import Matching

/// The headline figures of a round, computed once for every report.
public struct RoundFigures: Sendable {
    /// How the certificate covers every eligible pair, in words (for
    /// `round.json` and the README).
    public static let certificateMethod =
        "Every eligible pair is checked against the final duals: the solver's candidate pairs and the pairs kept "
        + "beside each row's bound (its best mentors by score, or pricing's runners-up) one by one from their scores; "
        + "every other pair of a row through that bound on its value, recorded by a pass over the row (scoring's, "
        + "which read every score, or pricing's against earlier duals, which read every score or only the scores "
        + "of the mentors that could improve the row — at its first read those whose slack was below the best "
        + "score scoring's pass left off its list, the others bounded by that score; at a later read those whose "
        + "slack fell past the row's margin, the others bounded from the row's earlier bound), raised by how far "
        + "the pair's own column potential has risen since, and never above the best score scoring's pass left off "
        + "the row's list; a row no bound settles is read in full."

    public let mentees: Int
    public let mentors: Int
    public let matched: Int
    public let places: Int
    /// Matched mentees over mentees, 0…1.
    public var matchRate: Double { mentees == 0 ? 0 : Double(matched) / Double(mentees) }
    /// Filled places over places, 0…1.
    public var fillRate: Double { places == 0 ? 0 : Double(matched) / Double(places) }
    public let totalUnits: Int64
    public let minimumUnits: Int32?
    public let medianUnits: Int32?
    /// Pairs whose mentor is the mentee's first choice, in their top 3, and the rest.
    public let rankFirst: Int, rankTopThree: Int, rankOther: Int
    /// (organisation or region, mentees, matched), sorted by name; empty names as "(none)".
    public let byOrganisation: [(name: String, mentees: Int, matched: Int)]
    public let byRegion: [(name: String, mentees: Int, matched: Int)]
    /// Topics some mentee asks for and no mentor offers, with how many ask.
    public let uncoveredGoals: [(topic: String, mentees: Int)]
    /// Mentees with out-of-scope goals to signpost.
    public let outOfScope: [(mentee: Int, goals: [String])]

    public init(_ round: MatchingRound) {
        let cohort = round.cohort
        let headline = RoundHeadline(round)
        mentees = headline.mentees
        mentors = headline.mentors
        matched = headline.matched
        places = headline.places
        totalUnits = headline.totalUnits
        minimumUnits = headline.lowestUnits
        medianUnits = headline.medianUnits
        rankFirst = headline.firstChoices
        rankTopThree = round.pairs.filter { $0.rank <= 3 }.count - rankFirst
        rankOther = round.pairs.count - rankFirst - rankTopThree
        let matchedSet = Set(round.pairs.map(\.mentee))
        func breakdown(_ key: (Participant) -> String) -> [(name: String, mentees: Int, matched: Int)] {
            var rows: [String: (Int, Int)] = [:]
            for (index, mentee) in cohort.mentees.enumerated() {
                let name = key(mentee).isEmpty ? "(none)" : key(mentee)
                rows[name, default: (0, 0)].0 += 1
                if matchedSet.contains(index) { rows[name, default: (0, 0)].1 += 1 }
            }
            return rows.keys.sorted().map { (name: $0, mentees: rows[$0]!.0, matched: rows[$0]!.1) }
        }
        byOrganisation = breakdown(\.organisation)
        byRegion = breakdown(\.region)
        var offered = Set<Int>()
        for mentor in cohort.mentors { for skill in mentor.skills { offered.insert(skill.topic) } }
        var askers: [Int: Int] = [:]
        for mentee in cohort.mentees {
            for goal in mentee.goals where !offered.contains(goal.topic) { askers[goal.topic, default: 0] += 1 }
        }
        uncoveredGoals = askers.keys.sorted { cohort.taxonomy.topics[$0] < cohort.taxonomy.topics[$1] }
            .map { (topic: cohort.taxonomy.topics[$0], mentees: askers[$0]!) }
        outOfScope = cohort.mentees.indices.compactMap {
            cohort.mentees[$0].outOfScopeGoals.isEmpty ? nil : ($0, cohort.mentees[$0].outOfScopeGoals)
        }
    }

    /// A share as a percentage with one decimal, e.g. "87.5 %".
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
