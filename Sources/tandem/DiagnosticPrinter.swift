import ArgumentParser
import Foundation
import Matching

/// Writes input problems to standard error, one `path:row:column: severity:
/// message` line each, as compilers do.
enum DiagnosticPrinter {
    static func print(_ problems: [InputProblem]) {
        guard !problems.isEmpty else { return }
        let text = problems.map(\.description).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints every problem and a count, and gives the exit code for bad input (1).
    static func fail(_ diagnostics: InputDiagnostics) -> ExitCode {
        print(diagnostics.sorted)
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        let summary = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); nothing was written.\n"
        FileHandle.standardError.write(Data(summary.utf8))
        return ExitCode.failure
    }
}
