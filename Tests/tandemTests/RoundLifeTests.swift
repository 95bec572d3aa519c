import Foundation
import GRDB
import Testing

/// A round's whole life from the command line, on the sample: match with a
/// ledger, publish, responses, an early ending, a follow-up round, and next
/// year's round, checking what each step promises.
@Suite(.serialized) struct RoundLifeTests {
    static let sample = TandemProcess.packageRoot.appendingPathComponent("datasets/sample").path
    static var inputs: [String] {
        [
            "--mentors", "\(sample)/mentors.csv", "--mentees", "\(sample)/mentees.csv", "--conflicts",
            "\(sample)/conflicts.csv", "--policy", "\(sample)/policy.toml",
        ]
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-life-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// (mentee id, mentor id) of a round folder's pairs.csv.
    static func pairs(_ folder: URL) throws -> Set<[String]> {
        let text = try String(contentsOf: folder.appendingPathComponent("pairs.csv"), encoding: .utf8)
        return Set(
            text.split(separator: "\n").dropFirst().map { line in
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                return [String(cells[0]), String(cells[3])]
            })
    }

    static func run(_ arguments: [String], in folder: URL, expecting status: Int32 = 0) throws -> TandemProcess.Result {
        let result = try TandemProcess.run(arguments, in: folder)
        #expect(result.status == status, "tandem \(arguments.joined(separator: " ")): \(result.standardError)")
        return result
    }

    @Test("match → publish → respond → end → rematch → next year: locks, exclusions and the ledger hold")
    func wholeLife() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(["match"] + Self.inputs + ["--out", "round-1", "--ledger", "scheme.sqlite"], in: folder)
        let first = try Self.pairs(folder.appendingPathComponent("round-1"))
        let published = try Self.run(["publish", "--ledger", "scheme.sqlite", "--date", "2027-02-05"], in: folder)
        #expect(published.standardOutput.contains("letters.csv (230 participants)"))
        let letters = try String(contentsOf: folder.appendingPathComponent("letters.csv"), encoding: .utf8)
        #expect(
            letters.trimmingPrefix("\u{FEFF}").hasPrefix(
                "email,name,role,subject,text,partner_name,partner_email,reply_by,sign_off"))
        // Contact details wait for acceptance by default: a mentor's email is
        // only in their own row, never in their mentees'.
        let pairsText = try String(contentsOf: folder.appendingPathComponent("round-1/pairs.csv"), encoding: .utf8)
        let mentorEmail = String(pairsText.split(separator: "\n")[1].split(separator: ",")[5])
        #expect(letters.components(separatedBy: mentorEmail).count == 2)
        // Publishing twice is refused; the file is never replaced.
        _ = try Self.run(["publish", "--ledger", "scheme.sqlite"], in: folder, expecting: 1)

