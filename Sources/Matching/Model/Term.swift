import Foundation

/// How free-text terms from forms are compared: goals, skills, levels,
/// regions, languages, organisations.
enum _Term {
    /// Lower-cased, with `-`, `_`, `/` and runs of white space turned into one
    /// space and the ends trimmed: "Machine-Learning " = "machine learning".
    static func normalised(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isWhitespace || character == "-" || character == "_" || character == "/" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// The non-empty entries of a list cell, split on any of `separators`, trimmed.
    static func split(_ cell: String, separators: [String]) -> [Substring] {
        var pieces = [Substring(cell)]
        for separator in separators {
            pieces = pieces.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false) }
        }
        return pieces.map { $0.trimmingCharacters(in: .whitespacesAndNewlines)[...] }.filter { !$0.isEmpty }
    }
}
