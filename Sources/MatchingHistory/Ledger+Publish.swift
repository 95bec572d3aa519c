import Foundation
import GRDB
import Matching
import MatchingReports

extension Ledger {
    /// What publishing a round did.
    public struct Published: Sendable, Equatable {
        public var round: LedgerRound
        /// Rows of the mail-merge file (one per participant written to).
        public var letters: Int
        /// Earlier rounds of the scheme this one closed.
        public var closed: [String]
    }

    /// Marks a draft as sent and writes the mail-merge file at `path`, in one
    /// transaction: if the file cannot be made (it exists, the folder is not
    /// writable), the round stays a draft.
    ///
    /// The file has a row per participant to write to: everyone in a first
    /// round; in a follow-up round, the people whose proposals changed.
    /// Columns: `email`, `name`, `role`, `subject`, `text` (the letter),
    /// `partner_name`, `partner_email` (only when the round's policy gives
    /// contact details before acceptance), `reply_by`, `sign_off`.
    ///
    /// Publishing a round closes the rounds it replaces: the earlier rounds of
    /// its chain, and for a new chain every other published round.
    ///
    /// - Throws: ``LedgerError`` when there is no such draft, or the file
    ///   cannot be created (nothing changes then).
    public func publish(
        roundNamed name: String?, on date: CalendarDate, mailMergeTo path: String
    )
        throws -> Published
    {
        let draft = try round(named: name, among: [.draft], for: "tandem publish")
        return try write { db in
            let merge = try Self.mailMerge(db, draft)
            // A follow-up round replaces its chain's published round; the
            // first round of a chain (its chain is itself) every published round.
            let replaced = "status = 'published' AND (chain = ? OR ? = ?)"
            let arguments: StatementArguments = [draft.chain, draft.chain, draft.id]
            let closing = try LedgerRound.fetchAll(db, where: replaced, arguments)
            try db.execute(sql: "UPDATE rounds SET status = 'closed' WHERE \(replaced)", arguments: arguments)
            try db.execute(
                sql: "UPDATE rounds SET status = 'published', published_on = ? WHERE id = ?",
                arguments: [date.description, draft.id])
            do {
                try AtomicFile.create(Data(merge.text.utf8), at: path)
            } catch let error as AtomicFile.NotCreated {
                throw LedgerError(path, "cannot write the mail-merge file: this file \(error.reason)")
            }
            let round = try LedgerRound.fetchAll(db, where: "id = ?", [draft.id])[0]
            return Published(round: round, letters: merge.rows, closed: closing.map(\.name))
        }
    }

    /// The mail-merge CSV of a round's letters.
    private static func mailMerge(_ db: Database, _ round: LedgerRound) throws -> (text: String, rows: Int) {
        let settings = try Row.fetchOne(
            db, sql: "SELECT reply_by, coordinator, contact FROM rounds WHERE id = ?", arguments: [round.id])!
        let format = try csvFormat(db, round: round.id)
        let signOff = [settings[1] as String?, settings[2] as String?].compactMap { $0 }.joined(separator: ", ")
        let replyBy: String = settings[0] ?? ""
        let changed = try changedPeople(db, round)
        let partners = try partnersByPerson(db, round: round.id)
        var csv = CSVWriter(
            header: [
                "email", "name", "role", "subject", "text", "partner_name", "partner_email", "reply_by", "sign_off",
            ], format: format)
        var rows = 0
        let letters = try Row.fetchAll(
            db,
            sql: """
                SELECT l.person, l.role, rp.email, rp.name, l.subject, l.body FROM letters l
                JOIN round_people rp ON rp.round = l.round AND rp.person = l.person AND rp.role = l.role
                WHERE l.round = ? ORDER BY l.role, rp.participant_id
                """, arguments: [round.id])
        for letter in letters {
            let person: Int64 = letter[0], role: String = letter[1]
            if let changed, !changed.contains(person) { continue }
            let theirs = partners[PersonRole(person: person, role: role)] ?? []
            csv.append([
                letter[2], letter[3], role, letter[4], letter[5], theirs.map(\.name).joined(separator: "; "),
                round.revealContact == .immediately
                    ? theirs.map(\.email).filter { !$0.isEmpty }.joined(separator: "; ") : "",
                replyBy, signOff,
            ])
            rows += 1
        }
        return (csv.text, rows)
    }

    /// How a round's policy writes CSV files (`[output]`); the default
    /// when the ledger has no round.
    static func csvFormat(_ db: Database, round: Int64?) throws -> Policy.Output {
        var format = Policy.Output()
        guard let round,
            let row = try Row.fetchOne(
                db, sql: "SELECT csv_separator, byte_order_mark FROM rounds WHERE id = ?", arguments: [round])
        else { return format }
        format.csvSeparator = (row[0] as String).first ?? ","
        format.csvByteOrderMark = row[1]
        return format
    }

    /// How the latest round's policy writes CSV files, for exports.
    public func csvFormat() throws(LedgerError) -> Policy.Output {
        try read { db in try Self.csvFormat(db, round: try Int64.fetchOne(db, sql: "SELECT max(id) FROM rounds")) }
    }

    private struct PersonRole: Hashable {
        var person: Int64
        var role: String
    }

    /// Each person's proposed partners in the round (name and email), by their role.
    private static func partnersByPerson(
        _ db: Database, round: Int64
    ) throws
        -> [PersonRole: [(name: String, email: String)]]
    {
        var partners: [PersonRole: [(name: String, email: String)]] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT p.mentee, e.name, e.email, p.mentor, m.name, m.email FROM proposals p
                JOIN round_people e ON e.round = p.round AND e.person = p.mentee AND e.role = 'mentee'
                JOIN round_people m ON m.round = p.round AND m.person = p.mentor AND m.role = 'mentor'
                WHERE p.round = ? ORDER BY e.participant_id
                """, arguments: [round])
        for row in rows {
            partners[PersonRole(person: row[0], role: "mentee"), default: []].append((row[4], row[5]))
            partners[PersonRole(person: row[3], role: "mentor"), default: []].append((row[1], row[2]))
        }
        return partners
    }

    /// In a follow-up round, the people whose proposed partners are not those
    /// of the round it follows (so they are written to); `nil` for a first
    /// round (everyone is).
    private static func changedPeople(_ db: Database, _ round: LedgerRound) throws -> Set<Int64>? {
        guard let previous = round.follows else { return nil }
        func pairs(_ round: Int64) throws -> Set<[Int64]> {
            Set(
                try Row.fetchAll(db, sql: "SELECT mentee, mentor FROM proposals WHERE round = ?", arguments: [round])
                    .map { [$0[0], $0[1]] })
        }
        let now = try pairs(round.id), before = try pairs(previous)
        var changed = Set<Int64>()
        for pair in now.symmetricDifference(before) { changed.formUnion(pair) }
        return changed
    }
}
