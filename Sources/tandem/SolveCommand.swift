import ArgumentParser
import AssignmentFiles
import Diagnostics
import Foundation
import _TandemUtilities

extension Tandem {
    /// `tandem solve`: solve one matrix or sparse problem from a file and prove the answer optimal.
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

                Sparse problems list only their allowed pairs, and are solved by the sparse \
                solver: a DIMACS assignment file (p asn; rows are the nodes its n lines name, \
                columns the others; .dimacs, .asn, or any file starting with c or p lines), or a \
                CSV file of row,column,cost lines with that header (or any file with --sparse). \
                Every row must then be assigned, unless --unassigned-value is given; the answer \
                uses the file's own row and column numbers. tandem match --export-candidates \
                FILE writes a round's candidate graph as such a DIMACS file, and tandem solve \
                FILE solves it.

                Example:
                  tandem solve datasets/sample-scores.csv --maximize \\
                    --capacities datasets/sample-capacities.txt
                """
        )

        @Argument(
            help: ArgumentHelp(
                "The problem: a .npy file (float32, float64, int32 or int64, C order), a numeric .csv file, or a sparse file (DIMACS p asn, or row,column,cost CSV).",
                discussion:
                    "In a CSV matrix an empty cell is a forbidden pair; in a sparse file every pair not listed is.",
                valueName: "matrix"))
        var matrix: String

        @Flag(help: "Read the file as a sparse row,column,cost CSV file even without its header line.")
        var sparse = false

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
                if let capacities {
                    options.capacities = try CapacityFile.load(path: capacities)
                    options.capacitiesPath = capacities
                }
                let outcome: MatrixSolve.Outcome, loadSeconds: Double
                if sparse || SparseMatrixFile.looksSparse(path: matrix) {
                    let file = try SparseMatrixFile.load(path: matrix)
                    loadSeconds = (clock.now - loadStart).seconds
                    outcome = try MatrixSolve.run(file, options: options, path: matrix)
                } else {
                    let file = try MatrixFile.load(path: matrix)
                    loadSeconds = (clock.now - loadStart).seconds
                    outcome = try MatrixSolve.run(consume file, options: options, path: matrix)
                }
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