        let database = try DatabaseQueue(path: folder.appendingPathComponent("scheme.sqlite").path)
        let responses = "\(Self.sample)/responses.csv"
        let recorded = try Self.run(["respond", "--ledger", "scheme.sqlite", responses], in: folder)
        #expect(recorded.standardOutput.contains("115 accepted, 17 declined"))
        let again = try Self.run(["respond", "--ledger", "scheme.sqlite", responses], in: folder)
        #expect(again.standardOutput.contains("132 rows already recorded"))
        // A bad file is reported row by row and records nothing.
        try "email,response\nnobody@example.org,yes\n\(Self.email(responses, row: 1)),perhaps\n"
            .write(to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try Self.run(["respond", "--ledger", "scheme.sqlite", "bad.csv"], in: folder, expecting: 1)
        #expect(bad.standardError.contains("bad.csv:2:1: error: \"nobody@example.org\" is not in the round"))
        #expect(bad.standardError.contains("bad.csv:3:2: error: the response \"perhaps\""))
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM responses") } == 132)

        let (accepted, declined) = (
            try Self.answered("accepted", in: database), try Self.answered("declined", in: database)
        )
        #expect(accepted.isSubset(of: first) && declined.isSubset(of: first))
        // Introductions: each accepted pair once, with the partner's email.
        let introduced = try Self.run(["introduce", "--ledger", "scheme.sqlite"], in: folder)
        #expect(introduced.standardOutput.contains("introduced:  115 accepted pairs"))
        #expect(introduced.standardOutput.contains("introductions.csv (230 participants)"))
        let introductions = try String(
            contentsOf: folder.appendingPathComponent("introductions.csv"), encoding: .utf8)
        #expect(introductions.components(separatedBy: mentorEmail).count > 2)
        let introducedAgain = try Self.run(["introduce", "--ledger", "scheme.sqlite", "--out", "more.csv"], in: folder)
        #expect(introducedAgain.standardOutput.contains("nobody new"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("more.csv").path))

        // The 3-month reviews: recorded once; bad rows located; a review of a
        // pair that was never accepted refused.
        let outcomes = "\(Self.sample)/checkpoints.csv"
        let reviewed = try Self.run(["checkpoint", "--ledger", "scheme.sqlite", outcomes], in: folder)
        #expect(reviewed.standardOutput.contains("98 reviews"))
        #expect(reviewed.standardOutput.contains("88 still meeting, mean rating 3.9"))
        #expect(reviewed.standardOutput.contains("not meeting: 10 pairs"))
        let reviewedAgain = try Self.run(["checkpoint", "--ledger", "scheme.sqlite", outcomes], in: folder)
        #expect(reviewedAgain.standardOutput.contains("98 reviews already recorded"))
        let declinedMentee = try Self.email(responses, row: 8)
        try
            "email,month,still meeting,rating\n\(declinedMentee),3,yes,4\n\(Self.email(responses, row: 1)),three,maybe,9\n"
            .write(to: folder.appendingPathComponent("bad-reviews.csv"), atomically: true, encoding: .utf8)
        let badReviews = try Self.run(
            ["checkpoint", "--ledger", "scheme.sqlite", "bad-reviews.csv"], in: folder, expecting: 1)
        #expect(badReviews.standardError.contains("bad-reviews.csv:2: error: "))
        #expect(badReviews.standardError.contains("(mentee) has no accepted pairing in the round"))
        #expect(badReviews.standardError.contains("bad-reviews.csv:3:2: error: \"three\" is not a review month"))
        #expect(badReviews.standardError.contains("bad-reviews.csv:3:3: error:"))
        #expect(badReviews.standardError.contains("bad-reviews.csv:3:4: error: the rating \"9\""))
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM checkpoints") } == 98)

        let ended = accepted.sorted { $0[0] < $1[0] }[0]
        _ = try Self.run(
            ["end", "--ledger", "scheme.sqlite", "--mentee", ended[0], "--reason", "new role", "--date", "2027-03-01"],
            in: folder)
        // An ending needs an accepted pairing.
        let pending = first.subtracting(accepted).subtracting(declined).sorted { $0[0] < $1[0] }[0]
        _ = try Self.run(
            ["end", "--ledger", "scheme.sqlite", "--mentee", pending[0], "--reason", "upheaval"], in: folder,
            expecting: 1)

        let rematch = try Self.run(["rematch", "--ledger", "scheme.sqlite", "--out", "round-2"], in: folder)
        #expect(rematch.standardOutput.contains("certificate: optimal (verified)"))
        let second = try Self.pairs(folder.appendingPathComponent("round-2"))
        // Accepted pairs stay; declined and ended pairs are never proposed again.
        #expect(accepted.subtracting([ended]).isSubset(of: second))
        #expect(second.isDisjoint(with: declined.union([ended])))
        let changes = try String(contentsOf: folder.appendingPathComponent("round-2/changes.md"), encoding: .utf8)
        #expect(changes.contains("pairing ended"))
        let republished = try Self.run(
            ["publish", "--ledger", "scheme.sqlite", "--out", "letters-2.csv"], in: folder)
        #expect(
            republished.standardOutput.contains("closed:      round \"Northern cross-sector mentoring network, 2027\""))

