/// A round's figures as the ledger has them now: who took part, what became
/// of the proposals it made, why pairs were declined or ended, and how the
/// reviews went.
///
/// Each proposal is counted in the round that first made it: a follow-up
/// round's proposals kept from the round before (still awaiting a reply) and
/// the accepted pairs it carried over are counts of their own, so the
/// figures of a chain's rounds add up without counting a pair twice.
public struct RoundHistory: Sendable, Codable, Equatable {
    /// The figures of the reviews held at one month of the pairings.
    public struct Reviews: Sendable, Codable, Equatable {
        public var month: Int
        /// Reviews (the latest of each pair and reviewer).
        public var reviews: Int
        /// Of them, those saying the pair still meets.
        public var stillMeeting: Int
        /// The mean rating (1 to 5) of the reviews that gave one, to two decimals.
        public var meanRating: Double?
    }

    public var round: String
    public var status: LedgerRound.Status
    public var createdOn: String
    public var publishedOn: String?
    /// The round this one follows up.
    public var follows: String?
    public var mentees: Int
    public var mentors: Int
    /// Proposals the round made for the first time.
    public var proposed: Int
    /// Proposals awaiting a reply that the round kept from the one before.
    public var kept: Int
    /// Accepted pairs the round carried over from the one before.
    public var carried: Int
    /// Of the proposals made: accepted (including those that ended early
    /// since), declined, recorded as unanswered, still awaiting a reply.
    public var accepted: Int, declined: Int, noReply: Int, awaiting: Int
    /// Accepted pairings that ended early.
    public var endedEarly: Int
    /// Declines by reason code ("no reason given" when none was).
    public var declinedBecause: [String: Int]
    /// Early endings by reason code.
    public var endedBecause: [String: Int]
    /// The reviews of the pairs the round made, month by month.
    public var reviews: [Reviews]
}

extension RoundHistory.Reviews {
    /// The figures of a month's reviews from their outcomes.
    init(month: Int, outcomes: [(stillMeeting: Bool, rating: Int?)]) {
        self.month = month
        reviews = outcomes.count
        stillMeeting = outcomes.count(where: \.stillMeeting)
        let ratings = outcomes.compactMap(\.rating)
        meanRating =
            ratings.isEmpty ? nil : (Double(ratings.reduce(0, +)) / Double(ratings.count) * 100).rounded() / 100
    }
}

extension LedgerRound.Status: Codable {}
