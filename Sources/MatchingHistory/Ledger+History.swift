import Diagnostics
import GRDB

extension Ledger {
    /// Every round's figures, oldest first.
    ///
    /// - Throws: ``LedgerError`` when the ledger cannot be read.
    public func history() throws(LedgerError) -> [RoundHistory] {
        try read { db in
            let rounds = try LedgerRound.fetchAll(db)
            let names = Dictionary(uniqueKeysWithValues: rounds.map { ($0.id, $0.name) })
            var outcomes: [Int64: _ChainOutcomes] = [:]
            return try rounds.map { round in
                if outcomes[round.chain] == nil { outcomes[round.chain] = try _ChainOutcomes(db, chain: round.chain) }
                return try Self.figures(db, round, follows: round.follows.flatMap { names[$0] }, outcomes[round.chain]!)
            }
        }
    }

    private static func figures(
        _ db: Database, _ round: LedgerRound, follows: String?, _ outcomes: _ChainOutcomes
    ) throws -> RoundHistory {
        let people = try Row.fetchAll(
            db, sql: "SELECT role, count(*) FROM round_people WHERE round = ? GROUP BY role", arguments: [round.id]
        ).reduce(into: [String: Int]()) { $0[$1[0]] = $1[1] }
        var figures = RoundHistory(
            round: round.name, status: round.status, createdOn: round.createdOn, publishedOn: round.publishedOn,
            follows: follows, mentees: people["mentee"] ?? 0, mentors: people["mentor"] ?? 0, proposed: 0, kept: 0,
            carried: 0, accepted: 0, declined: 0, noReply: 0, awaiting: 0, endedEarly: 0, declinedBecause: [:],
            endedBecause: [:], reviews: [])
        var reviews: [Int: [(stillMeeting: Bool, rating: Int?)]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT mentee, mentor, origin FROM proposals WHERE round = ?", arguments: [round.id])
        {
            let origin: String = row[2]
            guard origin == "new" else {
                if origin == "kept" { figures.kept += 1 } else { figures.carried += 1 }
                continue
            }
            figures.proposed += 1
            let pair = _ChainOutcomes.Pair(mentee: row[0], mentor: row[1])
            let (standing, latest) = outcomes.standing(pair)
            switch standing {
            case .accepted: figures.accepted += 1
            case .declined:
                figures.declined += 1
                figures.declinedBecause[latest?.reason ?? "no reason given", default: 0] += 1
            case .noReply: figures.noReply += 1
            case .awaiting: figures.awaiting += 1
            case .ended:
                figures.accepted += 1
                figures.endedEarly += 1
                figures.endedBecause[latest?.reason ?? "other", default: 0] += 1
            }
            for review in outcomes.reviews[pair] ?? [] {
                reviews[review.month, default: []].append((review.stillMeeting, review.rating))
            }
        }
        figures.reviews = reviews.keys.sorted().map { RoundHistory.Reviews(month: $0, outcomes: reviews[$0]!) }
        return figures
    }

    /// One person's rounds, found by email (any case) or id.
    ///
    /// - Parameters:
    ///   - reference: The person's email (any case) or id in some round.
    ///   - notes: Include the private notes of responses, endings and reviews.
    /// - Throws: ``LedgerError`` when nobody in the ledger has that email or
    ///   id (with a suggestion), or when an id names more than one person
    ///   (their emails are then listed).
    public func history(ofPerson reference: String, notes: Bool = false) throws(LedgerError) -> PersonHistory {
        let path = path
        return try read { db in
            let wanted = reference.trimmingCharacters(in: .whitespaces)
            var people = try Row.fetchAll(
                db, sql: "SELECT id, name, email FROM people WHERE email = ? ORDER BY id", arguments: [wanted])
            if people.isEmpty {
                people = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT p.id, p.name, p.email FROM people p JOIN round_people r ON r.person = p.id
                        WHERE r.participant_id = ? ORDER BY p.id
                        """, arguments: [wanted])
            }
            guard let person = people.first else {
                let known = try String.fetchAll(
                    db,
                    sql:
                        "SELECT email FROM people WHERE email IS NOT NULL UNION SELECT participant_id FROM round_people"
                )
                throw LedgerError(
                    path,
                    "nobody in the ledger has the email or id \"\(wanted)\"\(Suggestion.clause(for: wanted, among: known))."
                )
            }
            guard people.count == 1 else {
                let listed = people.map { "\($0[1] as String) (\(($0[2] as String?) ?? "no email"))" }
                throw LedgerError(
                    path,
                    "the id \"\(wanted)\" was \(listed.joined(separator: ", ")) in different rounds; name the person by email."
                )
            }
            let id: Int64 = person[0]
            var outcomes: [Int64: _ChainOutcomes] = [:]
            var rounds: [PersonHistory.Round] = []
            for entry in try Row.fetchAll(
                db,
                sql: """
                    SELECT r.round, r.role, r.participant_id, r.places FROM round_people r
                    WHERE r.person = ? ORDER BY r.round, r.role
                    """, arguments: [id])
            {
                let round = try LedgerRound.fetchAll(db, where: "id = ?", [entry[0] as Int64])[0]
                if outcomes[round.chain] == nil { outcomes[round.chain] = try _ChainOutcomes(db, chain: round.chain) }
                let role: String = entry[1]
                let pairs = try Self.pairs(db, of: id, as: role, in: round, outcomes[round.chain]!, notes: notes)
                rounds.append(
                    PersonHistory.Round(
                        round: round.name, status: round.status, createdOn: round.createdOn, role: role,
                        participantID: entry[2], places: entry[3], pairs: pairs))
            }
            return PersonHistory(name: person[1], email: person[2], rounds: rounds)
        }
    }

    /// The proposals of a round that name the person in their role.
    private static func pairs(
        _ db: Database, of person: Int64, as role: String, in round: LedgerRound, _ outcomes: _ChainOutcomes,
        notes: Bool
    ) throws -> [PersonHistory.Pair] {
        let (own, other) = role == "mentee" ? ("mentee", "mentor") : ("mentor", "mentee")
        return try Row.fetchAll(
            db,
            sql: """
                SELECT p.mentee, p.mentor, p.origin, o.name, o.participant_id FROM proposals p
                JOIN round_people o ON o.round = p.round AND o.person = p.\(other) AND o.role = '\(other)'
                WHERE p.round = ? AND p.\(own) = ? ORDER BY o.participant_id
                """, arguments: [round.id, person]
        ).map { row in
            let pair = _ChainOutcomes.Pair(mentee: row[0], mentor: row[1])
            let (standing, latest) = outcomes.standing(pair)
            var reviews = outcomes.reviews[pair] ?? []
            if !notes { for index in reviews.indices { reviews[index].note = nil } }
            let writtenNotes = [outcomes.answers[pair]?.note, outcomes.endings[pair]?.note].compactMap { $0 }
            return PersonHistory.Pair(
                partnerName: row[3], partnerID: row[4], origin: row[2], standing: standing, since: latest?.on,
                reason: latest?.reason, reviews: reviews, notes: notes ? writtenNotes : nil)
        }
    }
}
