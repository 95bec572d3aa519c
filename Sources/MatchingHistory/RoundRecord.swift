import Matching
import MatchingReports

/// What the ledger keeps of a round `tandem match` or `tandem rematch` ran:
/// its name and day, the files it read (path and SHA-256), everyone in it,
/// every proposal with its score and rank, and each participant's letter.
public struct RoundRecord: Sendable {
    /// How a proposal of a follow-up round came about.
    public enum Origin: String, Sendable {
        /// Proposed in this round for the first time.
        case new
        /// Awaiting a reply from the last round, and proposed again.
        case kept
        /// Accepted in the last round, and kept in place (a lock).
        case accepted
    }

    /// The round's name, unique in the ledger (the policy's `name` unless
    /// given).
    public var name: String
    /// The day it was run.
    public var date: CalendarDate
    public var round: MatchingRound
    public var letters: [ParticipantLetter]
    /// How each proposal came about, by mentee id; a mentee not listed: `new`.
    public var origins: [ParticipantID: Origin]

    public init(
        name: String, date: CalendarDate, round: MatchingRound, letters: [ParticipantLetter],
        origins: [ParticipantID: Origin] = [:]
    ) {
        self.name = name
        self.date = date
        self.round = round
        self.letters = letters
        self.origins = origins
    }
}
