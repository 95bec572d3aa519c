import ArgumentParser
import Foundation
import MatchingHistory
import MatchingReports

extension Tandem {
    /// `tandem history`: the scheme's rounds, or one person's, from the ledger.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the scheme's rounds, or one person's, from the ledger.",
            discussion: """
                Without --person: each round's figures, oldest first: people, proposals made \
                (accepted, declined and why, no reply, awaiting), pairings ended early and why, \
                and the reviews month by month (still meeting, mean rating). Each proposal counts \
                in the round that first made it. With --person (an email or id): each round they \
                took part in, their role, the partners proposed, what became of each proposal, \
                and the reviews; private notes only with --notes. --json prints JSON instead, \
                and --csv FILE also writes the table for a spreadsheet (an existing file is never \
                replaced).

                Example:
                \(RoundLifeExample.answered) \\
                    && tandem history --ledger scheme.sqlite --csv history.csv
                """
        )

        @OptionGroup var ledgerOptions: LedgerOptions

        @Option(help: ArgumentHelp("One person's rounds (their email or id).", valueName: "id"))
        var person: String?

        @Flag(help: "Print JSON instead of text.")
        var json = false

        @Option(help: ArgumentHelp("Also write the table as CSV to this file.", valueName: "file"))
        var csv: String?

        @Flag(help: "Include the private notes of responses, endings and reviews (with --person).")
        var notes = false

        func validate() throws {
            if notes && person == nil { throw ValidationError("--notes goes with --person.") }
        }

        func run() throws {
            let ledger = try ledgerOptions.open()
            do {
                let format = try ledger.csvFormat()
                if let person {
                    let history = try ledger.history(ofPerson: person, notes: notes)
                    try write(HistoryCSV.person(history, format: format))
                    print(json ? try Self.json(history) : Self.text(history), terminator: "")
                } else {
                    let rounds = try ledger.history()
                    try write(HistoryCSV.rounds(rounds, format: format))
                    print(json ? try Self.json(rounds) : Self.text(rounds), terminator: "")
                }
            } catch {
                throw ErrorReporter.fail(error)
            }
        }

        /// Writes the CSV table when asked, never over an existing file.
        private func write(_ table: String) throws {
            guard let csv else { return }
            do {
                try AtomicFile.create(Data(table.utf8), at: csv)
            } catch {
                throw ErrorReporter.fail(csv, "cannot write the CSV file: this file \(error.reason)")
            }
            FileHandle.standardError.write(Data("wrote:       \(csv)\n".utf8))
        }

        static func json(_ value: some Encodable) throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        }

        static func text(_ rounds: [RoundHistory]) -> String {
            guard !rounds.isEmpty else { return "The ledger has no rounds yet.\n" }
            return rounds.map { round in
                var lines = [
                    "\(round.round) (\(Self.status(round)))",
                    "  people:      \(round.mentees) mentees, \(round.mentors) mentors",
                ]
                if let follows = round.follows {
                    lines.append(
                        "  follows:     \(follows): \(round.carried) accepted pairs carried, \(round.kept) proposals awaiting a reply kept"
                    )
                }
                let declined =
                    round.declinedBecause.isEmpty ? "" : " (\(HistoryCSV.counts(round.declinedBecause)))"
                lines.append(
                    "  proposed:    \(round.proposed): \(round.accepted) accepted, \(round.declined) declined\(declined), \(round.noReply) no reply, \(round.awaiting) awaiting a reply"
                )
                let ended = round.endedBecause.isEmpty ? "" : " (\(HistoryCSV.counts(round.endedBecause)))"
                lines.append("  ended early: \(round.endedEarly)\(ended)")
                for reviews in round.reviews {
                    let rating = reviews.meanRating.map { ", mean rating \(HistoryCSV.decimal($0))" } ?? ""
                    lines.append(
                        "  \(reviews.month) months:\(String(repeating: " ", count: max(1, 4 - "\(reviews.month)".count)))\(reviews.reviews) reviews, \(reviews.stillMeeting) still meeting\(rating)"
                    )
                }
                return lines.joined(separator: "\n") + "\n"
            }.joined(separator: "\n")
        }

        /// "published 2027-02-05", "closed; published 2027-02-05", "draft of 2027-01-30".
        static func status(_ round: RoundHistory) -> String {
            switch (round.status, round.publishedOn) {
            case (.published, let day?): "published \(day)"
            case (.closed, let day?): "closed; published \(day)"
            default: "\(round.status.rawValue) of \(round.createdOn)"
            }
        }

        static func text(_ person: PersonHistory) -> String {
            var lines = ["\(person.name)\(person.email.map { " <\($0)>" } ?? "")"]
            for round in person.rounds {
                let places = round.role == "mentor" ? ", \(round.places) place\(round.places == 1 ? "" : "s")" : ""
                lines.append("")
                lines.append("\(round.round) (\(round.status.rawValue)): \(round.role) \(round.participantID)\(places)")
                if round.pairs.isEmpty { lines.append("  not proposed a partner") }
                for pair in round.pairs {
                    let origin = pair.origin == "new" ? "" : " [\(pair.origin == "kept" ? "kept" : "carried over")]"
                    let since = pair.since.map { " on \($0)" } ?? ""
                    let reason = pair.reason.map { " (\($0))" } ?? ""
                    lines.append(
                        "  \(pair.partnerName) (\(pair.partnerID))\(origin): \(pair.standing.rawValue)\(since)\(reason)"
                    )
                    for review in pair.reviews { lines.append("    review: \(HistoryCSV.summary(review))") }
                    for note in (pair.notes ?? []) + pair.reviews.compactMap(\.note) {
                        lines.append("    note:   \(note)")
                    }
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
