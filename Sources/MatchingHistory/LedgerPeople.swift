import GRDB
import Matching

/// Finds a participant among the people of earlier rounds, or adds them: one
/// person across every round and role.
///
/// A person is found by email (any case) when the sign-up gives one, and
/// otherwise by id among the people who never gave an email: form tools
/// number their rows afresh every year, so an id alone must not join two
/// people who each gave an email.
enum _LedgerPeople {
    /// The person's row, or `nil` when they are new to the ledger.
    static func find(_ db: Database, _ participant: Participant) throws -> Int64? {
        if !participant.email.isEmpty {
            return try Int64.fetchOne(
                db, sql: "SELECT id FROM people WHERE email = ? ORDER BY id LIMIT 1", arguments: [participant.email])
        }
        return try Int64.fetchOne(
            db, sql: "SELECT id FROM people WHERE email IS NULL AND participant_id = ? ORDER BY id LIMIT 1",
            arguments: [participant.id.rawValue])
    }

    /// The person's row, added or updated with their latest id and name.
    static func record(_ db: Database, _ participant: Participant) throws -> Int64 {
        let email: String? = participant.email.isEmpty ? nil : participant.email
        if let person = try find(db, participant) {
            try db.execute(
                sql: "UPDATE people SET participant_id = ?, name = ? WHERE id = ?",
                arguments: [participant.id.rawValue, participant.name, person])
            return person
        }
        try db.execute(
            sql: "INSERT INTO people(email, participant_id, name) VALUES (?, ?, ?)",
            arguments: [email, participant.id.rawValue, participant.name])
        return db.lastInsertedRowID
    }

    /// The cohort's participants the ledger knows, by person: a mentee's or
    /// mentor's ids (more than one only when two sign-ups share an email).
    static func ids(
        _ db: Database, in cohort: Cohort
    ) throws -> (
        mentees: [Int64: [ParticipantID]], mentors: [Int64: [ParticipantID]]
    ) {
        func ids(_ people: [Participant]) throws -> [Int64: [ParticipantID]] {
            var ids: [Int64: [ParticipantID]] = [:]
            for participant in people {
                if let person = try find(db, participant) { ids[person, default: []].append(participant.id) }
            }
            return ids
        }
        return (try ids(cohort.mentees), try ids(cohort.mentors))
    }
}
