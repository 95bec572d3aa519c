import MatchingReports
import _TandemUtilities

/// Seeded answers to a published round, as a form exports them: each
/// proposed mentee accepts, declines (with a reason code, sometimes a
/// comment) or has not answered yet (no row), in the shares asked for. For
/// tests and benchmarks of a round's life; the same settings, seed and
/// proposals give the same bytes.
public struct ResponseGenerator: Sendable {
    /// The share of mentees who decline, from 0 to 1.
    public var declined: Double
    /// The share who accept; the rest have not answered.
    public var accepted: Double
    public var seed: UInt64

    public init(declined: Double, accepted: Double, seed: UInt64 = 1) {
        self.declined = declined
        self.accepted = accepted
        self.seed = seed
    }

    /// A proposed mentee, as a round's `pairs.csv` names them.
    public struct Mentee: Sendable {
        public var id: String
        public var email: String

        public init(id: String, email: String) {
            self.id = id
            self.email = email
        }
    }

    static let reasons = ["no time", "not a good fit", "found another mentor", "personal", "other"]
    static let comments = ["", "", "Sorry, my circumstances have changed.", "I would prefer someone nearer home."]

    /// The responses CSV: `Timestamp`, `Email address`, `Participant ID`,
    /// `Do you accept?` (Yes / No), `Reason`, `Comments`.
    public func responses(to mentees: [Mentee]) -> String {
        var random = SeededGenerator(seed: seed)
        var csv = CSVWriter(
            header: ["Timestamp", "Email address", "Participant ID", "Do you accept?", "Reason", "Comments"])
        for mentee in mentees {
            let draw = random.nextUnit()
            let day = 10 + Int(random.next() % 7), minute = Int(random.next() % 1440)
            let stamp =
                "2027/02/\(day) \(minute / 60 < 10 ? "0" : "")\(minute / 60):\(minute % 60 < 10 ? "0" : "")\(minute % 60):00"
            if draw < declined {
                let reason = Self.reasons[Int(random.next() % UInt64(Self.reasons.count))]
                let comment = Self.comments[Int(random.next() % UInt64(Self.comments.count))]
                csv.append([stamp, mentee.email, mentee.id, "No", reason, comment])
            } else if draw < declined + accepted {
                csv.append([stamp, mentee.email, mentee.id, "Yes", "", ""])
            }
        }
        return csv.text
    }
}
