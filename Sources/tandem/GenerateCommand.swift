import ArgumentParser
import Foundation
import MatchingReports
import TandemSynthetic

extension Tandem {
    /// `tandem generate`: a seeded synthetic cohort, as a coordinator's files.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a seeded synthetic cohort: sign-up CSVs, conflicts and a policy.",
            discussion: """
                The files look like form exports (their own column headers, mapped by the \
                generated policy). The same numbers and seed always give the same bytes. \
                The folder is written atomically: it appears complete or not at all.

                Example:
                  tandem generate --mentees 500 --mentors 250 --out cohort
                """
        )

        @Option(help: "How many mentees.")
        var mentees: Int

        @Option(help: "How many mentors.")
        var mentors: Int

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
            guard mentees >= 0, mentors >= 0, mentees + mentors > 0 else {
                throw ValidationError("--mentees and --mentors must be 0 or more, and not both 0.")
            }
            guard (1...10_000).contains(topics) else { throw ValidationError("--topics must be from 1 to 10000.") }
        }

        func run() throws {
            do {
                try OutputFolder.check(out, outputs: .cohort, inputs: [])
            } catch {
                throw ErrorReporter.fail(out, error.description)
            }
            let files = CohortGenerator(mentees: mentees, mentors: mentors, topics: topics, seed: seed).generate()
            try files.write(to: out)
            print(
                "wrote \(out)/mentors.csv, mentees.csv, conflicts.csv, policy.toml (\(mentees) mentees, \(mentors) mentors, seed \(seed))"
            )
        }
    }
}
