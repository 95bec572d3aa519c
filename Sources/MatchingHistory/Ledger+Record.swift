import Foundation
import GRDB
import Matching
import _TandemUtilities

extension Ledger {
    /// What recording a round did.
    public struct Recorded: Sendable, Equatable {
        public var round: LedgerRound
        /// Whether a draft of the same name was replaced (a draft was never sent).
        public var replacedDraft: Bool
    }

    /// Records a round as a draft, in one transaction: the round, the files it
    /// read, everyone in it, its proposals, its letters and its answer's
    /// potentials (where a follow-up round's solve starts). A draft of the
    /// same name is replaced; a published or closed one is never touched.
    ///
    /// A follow-up round (`tandem rematch`) names the round it `follows` and
    /// joins its chain; otherwise the round starts a chain.
    ///
    /// - Throws: ``LedgerError`` when a round of that name was already
    ///   published, or the ledger cannot be written.
    public func recordDraft(_ record: RoundRecord, follows: LedgerRound? = nil) throws -> Recorded {
        try write { db in
            var replaced = false
            if let existing = try LedgerRound.fetchAll(db, where: "name = ?", [record.name]).first {
                guard existing.status == .draft else {
                    throw LedgerError(
                        path,
                        "the round \"\(record.name)\" was published on \(existing.publishedOn ?? "an earlier day"); give this one another name with --round."
                    )
                }
                try Self.deleteDraft(db, existing.id)
                replaced = true
            }
            let round = try Self.insertRound(db, record, follows: follows)
            try Self.insertContents(db, record, round: round)
            return Recorded(
                round: try LedgerRound.fetchAll(db, where: "id = ?", [round]).first!, replacedDraft: replaced)
        }
    }

    /// Removes a draft and everything recorded with it (nothing refers to a
    /// draft: responses, endings and checkpoints need a published round).
    private static func deleteDraft(_ db: Database, _ round: Int64) throws {
        for table in ["letters", "round_duals", "proposals", "round_people", "round_inputs"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE round = ?", arguments: [round])
        }
        try db.execute(sql: "DELETE FROM rounds WHERE id = ?", arguments: [round])
    }

    private static func insertRound(_ db: Database, _ record: RoundRecord, follows: LedgerRound?) throws -> Int64 {
        let round = record.round, policy = round.cohort.policy
        try db.execute(
            sql: """
                INSERT INTO rounds(name, chain, follows, created_on, status, tandem_version, objective, resolution,
                    reveal_contact, reply_by, coordinator, contact, csv_separator, byte_order_mark, repeat_pairs,
                    certificate)
                VALUES (?, 0, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.name, follows?.id, record.date.description, TandemVersion.current,
                policy.matching.objective.rawValue, policy.resolution, policy.letters.revealContact.rawValue,
                policy.letters.replyBy?.description, policy.letters.coordinator, policy.letters.contact,
                String(policy.output.csvSeparator), policy.output.csvByteOrderMark,
                policy.history.repeatRule, round.certificate.isOptimal ? "optimal" : "failed",
            ])
        let id = db.lastInsertedRowID
        try db.execute(sql: "UPDATE rounds SET chain = ? WHERE id = ?", arguments: [follows?.chain ?? id, id])
        let sources = round.cohort.sources
        let inputs: [(String, String?)] =
            sources.signups.map { [("signups", $0)] } ?? [("mentors", sources.mentors), ("mentees", sources.mentees)]
        for (input, path) in inputs + [("conflicts", sources.conflicts), ("policy", sources.policy)] {
            guard let path, let digest = sources.digests[path] else { continue }
            try db.execute(
                sql: "INSERT INTO round_inputs(round, input, path, sha256) VALUES (?, ?, ?, ?)",
                arguments: [id, input, URL(fileURLWithPath: path).standardizedFileURL.path, digest])
        }
        return id
    }

    private static func insertContents(_ db: Database, _ record: RoundRecord, round id: Int64) throws {
        let round = record.round, cohort = round.cohort
        func person(_ participant: Participant, places: Int) throws -> Int64 {
            let person = try _LedgerPeople.record(db, participant)
            try db.execute(
                sql: """
                    INSERT INTO round_people(round, person, role, participant_id, name, email, places)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, person, participant.role.rawValue, participant.id.rawValue, participant.name, participant.email,
                    places,
                ])
            return person
        }
        let mentees = try cohort.mentees.map { try person($0, places: 1) }
        let mentors = try cohort.mentors.indices.map { try person(cohort.mentors[$0], places: round.places[$0]) }
        let resolution = cohort.policy.resolution
        for pair in round.pairs {
            let origin = record.origins[cohort.mentees[pair.mentee].id] ?? (pair.locked ? .accepted : .new)
            try db.execute(
                sql:
                    "INSERT INTO proposals(round, mentee, mentor, units, points, rank, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    id, mentees[pair.mentee], mentors[pair.mentor], Int64(pair.units),
                    PointsFormat.string(units: Int64(pair.units), resolution: resolution), pair.rank, origin.rawValue,
                ])
        }
        let potentials = round.potentials
        for (index, mentee) in cohort.mentees.enumerated() {
            guard let potential = potentials.mentees[mentee.id] else { continue }
            try db.execute(
                sql: "INSERT INTO round_duals(round, person, role, place, potential) VALUES (?, ?, 'mentee', 0, ?)",
                arguments: [id, mentees[index], potential])
        }
        for (index, mentor) in cohort.mentors.enumerated() {
            for (place, potential) in (potentials.mentors[mentor.id] ?? []).enumerated() {
                try db.execute(
                    sql: "INSERT INTO round_duals(round, person, role, place, potential) VALUES (?, ?, 'mentor', ?, ?)",
                    arguments: [id, mentors[index], place, potential])
            }
        }
        let menteeIndex = Dictionary(uniqueKeysWithValues: cohort.mentees.indices.map { (cohort.mentees[$0].id, $0) })
        let mentorIndex = Dictionary(uniqueKeysWithValues: cohort.mentors.indices.map { (cohort.mentors[$0].id, $0) })
        for letter in record.letters {
            let person =
                letter.role == .mentee
                ? menteeIndex[letter.id].map { mentees[$0] } : mentorIndex[letter.id].map { mentors[$0] }
            guard let person else { continue }
            try db.execute(
                sql: "INSERT INTO letters(round, person, role, subject, body) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, person, letter.role.rawValue, letter.subject, letter.body])
        }
    }
}
