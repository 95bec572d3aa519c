import ArgumentParser
import Diagnostics
import Matching
import MatchingHistory

extension Tandem {
    /// `tandem respond`: the answers to a published round.
    struct Respond: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the responses to a published round from a form's export.",
            discussion: """
                RESPONSES.csv has a row per answer: email or id (whose answer), response \
                (accepted, declined or no reply), and optionally partner (a mentor with several \
                proposals names the mentee), reason (for a decline: no time, not a good fit, \
                found another mentor, personal, other), date (2027-03-15; today if empty) and \
                note (kept private). Headers are matched in any case ("Email address", \
                "Response"). Every bad row is reported at once and nothing is recorded then. \
                A row the ledger already has is skipped, so the same export can be read again \
                as it grows; a changed answer is recorded and the latest counts.

                Example:
                \(RoundLifeExample.answered)
                """
        )

        @OptionGroup var ledgerOptions: LedgerOptions

        @Option(
            name: .customLong("round"),
            help: ArgumentHelp("The round answered (default: the latest published).", valueName: "name"))
        var roundName: String?

        @Argument(help: ArgumentHelp("The responses (CSV).", valueName: "responses.csv"))
        var responses: String

        func run() throws {
            let ledger = try ledgerOptions.open()
            let recorded: Ledger.ResponsesRecorded
            do {
                recorded = try ledger.recordResponses(file: responses, round: roundName, today: .today)
            } catch {
                throw ErrorReporter.fail(error)
            }
            print(
                "recorded:    \(recorded.accepted) accepted, \(recorded.declined) declined, \(recorded.noReply) no reply for round \"\(recorded.round)\"\(recorded.unchanged > 0 ? " (\(recorded.unchanged) row\(recorded.unchanged == 1 ? "" : "s") already recorded)" : "")"
            )
            if recorded.declined > 0 {
                print("next:        tandem rematch --ledger \(ledger.path) --out DIR proposes new mentors where needed")
            }
        }
    }

    /// `tandem end`: a pairing that ended early.
    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that an accepted pairing ended early.",
            discussion: """
                The mentee (id or email) and their accepted pairing in the latest published round; \
                --mentor checks the mentor. The reason is one of the codes of conduct's: new role, \
                upheaval, unproductive, misconduct, other. A later tandem rematch may propose the \
                mentee a new mentor, never the same one again.

                Example:
                \(RoundLifeExample.answered) \\
                    && tandem end --ledger scheme.sqlite --mentee E1 --reason upheaval
                """
        )

        @OptionGroup var ledgerOptions: LedgerOptions

        @Option(help: ArgumentHelp("The mentee (id or email).", valueName: "id"))
        var mentee: String

        @Option(help: ArgumentHelp("The mentor (id or email), to check.", valueName: "id"))
        var mentor: String?

        @Option(help: ArgumentHelp("new role, upheaval, unproductive, misconduct or other.", valueName: "code"))
        var reason: String

        @Option(help: ArgumentHelp("Who ended it: mentee, mentor or coordinator.", valueName: "who"))
        var by = "coordinator"

        @Option(help: ArgumentHelp("The day it ended (default: today), as 2027-03-15.", valueName: "date"))
        var date: String?

        @Option(help: ArgumentHelp("A private note, kept in the ledger only.", valueName: "text"))
        var note: String?

        @Option(
            name: .customLong("round"),
            help: ArgumentHelp("The round (default: the latest published).", valueName: "name"))
        var roundName: String?

        func run() throws {
            guard let code = EndingReason(rawValue: reason.lowercased()) else {
                let codes = EndingReason.allCases.map(\.rawValue)
                throw ValidationError(
                    "--reason \"\(reason)\" is not one of \(codes.joined(separator: ", "))\(Suggestion.clause(for: reason, among: codes))."
                )
            }
            guard let who = EndedBy(rawValue: by.lowercased()) else {
                throw ValidationError("--by \"\(by)\" is not one of mentee, mentor, coordinator.")
            }
            let day = try date.map(CalendarDate.option) ?? .today
            let ledger = try ledgerOptions.open()
            do {
                let ended = try ledger.recordEnding(
                    mentee: mentee, mentor: mentor, reason: code, by: who, on: day, note: note, round: roundName)
                print(
                    "recorded:    the pairing of \(ended.mentee) and \(ended.mentor) ended on \(day) (\(code.rawValue))"
                )
            } catch {
                throw ErrorReporter.fail(error)
            }
        }
    }
}
