import ArgumentParser
import Matching
import MatchingReports

extension Tandem {
    /// `tandem validate`: report every problem in a round's inputs, write nothing.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check sign-ups, conflicts and policy, and report every problem at once.",
            discussion: """
                Each problem is printed to standard error as path:row:column: error|warning: message, \
                where row is the spreadsheet row (the header is row 1). Errors (bad or missing \
                values, duplicate ids or emails, unknown skills, goals, levels or conflict targets, \
                unknown policy keys) make the exit code 1. Warnings (goals nobody offers, mentees \
                with no eligible mentor, too few places, out-of-scope goals) leave it 0. Every \
                error is printed; more than 20 warnings are told briefly (each kind's first three \
                and a count) unless --all is given. Nothing is written.

                Example:
                  tandem validate --mentors datasets/small/mentors.csv \\
                    --mentees datasets/small/mentees.csv \\
                    --conflicts datasets/small/conflicts.csv \\
                    --policy datasets/small/policy.toml
                """
        )

        @OptionGroup var inputs: CohortOptions

        @Flag(help: "Print every warning, however many (by default more than 20 are told briefly).")
        var all = false

        func run() throws {
            let check: ScoredCohort
            do { check = try ScoredCohort.run(inputs.sources) } catch { throw ErrorReporter.fail(error) }
            if all {
                ErrorReporter.print(check.warnings)
            } else {
                ErrorReporter.summarise(check.warnings, fullList: "the output of tandem validate --all")
            }
            print(CohortSummary.text(check))
        }
    }
}
