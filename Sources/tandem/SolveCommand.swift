import ArgumentParser
import AssignmentFiles
import Diagnostics
import Foundation
import _TandemUtilities

extension Tandem {
    /// `tandem solve`: solve one matrix from a file and prove the answer optimal.
    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve an assignment problem given as a matrix file, and verify its optimality certificate.",
            discussion: """
                Rows are placed in columns (mentees with mentors) so that the total cost is \
                least, or with --maximize the total score is greatest. When not every row can \
                be placed (more rows than column slots, or forbidden pairs), as many rows as \
                possible are placed and the rest are listed as unassigned.

                Integer matrices are solved exactly; float matrices are solved in double \
                precision and verified with a stated tolerance.

                Example:
                  tandem solve datasets/sample-scores.csv --maximize \\
                    --capacities datasets/sample-capacities.txt
                """
        )

        @Argument(
            help: ArgumentHelp(
                "The matrix: a .npy file (float32, float64, int32 or int64, C order) or a numeric .csv file.",
                discussion: "In a CSV file an empty cell is a forbidden pair.",
                valueName: "matrix"))
        var matrix: String

        @Flag(help: "Maximise the total score instead of minimising the total cost.")
        var maximize = false

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Cells equal to this value are forbidden pairs (never assigned). Accepts nan and inf.",
                valueName: "value"))
        var forbidden: String?

        @Option(
            help: ArgumentHelp(
                "A file with one capacity per column, one integer per line: how many rows each column may take.",
                valueName: "file"))
        var capacities: String?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Let any row stay unassigned, counting this value (better unmatched than below this score).",
                valueName: "value"))
        var unassignedValue: String?

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func validate() throws {
            if let forbidden, Double(forbidden) == nil {
                throw ValidationError("--forbidden must be a number, nan or inf; '\(forbidden)' is not.")
            }
            if let unassignedValue, Double(unassignedValue).map({ $0.isFinite }) != true {
                throw ValidationError("--unassigned-value must be a finite number; '\(unassignedValue)' is not.")
            }
        }

        func run() throws {
            let clock = ContinuousClock()
            let loadStart = clock.now
            var options = MatrixSolve.Options()
            options.maximize = maximize
            options.forbiddenValue = forbidden.flatMap(Double.init)
            options.unassignedValue = unassignedValue.flatMap(Double.init)
            do {
                let file = try MatrixFile.load(path: matrix)
                if let capacities {
                    options.capacities = try CapacityFile.load(path: capacities)
                    options.capacitiesPath = capacities
                }
                let loadSeconds = (clock.now - loadStart).seconds
                let outcome = try MatrixSolve.run(consume file, options: options, path: matrix)
                print(
                    json
                        ? SolveReport.json(outcome, loadSeconds: loadSeconds)
                        : SolveReport.text(outcome, loadSeconds: loadSeconds))
                if !outcome.isOptimal { throw ExitCode(2) }
            } catch let error as InputDiagnostics {
                throw ErrorReporter.fail(error)
            }
        }
    }
}
