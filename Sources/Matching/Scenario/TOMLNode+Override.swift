/// A scenario's policy keys laid over the baseline policy's TOML, and told
/// back as a policy file writes them.
extension _TOMLNode {
    /// This document with `override`'s keys laid over it: tables merge key by
    /// key, anything else (a value, a list, a list of tables such as
    /// `criteria`) replaces what was there.
    func overridden(by override: _TOMLNode) -> _TOMLNode {
        guard case .table(var pairs) = self, case .table(let overrides) = override else { return override }
        for (key, value) in overrides {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                pairs[index].value = pairs[index].value.overridden(by: value)
            } else {
                pairs.append((key, value))
            }
        }
        return .table(pairs)
    }

    /// `value` under the dotted key `path`: `["matching", "minimum_score"]`
    /// and 20 give `{ matching = { minimum_score = 20 } }`.
    static func nested(_ path: [String], _ value: _TOMLNode) -> _TOMLNode {
        path.reversed().reduce(value) { inner, key in .table([(key, inner)]) }
    }

    /// Each value of a table as `dotted.key = value` lines, tables followed
    /// down to their values.
    func assignments(under path: [String] = []) -> [String] {
        guard case .table(let pairs) = self else { return ["\(path.joined(separator: ".")) = \(written)"] }
        return pairs.flatMap { $0.value.assignments(under: path + [$0.key]) }
    }

    /// The value as TOML writes it: `20`, `"forbid"`, `[1, 2]`; a list of
    /// tables by its length.
    var written: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .boolean(let value): String(value)
        case .date(let year, let month, let day):
            CalendarDate(year: year, month: month, day: day)?.description ?? "\(year)-\(month)-\(day)"
        case .other(let text): text
        case .array(let items):
            items.allSatisfy({ if case .table = $0 { true } else { false } }) && !items.isEmpty
                ? "[\(items.count) table\(items.count == 1 ? "" : "s")]"
                : "[" + items.map(\.written).joined(separator: ", ") + "]"
        case .table(let pairs): "{ " + pairs.map { "\($0.key) = \($0.value.written)" }.joined(separator: ", ") + " }"
        }
    }

    /// The value as a scenario name shows it: text without its quotes.
    var plain: String {
        if case .string(let text) = self { return text }
        return written
    }
}
