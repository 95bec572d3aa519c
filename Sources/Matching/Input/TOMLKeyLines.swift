/// The line of every key in a TOML document, by dotted path.
///
/// TOMLKit parses values but does not say where a key was written, and a
/// policy error without its line is hard to fix. This scanner follows only
/// what locates keys: `[table]` and `[[array]]` headers, `key = value` lines
/// (bare, quoted or dotted keys), and it skips the inside of multi-line strings
/// and arrays. Inline tables record their keys on the line that opens them.
struct _TOMLKeyLines {
    private var lineOfPath: [String: Int] = [:]
    /// Put before every path looked up: the lines of a policy written
    /// inside another file (a scenario's `[scenario.policy]`), by policy key.
    var prefix: [String] = []

    init(text: String) {
        var table: [String] = []
        var elementCount: [String: Int] = [:]
        var continuation: _Continuation = .none
        // Lines are cut at each "\n" scalar: a Swift `Character` joins "\r\n"
        // into one, which left a CRLF policy one long line with no line numbers.
        for (offset, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        {
            let number = offset + 1
            var rest = Substring(line)
            switch continuation {
            case .string(let delimiter):
                if rest.range(of: delimiter) != nil { continuation = .none }
                continue
            case .array(let depth):
                let newDepth = depth + Self.bracketBalance(rest)
                continuation = newDepth > 0 ? .array(newDepth) : .none
                continue
            case .none:
                break
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.isEmpty || rest.first == "#" { continue }
            if rest.first == "[" {
                let isArrayElement = rest.hasPrefix("[[")
                let written = Self.keyPath(rest.drop { $0 == "[" }.prefix { $0 != "]" })
                // A name that is an array of tables means its latest element:
                // `[scenario.policy]` after the second `[[scenario]]` is `scenario.1.policy`.
                table = []
                for (position, part) in written.enumerated() {
                    table.append(part)
                    let name = table.joined(separator: ".")
                    if let count = elementCount[name], !(isArrayElement && position == written.count - 1) {
                        table.append(String(count - 1))
                    }
                }
                if isArrayElement {
                    // Each `[[criteria]]` is one element, by its 0-based position: `criteria.2.kind`.
                    let name = table.joined(separator: ".")
                    table.append(String(elementCount[name, default: 0]))
                    elementCount[name, default: 0] += 1
                }
                record(table, line: number)
                continue
            }
            guard let equals = Self.firstUnquoted("=", in: rest) else { continue }
            let key = Self.keyPath(rest[..<equals])
            record(table + key, line: number)
            let value = rest[rest.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
            if value.hasPrefix("\"\"\"") || value.hasPrefix("'''") {
                let delimiter = String(value.prefix(3))
                if value.dropFirst(3).range(of: delimiter) == nil { continuation = .string(delimiter) }
            } else if value.first == "[" {
                let depth = Self.bracketBalance(value)
                if depth > 0 { continuation = .array(depth) }
            } else if value.first == "{" {
                for inlineKey in Self.inlineKeys(value) { record(table + key + [inlineKey], line: number) }
            }
        }
    }

    /// The line of `path` (e.g. `["weights", "goal_match"]`), or of the nearest
    /// enclosing table that was written down.
    func line(of path: [String]) -> Int? {
        var path = prefix + path
        while !path.isEmpty {
            if let line = lineOfPath[path.joined(separator: ".")] { return line }
            path.removeLast()
        }
        return nil
    }

    /// Records `path` and every table it implies: `[a.b.c]` and `a.b.c = 1`
    /// also define `a` and `a.b` where they were not written before.
    private mutating func record(_ path: [String], line: Int) {
        var key = ""
        for (index, part) in path.enumerated() {
            key += index == 0 ? part : "." + part
            if lineOfPath[key] == nil { lineOfPath[key] = line }
        }
    }

    private enum _Continuation {
        case none
        case string(String)
        case array(Int)
    }

    /// `a."b c".d` → `["a", "b c", "d"]`.
    private static func keyPath(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimmingWhitespace())
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingWhitespace())
        return parts
    }

    /// Calls `body` with each character outside quoted strings, up to a
    /// comment (`#`); `body` returns `false` to stop early.
    private static func forEachUnquoted(_ text: Substring, _ body: (Substring.Index, Character) -> Bool) {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" || !body(index, character) {
                return
            }
            index = text.index(after: index)
        }
    }

    private static func firstUnquoted(_ target: Character, in text: Substring) -> Substring.Index? {
        var found: Substring.Index?
        forEachUnquoted(text) { index, character in
            if character == target { found = index }
            return found == nil
        }
        return found
    }

    /// Opening minus closing brackets outside strings and comments.
    private static func bracketBalance(_ text: Substring) -> Int {
        var balance = 0
        forEachUnquoted(text) { _, character in
            if character == "[" { balance += 1 } else if character == "]" { balance -= 1 }
            return true
        }
        return balance
    }

    /// The top-level keys of a one-line inline table `{ a = 1, "b" = 2 }`.
    private static func inlineKeys(_ text: Substring) -> [String] {
        var keys: [String] = []
        let body = text.dropFirst()
        var segmentStart = body.startIndex
        var depth = 0
        forEachUnquoted(body) { index, character in
            switch character {
            case "{", "[": depth += 1
            case "}", "]":
                if depth == 0 { return false }
                depth -= 1
            case "," where depth == 0: segmentStart = body.index(after: index)
            case "=" where depth == 0:
                if let key = keyPath(body[segmentStart..<index]).first { keys.append(key) }
            default: break
            }
            return true
        }
        return keys
    }
}
