import Foundation
import GRDB
import Matching
import MatchingReports

extension Ledger {
    /// What introducing the accepted pairs did.
    public struct Introduced: Sendable, Equatable {
        public var round: String
        /// Pairs introduced (none: every accepted pair already was).
        public var pairs: Int
        /// Rows of the mail-merge file (two per pair).
        public var rows: Int
    }

    /// Introduces the partners of every accepted pair of a published round
    /// (the latest, or the one named) who have not been introduced yet, in
    /// one transaction: writes a mail-merge file at `path` with a row per
    /// person of each pair — `email`, `name`, `role`, `subject`, `text`,
    /// `partner_name`, `partner_email`, `sign_off` — and records the pairs as
    /// introduced on `date`, so the next run writes only pairs accepted
    /// since. Nothing is written when there is nobody new to introduce.
    ///
    /// Only the partner's name and email are given: never anyone's answers,
    /// notes or scores.
    ///
    /// - Throws: ``LedgerError`` when there is no such round, or the file
    ///   cannot be created (nothing is recorded then).
    public func introduce(
        roundNamed name: String?, on date: CalendarDate, mailMergeTo path: String
    ) throws
        -> Introduced
    {
        let round = try self.round(named: name, among: [.published], for: "tandem introduce")
        return try write { db in
            let pairs = try _CurrentPairs(db, round: round)
            let introduced = Set(
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT i.mentee, i.mentor FROM introductions i JOIN rounds r ON r.id = i.round
                        WHERE r.chain = ?
                        """, arguments: [round.chain]
                ).map { [$0[0] as Int64, $0[1] as Int64] })
            let due = pairs.proposals.filter {
                $0.standing == .accepted && !introduced.contains([$0.mentee.person, $0.mentor.person])
            }
            .sorted {
                ($0.mentee.participantID, $0.mentor.participantID) < ($1.mentee.participantID, $1.mentor.participantID)
            }
            guard !due.isEmpty else { return Introduced(round: round.name, pairs: 0, rows: 0) }
            let settings = try Row.fetchOne(
                db, sql: "SELECT coordinator, contact FROM rounds WHERE id = ?", arguments: [round.id])!
            let coordinator: String? = settings[0], contact: String? = settings[1]
            let signOff = [coordinator, contact].compactMap { $0 }.joined(separator: ", ")
            var csv = CSVWriter(
                header: ["email", "name", "role", "subject", "text", "partner_name", "partner_email", "sign_off"],
                format: try Self.csvFormat(db, round: round.id))
            for proposal in due {
                for (person, partner) in [(proposal.mentee, proposal.mentor), (proposal.mentor, proposal.mentee)] {
                    csv.append([
                        person.email, person.name, person.role,
                        "Your mentoring pairing with \(partner.name) is confirmed",
                        Self.introduction(to: person, partner: partner, coordinator: coordinator, contact: contact),
                        partner.name, partner.email, signOff,
                    ])
                }
                try db.execute(
                    sql: "INSERT INTO introductions(round, mentee, mentor, introduced_on) VALUES (?, ?, ?, ?)",
                    arguments: [round.id, proposal.mentee.person, proposal.mentor.person, date.description])
            }
            do {
                try AtomicFile.create(Data(csv.text.utf8), at: path)
            } catch let error as AtomicFile.NotCreated {
                throw LedgerError(path, "cannot write the mail-merge file: this file \(error.reason)")
            }
            return Introduced(round: round.name, pairs: due.count, rows: due.count * 2)
        }
    }

    /// The text of one introduction.
    static func introduction(
        to person: _CurrentPairs.Person, partner: _CurrentPairs.Person, coordinator: String?, contact: String?
    ) -> String {
        let role = person.role == "mentee" ? "mentor" : "mentee"
        let reach =
            partner.email.isEmpty
            ? "The coordinator will put you in touch."
            : "You can reach \(partner.name) at \(partner.email)."
        let suggestion =
            person.role == "mentee"
            ? "We suggest you write first, to arrange your first meeting in the next two weeks."
            : "\(partner.name) has been asked to write first; if you have not heard within two weeks, do write."
        let help = contact.map { " If anything gets in the way, write to \($0)." } ?? ""
        return """
            Dear \(person.name),

            Your mentoring pairing is confirmed: your \(role) is \(partner.name). \(reach)

            \(suggestion)\(help)

            \(coordinator ?? "The coordinator")
            """
    }
}
