import Diagnostics
import GRDB
import Matching

/// Why a pairing ended early, in the words of the schemes' codes of conduct.
public enum EndingReason: String, Sendable, CaseIterable {
    case newRole = "new role"
    case upheaval
    case unproductive
    case misconduct
    case other
}

/// Who ended a pairing.
public enum EndedBy: String, Sendable, CaseIterable {
    case mentee, mentor, coordinator
}

extension Ledger {
    /// An early ending as it was recorded.
    public struct EndingRecorded: Sendable, Equatable {
        public var round: String
        public var mentee: String
        public var mentor: String
    }

    /// Records that an accepted pairing of the current round (the latest
    /// published, or the one named) ended early: the mentee by id or email,
    /// and the mentor, if given, checked against the pairing.
    ///
    /// - Throws: ``LedgerError`` when there is no such person or accepted
    ///   pairing (with a suggestion), or the ledger cannot be written.
    public func recordEnding(
        mentee: String, mentor: String?, reason: EndingReason, by: EndedBy, on day: CalendarDate, note: String?,
        round name: String?
    ) throws -> EndingRecorded {
        let round = try self.round(named: name, among: [.published], for: "tandem end")
        return try write { db in
            let pairs = try _CurrentPairs(db, round: round)
            let proposal = try acceptedPairing(pairs, mentee: mentee, mentor: mentor)
            try db.execute(
                sql: """
                    INSERT INTO endings(round, mentee, mentor, ended_on, ended_by, reason, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    round.id, proposal.mentee.person, proposal.mentor.person, day.description, by.rawValue,
                    reason.rawValue, note,
                ])
            return EndingRecorded(round: round.name, mentee: proposal.mentee.name, mentor: proposal.mentor.name)
        }
    }

    /// The accepted pairing of a mentee named on the command line.
    func acceptedPairing(_ pairs: _CurrentPairs, mentee: String, mentor: String?) throws -> _CurrentPairs.Proposal {
        guard let person = pairs.person(mentee, role: "mentee") else {
            throw LedgerError(
                path,
                "there is no mentee \"\(mentee)\" in the round \"\(pairs.round.name)\"\(pairs.suggestion(for: mentee))."
            )
        }
        guard let proposal = pairs.proposals(of: person).first else {
            throw LedgerError(path, "\(person.name) was not proposed a mentor in the round \"\(pairs.round.name)\".")
        }
        if let mentor, pairs.person(mentor, role: "mentor") != proposal.mentor {
            throw LedgerError(
                path,
                "\(person.name)'s mentor in the round \"\(pairs.round.name)\" is \(proposal.mentor.name) (\(proposal.mentor.participantID)), not \"\(mentor)\"."
            )
        }
        guard proposal.standing == .accepted else {
            throw LedgerError(
                path,
                "the pairing of \(person.name) and \(proposal.mentor.name) is \(proposal.standing.rawValue)\(proposal.since.map { " (since \($0))" } ?? ""), not accepted; a proposal still awaiting a reply is declined with tandem respond."
            )
        }
        return proposal
    }
}
