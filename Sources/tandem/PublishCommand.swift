import ArgumentParser
import Foundation
import Matching
import MatchingHistory

extension Tandem {
    /// `tandem publish`: a draft becomes the round that was sent.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a draft round as sent and write its mail-merge file.",
            discussion: """
                Takes the draft tandem match --ledger recorded (the latest, or the one --round \
                names), marks it published, and writes a mail-merge CSV (one row per participant: \
                email, name, role, subject, text, partner_name, partner_email, reply_by, sign_off) \
                to paste into a mail tool. Partners' email addresses are given only when the \
                policy's [letters] reveal_contact = "immediately"; by default they wait for \
                acceptance. A follow-up round (tandem rematch) writes only to the people whose \
                proposals changed. Responses then come back with tandem respond.

                Example:
                \(RoundLifeExample.published)
                """
        )

        @OptionGroup var ledgerOptions: LedgerOptions

        @Option(
            name: .customLong("round"),
            help: ArgumentHelp("The draft to publish (default: the latest).", valueName: "name"))
        var roundName: String?

        @Option(
            help: ArgumentHelp("The mail-merge file to write; an existing file is never replaced.", valueName: "file"))
        var out = "letters.csv"

        @Option(help: ArgumentHelp("The day it was sent (default: today), as 2027-03-15.", valueName: "date"))
        var date: String?

        func run() throws {
            let day = try date.map(CalendarDate.option) ?? .today
            let ledger = try ledgerOptions.open()
            let published: Ledger.Published
            do {
                published = try ledger.publish(roundNamed: roundName, on: day, mailMergeTo: out)
            } catch {
                throw ErrorReporter.fail(error)
            }
            print("published:   round \"\(published.round.name)\" on \(day)")
            print("letters:     \(out) (\(published.letters) participant\(published.letters == 1 ? "" : "s"))")
            for name in published.closed { print("closed:      round \"\(name)\", which this one replaces") }
            print("next:        tandem respond --ledger \(ledger.path) RESPONSES.csv, as the answers come in")
        }
    }
}
