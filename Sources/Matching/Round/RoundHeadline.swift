/// The headline figures of a round: how many were matched and how well.
/// Every report and comparison takes them from here.
public struct RoundHeadline: Sendable, Equatable {
    public let mentees: Int
    public let mentors: Int
    public let matched: Int
    /// Places offered (capacities, capped by the policy).
    public let places: Int
    /// The proposed pairs' scores added up, in units of the policy's resolution.
    public let totalUnits: Int64
    /// The lowest and the median proposed score (the lower middle one for
    /// an even count), in units; `nil` without pairs.
    public let lowestUnits: Int32?
    public let medianUnits: Int32?
    /// Pairs whose mentor is the mentee's first choice (rank 1).
    public let firstChoices: Int

    public init(_ round: MatchingRound) {
        mentees = round.cohort.mentees.count
        mentors = round.cohort.mentors.count
        matched = round.pairs.count
        places = round.places.reduce(0, +)
        totalUnits = round.pairs.reduce(0) { $0 + Int64($1.units) }
        let sorted = round.pairs.map(\.units).sorted()
        lowestUnits = sorted.first
        medianUnits = sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
        firstChoices = round.pairs.filter { $0.rank == 1 }.count
    }
}
