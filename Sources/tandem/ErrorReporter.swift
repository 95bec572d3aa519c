import ArgumentParser
import Diagnostics
import Foundation
import MatchingHistory

/// The one place the CLI writes problems to standard error: every error of
/// every command (bad sign-ups, a bad matrix file, a folder it may not
/// replace) is an ``InputProblem`` printed as `path:row:column: severity:
/// message`, the form compilers use, so editors and terminals can jump to it.
enum ErrorReporter {
    /// Prints problems (warnings, usually) without stopping.
    static func print(_ problems: [InputProblem]) {
        guard !problems.isEmpty else { return }
        let text = problems.map(\.description).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints a round's warnings briefly when there are many (see
    /// ``ProblemSummary``): the whole list is in the output folder's file
    /// `fullList`.
    static func summarise(_ problems: [InputProblem], fullList: String) {
        guard !problems.isEmpty else { return }
        FileHandle.standardError.write(Data((ProblemSummary.text(problems, fullList: fullList) + "\n").utf8))
    }

    /// Prints every problem and a count, and gives the exit code for bad input (1).
    static func fail(_ diagnostics: InputDiagnostics) -> ExitCode {
        print(diagnostics.sorted)
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        let summary =
            "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); nothing was written.\n"
        FileHandle.standardError.write(Data(summary.utf8))
        return ExitCode.failure
    }

    /// One error about a file or folder as a whole.
    static func fail(_ path: String, _ message: String) -> ExitCode {
        fail(InputDiagnostics([.error(SourceLocation(file: path), message)]))
    }

    /// A ledger command's failure: a ledger problem or the problems of the
    /// file it read, reported as every other.
    static func fail(_ error: any Error) -> any Error {
        switch error {
        case let error as LedgerError: fail(error.path, error.message)
        case let error as InputDiagnostics: fail(error)
        default: error
        }
    }
}
