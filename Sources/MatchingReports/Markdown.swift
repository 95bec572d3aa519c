/// Markdown text that a viewer will not read as HTML: what participants wrote
/// (names, goals, organisations) goes into letters and `report.md`, and a
/// name such as `<img src=x onerror=…>` must show as written, not run. The
/// documents' own text has no `&`, `<` or `>`, so a whole document is escaped
/// at once.
enum _Markdown {
    static func escapingHTML(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
