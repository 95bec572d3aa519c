import ArgumentParser
import Diagnostics
import Foundation
import Matching
import MatchingReports
import TandemSynthetic

extension Tandem {
    /// `tandem generate`: a seeded synthetic cohort, as a coordinator's files.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a seeded synthetic cohort (sign-up CSVs, conflicts, a policy), or answers to a round.",
            discussion: """
                The files look like form exports (their own column headers, mapped by the \
                generated policy). With --late-mentees, mentees-later.csv and conflicts-later.csv \
                add mentees who sign up after the first round (for tandem rematch). With \
                --responses-to ROUND (a round's folder), the folder gets responses.csv instead: \
                each proposed mentee declines, accepts or has not answered yet, in the shares \
                --declined and --accepted give (for tandem respond). The same numbers and seed \
                always give the same bytes. The files are written a row at a time, so a \
                million-person cohort (--mentees 700000 --mentors 300000) takes about ten \
                seconds, 200 MB of disk and a few tens of megabytes of memory. The folder is \
                written atomically: it appears complete or not at all.

                Example:
                  tandem generate --mentees 500 --mentors 250 --late-mentees 10 --out cohort
                """
        )

        @Option(help: "How many mentees.")
        var mentees: Int?

        @Option(help: "How many mentors.")
        var mentors: Int?

        @Option(help: "How many more mentees sign up late (mentees-later.csv).")
        var lateMentees = 0

        @Option(
            help: ArgumentHelp(
                "Write answers to the proposals in this round's folder (its pairs.csv) instead of a cohort.",
                valueName: "round"))
        var responsesTo: String?

        @Option(help: ArgumentHelp("With --responses-to: the percentage who decline.", valueName: "percent"))
        var declined = 10.0

        @Option(help: ArgumentHelp("With --responses-to: the percentage who accept.", valueName: "percent"))
        var accepted = 80.0

        @Option(help: "How many topics in the taxonomy.")
        var topics = 60

        @Option(help: "The seed: any whole number from 0 to 2^64 - 1.")
        var seed: UInt64 = 1

        @Option(
            help: ArgumentHelp(
                "The folder to write; an earlier generated cohort there is replaced, a folder holding anything else is refused.",
                valueName: "dir"))
        var out: String

        func validate() throws {
            guard responsesTo == nil else {
                guard mentees == nil, mentors == nil, lateMentees == 0 else {
                    throw ValidationError(
                        "--responses-to writes answers to a round; leave out --mentees, --mentors and --late-mentees.")
                }
                guard declined >= 0, accepted >= 0, declined + accepted <= 100 else {
                    throw ValidationError(
                        "--declined and --accepted are percentages, 0 or more, adding up to 100 at most.")
                }
                return
            }
            guard let mentees, let mentors else {
                throw ValidationError("give --mentees and --mentors for a cohort, or --responses-to ROUND for answers.")
            }
            guard mentees >= 0, mentors >= 0, lateMentees >= 0, mentees + mentors > 0 else {
                throw ValidationError(
                    "--mentees, --mentors and --late-mentees must be 0 or more; --mentees and --mentors not both 0.")
            }
            guard mentees + mentors + lateMentees <= Self.mostPeople else {
                throw ValidationError(
                    "at most \(Self.mostPeople) people in all (about 4 GB of files); ask for fewer.")
            }
            guard (1...10_000).contains(topics) else { throw ValidationError("--topics must be from 1 to 10000.") }
        }

        /// The largest cohort written: ten times the million people Tandem is measured on.
        static let mostPeople = 20_000_000

        func run() throws {
            if let responsesTo { return try writeResponses(to: responsesTo) }
            let (mentees, mentors) = (mentees ?? 0, mentors ?? 0)
            do {
                try OutputFolder.check(out, outputs: .cohort, inputs: [])
            } catch {
                throw ErrorReporter.fail(out, error.description)
            }
            try CohortGenerator(
                mentees: mentees, mentors: mentors, lateMentees: lateMentees, topics: topics, seed: seed
            ).write(to: out)
            let late = lateMentees > 0 ? ", mentees-later.csv, conflicts-later.csv (\(lateMentees) late)" : ""
            print(
                "wrote \(out)/mentors.csv, mentees.csv, conflicts.csv, policy.toml\(late) (\(mentees) mentees, \(mentors) mentors, seed \(seed))"
            )
        }

        /// Answers to the proposals of a round's folder.
        private func writeResponses(to round: String) throws {
            let pairsFile = round + "/pairs.csv"
            do {
                try OutputFolder.check(out, outputs: .responses, inputs: [pairsFile])
            } catch {
                throw ErrorReporter.fail(out, error.description)
            }
            let table: CSVTable
            do {
                table = try CSVTable.load(path: pairsFile)
            } catch {
                throw ErrorReporter.fail(error)
            }
            guard let id = table.header.firstIndex(of: "mentee_id"),
                let email = table.header.firstIndex(of: "mentee_email")
            else {
                throw ErrorReporter.fail(
                    pairsFile, "this is not a round's pairs.csv (no mentee_id and mentee_email columns).")
            }
            let mentees = table.records.map { ResponseGenerator.Mentee(id: $0.cell(id), email: $0.cell(email)) }
            let text = ResponseGenerator(declined: declined / 100, accepted: accepted / 100, seed: seed)
                .responses(to: mentees)
            try AtomicDirectory.write([("responses.csv", Data(text.utf8))], to: out)
            print("wrote \(out)/responses.csv (answers of \(mentees.count) proposed mentees, seed \(seed))")
        }
    }
}
