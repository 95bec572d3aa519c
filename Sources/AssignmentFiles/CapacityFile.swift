import Diagnostics
import Foundation

/// A capacities file: one non-negative integer per line, one line per column.
/// Blank lines and lines starting with `#` are skipped.
public enum CapacityFile {
    /// Reads the capacities, reporting every bad line at once.
    ///
    /// - Throws: `InputDiagnostics` with each bad line's number.
    public static func load(path: String) throws(InputDiagnostics) -> [Int] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputDiagnostics([
                .error(SourceLocation(file: path), "cannot be read (\(error.localizedDescription))")
            ])
        }
        if let invalid = SourceLocation.firstInvalidUTF8(in: data, file: path) {
            throw InputDiagnostics([.error(invalid, "this is not UTF-8 text; write plain numbers, one per line")])
        }
        let text = String(decoding: data, as: UTF8.self)
        var capacities: [Int] = []
        var problems = InputDiagnostics()
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if let value = Int(trimmed), value >= 0 {
                capacities.append(value)
            } else {
                problems.error(
                    SourceLocation(file: path, row: index + 1, column: 1),
                    "'\(trimmed)' is not a capacity; write a whole number 0 or more")
            }
        }
        guard !problems.hasErrors else { throw problems }
        return capacities
    }
}
