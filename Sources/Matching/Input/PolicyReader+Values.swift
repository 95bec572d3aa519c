import Diagnostics
import Foundation

/// The typed values a policy holds, each read or reported with its line.
extension _PolicyReader {
    func location(_ keyPath: [String]) -> SourceLocation {
        SourceLocation(file: path, row: lines.line(of: keyPath))
    }

    /// A key as a coordinator reads it: `weights.goal_match`; an element of
    /// `[[criteria]]` by its number from 1, `criteria #2.weight`.
    func name(_ keyPath: [String]) -> String {
        guard keyPath.count >= 2, keyPath[0] == "criteria", let position = Int(keyPath[1]) else {
            return keyPath.joined(separator: ".")
        }
        return (["criteria #\(position + 1)"] + keyPath.dropFirst(2)).joined(separator: ".")
    }

    mutating func error(_ keyPath: [String], _ message: String) {
        diagnostics.error(location(keyPath), message)
    }

    /// The entries of a table; unknown keys are reported with the nearest known one.
    mutating func entries(
        _ node: _TOMLNode, at keyPath: [String], known: [String]
    ) -> [(key: String, value: _TOMLNode)] {
        guard case .table(let pairs) = node else {
            error(
                keyPath,
                "\(name(keyPath)) must be a table ([\(name(keyPath))]), not \(node.kind)."
            )
            return []
        }
        var kept: [(key: String, value: _TOMLNode)] = []
        for pair in pairs {
            if known.contains(pair.key) {
                kept.append(pair)
            } else {
                let key = name(keyPath + [pair.key])
                let section = keyPath.isEmpty ? "at the top level" : "in [\(name(keyPath))]"
                error(
                    keyPath + [pair.key],
                    "unknown policy key \"\(key)\" \(section) (known keys there: \(known.joined(separator: ", ")))\(Suggestion.clause(for: pair.key, among: known))."
                )
            }
        }
        return kept
    }

    mutating func string(_ node: _TOMLNode, at keyPath: [String]) -> String? {
        if case .string(let text) = node { return text }
        error(keyPath, "\(name(keyPath)) must be text in quotes, not \(node.kind).")
        return nil
    }

    /// One of a closed set of words, any case: `use quality or coverage; did
    /// you mean …?` otherwise.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ node: _TOMLNode, at keyPath: [String]) -> Choice?
    where Choice.RawValue == String {
        guard let text = string(node, at: keyPath) else { return nil }
        if let choice = Choice(rawValue: text.lowercased()) { return choice }
        let words = Choice.allCases.map(\.rawValue)
        let listed = words.dropLast().joined(separator: ", ") + (words.count > 1 ? " or " : "") + (words.last ?? "")
        error(
            keyPath,
            "\(name(keyPath)) is \"\(text)\"; use \(listed)\(Suggestion.clause(for: text, among: words)).")
        return nil
    }

    mutating func boolean(_ node: _TOMLNode, at keyPath: [String]) -> Bool? {
        if case .boolean(let value) = node { return value }
        error(keyPath, "\(name(keyPath)) must be true or false, not \(node.kind).")
        return nil
    }

    mutating func number(
        _ node: _TOMLNode, at keyPath: [String], where valid: (Double) -> Bool, _ expected: String
    ) -> Double? {
        let value: Double? =
            switch node {
            case .integer(let integer): Double(integer)
            case .real(let real): real
            default: nil
            }
        return accept(value, node, at: keyPath, where: valid, expected)
    }

    mutating func integer(
        _ node: _TOMLNode, at keyPath: [String], where valid: (Int) -> Bool, _ expected: String
    ) -> Int? {
        let value: Int? = if case .integer(let integer) = node { integer } else { nil }
        return accept(value, node, at: keyPath, where: valid, expected)
    }

    /// `value` when the node had the right kind and the value is in range; otherwise reports which.
    mutating func accept<Value>(
        _ value: Value?, _ node: _TOMLNode, at keyPath: [String],
        where valid: (Value) -> Bool, _ expected: String
    ) -> Value? {
        guard let value else {
            error(keyPath, "\(name(keyPath)) must be \(expected), not \(node.kind).")
            return nil
        }
        guard valid(value) else {
            error(keyPath, "\(name(keyPath)) is \(value); it must be \(expected).")
            return nil
        }
        return value
    }

    /// A table of text values (`"alternative" = "topic"` lines); each value
    /// that is not text is reported at its key. `lines` shows one line.
    mutating func textTable(_ node: _TOMLNode, at keyPath: [String], lines: String) -> [String: String]? {
        guard case .table(let pairs) = node else {
            error(keyPath, "\(name(keyPath)) must be a table of \(lines) lines, not \(node.kind).")
            return nil
        }
        var table: [String: String] = [:]
        for (key, value) in pairs {
            if let text = string(value, at: keyPath + [key]) { table[key] = text }
        }
        return table
    }

    mutating func list<Element>(
        _ node: _TOMLNode, at keyPath: [String], _ element: (inout _PolicyReader, _TOMLNode) -> Element?
    ) -> [Element]? {
        guard case .array(let items) = node else {
            error(keyPath, "\(name(keyPath)) must be a list in brackets, not \(node.kind).")
            return nil
        }
        var values: [Element] = []
        for item in items {
            guard let value = element(&self, item) else { return nil }
            values.append(value)
        }
        return values
    }

    /// A TOML date (`2027-01-15`) or the same in quotes.
    mutating func date(_ node: _TOMLNode, at keyPath: [String]) -> CalendarDate? {
        switch node {
        case .date(let year, let month, let day):
            if let date = CalendarDate(year: year, month: month, day: day) { return date }
            error(
                keyPath,
                "\(name(keyPath)) is \(year)-\(month)-\(day), which is not a day of the calendar; write a date as 2027-01-15."
            )
            return nil
        case .string(let text):
            if let date = CalendarDate(text) { return date }
            error(keyPath, "\(name(keyPath)) is \"\(text)\"; write a date as 2027-01-15.")
            return nil
        default:
            error(keyPath, "\(name(keyPath)) must be a date such as 2027-01-15, not \(node.kind).")
            return nil
        }
    }
}
