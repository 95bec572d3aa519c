import ArgumentParser
import AssignmentFiles
import Foundation
import MatchingReports
import TandemSynthetic

extension InstanceFamily: ExpressibleByArgument {}

extension Tandem {
    /// `tandem instance`: write a seeded benchmark instance as `.npy`.
    struct Instance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a seeded benchmark instance as a .npy matrix (the same seed gives the same file).",
            discussion: """
                Families: \(InstanceFamily.allCases.map(\.rawValue).joined(separator: ", ")). Integer \
                families are written as int64; forbidden pairs as -1 (pass --forbidden -1 to \
                'tandem solve'). Mentoring families and popular-mentors are scores to maximise.

                Example:
                  tandem instance --family mentoring --rows 1000 --out scores.npy \\
                    && tandem solve scores.npy --maximize
                """
        )

        @Option(help: "The instance family.")
        var family: InstanceFamily

        @Option(help: "Number of rows (mentees).")
        var rows: Int

        @Option(help: "Number of columns (mentors); the same as --rows when omitted.")
        var columns: Int?

        @Option(help: "The random seed.")
        var seed: UInt64 = 1

        @Option(help: ArgumentHelp("Where to write the .npy file.", valueName: "file"))
        var out: String

        func validate() throws {
            guard rows >= 0, (columns ?? rows) >= 0 else {
                throw ValidationError("--rows and --columns must be 0 or more.")
            }
            guard out.hasSuffix(".npy") else { throw ValidationError("--out must name a .npy file.") }
        }

        func run() throws {
            let instance = family.generate(rows: rows, columns: columns ?? rows, seed: seed)
            let file = MatrixFile(instance)
            do {
                try AtomicFile.write(file.npyData(), to: out)
            } catch {
                throw ErrorReporter.fail(out, "cannot be written (\(error))")
            }
        }
    }
}
