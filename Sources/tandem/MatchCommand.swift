import ArgumentParser
import Foundation
import Matching
import MatchingReports
import _TandemUtilities

extension Tandem {
    /// `tandem match`: the whole round, from sign-ups to proposals and reports.
    struct Match: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a matching round: validate, score, solve, certify, and write the proposals and reports.",
            discussion: """
                Stops with the validation report (exit 1) and writes nothing when an input has \
                errors. Otherwise writes DIR atomically — pairs.csv, unmatched.csv, report.md, \
                report.html, round.json and letters/ — and prints the headline figures. The \
                policy's [matching] section chooses the objective (coverage or quality), a \
                minimum score, a fairness floor, load spreading and a cap on mentees per mentor. \
                Exit code 2 means the optimality certificate failed (never expected).

                Example:
                  tandem match --mentors datasets/small/mentors.csv \\
                    --mentees datasets/small/mentees.csv \\
                    --conflicts datasets/small/conflicts.csv \\
                    --policy datasets/small/policy.toml --out round
                """
        )

        @OptionGroup var inputs: CohortOptions

        @Option(
            help: ArgumentHelp(
                "The folder to write; an earlier round there is replaced as a whole, a folder holding anything else is refused.",
                valueName: "dir"))
        var out: String

        @Flag(help: "Print nothing but errors.")
        var quiet = false

        @Flag(help: "Print a machine-readable summary (round.json) on standard output.")
        var json = false

        func run() async throws {
            let inputFiles = inputs.files
            do {
                try OutputFolder.check(out, outputs: .round, inputs: inputFiles)
            } catch {
                throw ErrorReporter.fail(out, error.description)
            }
            let showProgress = !quiet && isatty(STDERR_FILENO) == 1
            func progress(_ step: String) {
                if showProgress { FileHandle.standardError.write(Data("… \(step)\n".utf8)) }
            }
            let clock = ContinuousClock()
            let start = clock.now
            progress("loading and scoring the cohort")
            let check: ScoredCohort
            do { check = try ScoredCohort.run(inputs.sources) } catch { throw ErrorReporter.fail(error) }
            let scored = clock.now
            progress(
                "solving the assignment (\(check.cohort.mentees.count) mentees, \(check.cohort.mentors.count) mentors)")
            let round = await MatchingRound.run(check)
            let solved = clock.now
            if !quiet && !json { ErrorReporter.print(round.check.warnings) }
            let files = await RoundOutputs.files(round)
            let leftovers: Int
            do {
                leftovers = try AtomicDirectory.write(files, to: out)
            } catch {
                throw ErrorReporter.fail(out, "cannot write the outputs: \(error.localizedDescription)")
            }
            if leftovers > 0 && !quiet {
                let folders = leftovers == 1 ? "folder" : "folders"
                FileHandle.standardError.write(
                    Data(
                        "\(out): removed \(leftovers) hidden \(folders) an interrupted earlier run left beside it.\n"
                            .utf8))
            }
            if json {
                FileHandle.standardOutput.write(files.first { $0.path == "round.json" }!.data)
            } else if !quiet {
                print(RoundOutputs.summary(round, folder: out))
                let times = ((scored - start).seconds, (solved - scored).seconds)
                print(String(format: "timings:     load+score %.3f s, solve+certify %.3f s", times.0, times.1))
                print(
                    "solver:      \(round.effort.sparseSolves) sparse solves, the last over \(round.effort.candidatePairs) candidate pairs"
                )
            }
            if !round.certificate.isOptimal { throw ExitCode(2) }
        }
    }
}
