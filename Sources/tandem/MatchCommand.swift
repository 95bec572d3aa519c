import ArgumentParser
import Foundation
import Matching
import MatchingReports

extension Tandem {
    /// `tandem match`: the whole round, from sign-ups to proposals and reports.
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a matching round: validate, score, solve, certify, and write the proposals and reports.",
            discussion: """
                Stops with the validation report (exit 1) and writes nothing when an input has \
                errors. Otherwise writes DIR atomically — pairs.csv, unmatched.csv, report.md, \
                report.html, round.json and letters/ — and prints the headline figures. The \
                policy's [matching] section chooses the objective (coverage or quality), a \
                minimum score, a fairness floor, load spreading and a cap on mentees per mentor. \
                Exit code 2 means the optimality certificate failed (never expected).
                """
        )

        @OptionGroup var inputs: CohortOptions

        @Option(help: ArgumentHelp("The folder to write (replaced as a whole if it exists).", valueName: "dir"))
        var out: String

        @Flag(help: "Print nothing but errors.")
        var quiet = false

        @Flag(help: "Print a machine-readable summary (round.json) on standard output.")
        var json = false

        func run() throws {
            let inputFiles = [inputs.mentors, inputs.mentees, inputs.conflicts, inputs.policy].compactMap { $0 }
            do {
                try OutputFolder.check(out, marker: "round.json", inputs: inputFiles)
            } catch {
                throw ErrorReporter.fail(out, error.description)
            }
            let showProgress = !quiet && isatty(STDERR_FILENO) == 1
            let round: MatchingRound
            do {
                round = try MatchingRound.run(inputs.sources) { step in
                    if showProgress { FileHandle.standardError.write(Data("… \(step)\n".utf8)) }
                }
            } catch {
                throw ErrorReporter.fail(error)
            }
            if !quiet && !json { ErrorReporter.print(round.check.warnings) }
            let files = RoundOutputs.files(round)
            do {
                try AtomicDirectory.write(files, to: out)
            } catch {
                throw ErrorReporter.fail(out, "cannot write the outputs: \(error.localizedDescription)")
            }
            if json {
                FileHandle.standardOutput.write(files.first { $0.path == "round.json" }!.data)
            } else if !quiet {
                print(RoundOutputs.summary(round, folder: out))
                let t = round.timings
                print(String(format: "timings:     load+score %.3f s, solve %.3f s, verify %.3f s", t.load, t.solve, t.verify))
                print("solver:      \(round.effort.sparseSolves) sparse solves, the last over \(round.effort.candidatePairs) candidate pairs")
            }
            if !round.certificate.isOptimal { throw ExitCode(2) }
        }
    }
}
