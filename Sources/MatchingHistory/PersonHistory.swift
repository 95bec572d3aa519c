/// One person's rounds as the ledger has them: the role they had in each,
/// the partners proposed to them, what became of each proposal, and the
/// reviews of their pairings. For the coordinator: private notes are only
/// included when asked for.
public struct PersonHistory: Sendable, Codable, Equatable {
    /// A round the person took part in, in one role.
    public struct Round: Sendable, Codable, Equatable {
        public var round: String
        public var status: LedgerRound.Status
        public var createdOn: String
        public var role: String
        public var participantID: String
        /// A mentor's places in the round (1 for a mentee).
        public var places: Int
        public var pairs: [Pair]
    }

    /// A proposal of the round that names the person, and what became of it.
    public struct Pair: Sendable, Codable, Equatable {
        public var partnerName: String
        public var partnerID: String
        /// `new`, `kept` (awaiting a reply from the round before) or
        /// `accepted` (carried over from the round before).
        public var origin: String
        public var standing: ProposalStanding
        /// The day of the latest response, or of the ending.
        public var since: String?
        /// A decline's or an ending's reason code.
        public var reason: String?
        public var reviews: [Review]
        /// The private notes of the responses and ending, when asked for.
        public var notes: [String]?
    }

    /// A review of the pairing (the latest of each month and reviewer).
    public struct Review: Sendable, Codable, Equatable {
        public var month: Int
        public var reviewedBy: String
        public var heldOn: String
        public var stillMeeting: Bool
        public var rating: Int?
        /// The review's private note, when asked for.
        public var note: String?
    }

    public var name: String
    public var email: String?
    public var rounds: [Round]
}

extension ProposalStanding: Codable {}