        // Next year: the same people sign up again; last year's pairs are not proposed.
        _ = try Self.run(
            ["match"] + Self.inputs + ["--out", "next-year", "--ledger", "scheme.sqlite", "--round", "2028"], in: folder
        )
        let nextYear = try Self.pairs(folder.appendingPathComponent("next-year"))
        #expect(nextYear.isDisjoint(with: accepted))

        // The history: each proposal counted once, in the round that made it.
        let history = try Self.run(["history", "--ledger", "scheme.sqlite", "--json"], in: folder)
        let rounds = try #require(
            try JSONSerialization.jsonObject(with: Data(history.standardOutput.utf8)) as? [[String: Any]])
        #expect(rounds.count == 3)
        #expect(rounds[0]["accepted"] as? Int == 115 && rounds[0]["declined"] as? Int == 17)
        #expect(rounds[0]["ended_early"] as? Int == 1)
        #expect(rounds[0]["ended_because"] as? [String: Int] == ["new role": 1])
        #expect(rounds[1]["follows"] as? String == "Northern cross-sector mentoring network, 2027")
        #expect(rounds[1]["carried"] as? Int == 114)
        let months = try #require(rounds[0]["reviews"] as? [[String: Any]])
        #expect(months.first?["month"] as? Int == 3 && months.first?["reviews"] as? Int == 98)
        let person = try Self.run(["history", "--ledger", "scheme.sqlite", "--person", ended[0]], in: folder)
        #expect(person.standardOutput.contains(": ended on 2027-03-01 (new role)"))
        #expect(person.standardOutput.contains("review: 3 months by the mentee"))
        _ = try Self.run(["history", "--ledger", "scheme.sqlite", "--csv", "history.csv"], in: folder)
        let table = try String(contentsOf: folder.appendingPathComponent("history.csv"), encoding: .utf8)
        #expect(table.split(separator: "\n").count == 4)
        // An export never replaces a file.
        _ = try Self.run(["history", "--ledger", "scheme.sqlite", "--csv", "history.csv"], in: folder, expecting: 1)
        #expect(try database.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test("A generated cohort's cycle: late joiners join, accepted pairs stay, declines never return, places hold")
    func generatedCycle() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(
            [
                "generate", "--mentees", "300", "--mentors", "120", "--late-mentees", "9", "--seed", "4", "--out",
                "cohort",
            ],
            in: folder)
        let files = [
            "--mentors", "cohort/mentors.csv", "--conflicts", "cohort/conflicts.csv", "--policy", "cohort/policy.toml",
        ]
        let first = try Self.run(
            ["match", "--mentees", "cohort/mentees.csv", "--out", "round-1", "--ledger", "s.sqlite"] + files, in: folder
        )
        #expect(first.standardOutput.contains("certificate: optimal (verified)"))
        _ = try Self.run(["publish", "--ledger", "s.sqlite"], in: folder)
        _ = try Self.run(
            [
                "generate", "--responses-to", "round-1", "--declined", "15", "--accepted", "60", "--seed", "2", "--out",
                "answers",
            ],
            in: folder)
        _ = try Self.run(["respond", "--ledger", "s.sqlite", "answers/responses.csv"], in: folder)
        let database = try DatabaseQueue(path: folder.appendingPathComponent("s.sqlite").path)
        let (accepted, declined) = (
            try Self.answered("accepted", in: database), try Self.answered("declined", in: database)
        )
        #expect(!accepted.isEmpty && !declined.isEmpty)
        let second = try Self.run(
            [
                "rematch", "--ledger", "s.sqlite", "--mentees", "cohort/mentees-later.csv", "--conflicts",
                "cohort/conflicts-later.csv", "--out", "round-2",
            ], in: folder)
        #expect(second.standardOutput.contains("certificate: optimal (verified)"))
        let proposed = try Self.pairs(folder.appendingPathComponent("round-2"))
        #expect(accepted.isSubset(of: proposed))
        #expect(proposed.isDisjoint(with: declined))
        // The late joiners are in the round: proposed a mentor or listed as unmatched.
        let unmatched = try String(contentsOf: folder.appendingPathComponent("round-2/unmatched.csv"), encoding: .utf8)
        for late in 301...309 {
            #expect(proposed.contains { $0[0] == "E\(late)" } || unmatched.contains("E\(late),"), "E\(late)")
        }
        // No mentor beyond their places (the sign-up's last column).
        let mentors = try String(contentsOf: folder.appendingPathComponent("cohort/mentors.csv"), encoding: .utf8)
        var places: [String: Int] = [:]
        for line in mentors.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            places[String(cells[1])] = Int(cells.last!.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        for (mentor, count) in Dictionary(grouping: proposed, by: { $0[1] }).mapValues(\.count) {
            #expect(count <= places[mentor] ?? 0, "\(mentor): \(count) mentees")
        }
        // The follow-up round started from the first round's stored potentials.
        #expect(
            try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM round_duals WHERE round = 1") }! > 300)

        // Published; a 3-month review says one accepted pair no longer meets, and it is ended.
        _ = try Self.run(["publish", "--ledger", "s.sqlite", "--out", "letters-2.csv"], in: folder)
        let reviewed = accepted.sorted { $0[0] < $1[0] }
        var reviews = "id,month,still meeting,rating\n"
        for (index, pair) in reviewed.prefix(20).enumerated() {
            reviews += "\(pair[0]),3,\(index == 0 ? "no" : "yes"),4\n"
        }
        try reviews.write(to: folder.appendingPathComponent("reviews.csv"), atomically: true, encoding: .utf8)
        let checked = try Self.run(["checkpoint", "--ledger", "s.sqlite", "reviews.csv"], in: folder)
        #expect(checked.standardOutput.contains("20 reviews for round"))
        #expect(checked.standardOutput.contains("not meeting: 1 pair (mentees \(reviewed[0][0]))"))
        _ = try Self.run(
            ["end", "--ledger", "s.sqlite", "--mentee", reviewed[0][0], "--reason", "unproductive"], in: folder)

        // Next year, the same people sign up again: no pair accepted before is proposed.
        let nextYear = try Self.run(
            [
                "match", "--mentees", "cohort/mentees-later.csv", "--conflicts", "cohort/conflicts-later.csv", "--out",
                "next-year", "--ledger", "s.sqlite", "--round", "next year", "--mentors", "cohort/mentors.csv",
                "--policy", "cohort/policy.toml",
            ], in: folder)
        #expect(nextYear.standardOutput.contains("certificate: optimal (verified)"))
        let nextPairs = try Self.pairs(folder.appendingPathComponent("next-year"))
        #expect(nextPairs.isDisjoint(with: accepted))
        #expect(try database.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    /// (mentee id, mentor id) of the first round's pairs with this response.
    static func answered(_ response: String, in database: DatabaseQueue) throws -> Set<[String]> {
        try database.read { db in
            Set(
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT e.participant_id, m.participant_id FROM responses r
                        JOIN round_people e ON e.person = r.mentee AND e.role = 'mentee' AND e.round = 1
                        JOIN round_people m ON m.person = r.mentor AND m.role = 'mentor' AND m.round = 1
                        WHERE r.response = ?
                        """, arguments: [response]
                ).map { [$0[0], $0[1]] })
        }
    }

    /// The email of a data row (1 = the first) of a responses file.
    static func email(_ path: String, row: Int) throws -> String {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
        return String(lines[row].split(separator: ",")[1])
    }
}
