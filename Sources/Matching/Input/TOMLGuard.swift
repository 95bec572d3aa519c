/// A pass over policy text before TOMLKit sees it, refusing with a located
/// error the shapes that made its C++ parser (toml++) abort or overflow the
/// stack instead of reporting an error: a table header that is not one
/// (`[=`, `[:]`), brackets that close what they did not open (`s=["",}`), and
/// keys nested absurdly deep (a dotted key of 30,000 parts overflowed the
/// stack). It is no TOML parser: what it lets through, TOMLKit still checks.
///
/// It reads Unicode scalars, as the C++ parser reads code points, not Swift's
/// characters: `[` followed by a combining mark is one `Character` but still
/// opens a table header there (the three bytes `[`, U+031E, `.` aborted the
/// parser past a guard that compared characters; found by `make fuzz`).
enum _TOMLGuard {
    /// Keys may have at most this many parts (`a.b.c` has 3).
    static let deepestKey = 64

    static func check(_ text: String) throws(_TOMLSyntaxError) {
        var stack: [(opener: Unicode.Scalar, line: Int, column: Int)] = []
        var inString: Unicode.Scalar?  // the quote of the string being read, across lines for multi-line ones
        var multiline = false
        for (offset, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        {
            let number = offset + 1
            let characters = Array(line)
            let trimmed = characters.drop { $0 == " " || $0 == "\t" }
            if inString == nil, stack.isEmpty, trimmed.first == "[" {
                try header(Array(trimmed), line: number)
                continue
            }
            var dots = 0
            var index = 0
            while index < characters.count {
                let character = characters[index]
                if let quote = inString {
                    if quote == "\"", character == "\\" {
                        index += 2
                        continue
                    }
                    if character == quote {
                        if multiline {
                            if index + 2 < characters.count, characters[index + 1] == quote,
                                characters[index + 2] == quote
                            {
                                inString = nil
                                index += 3
                                continue
                            }
                        } else {
                            inString = nil
                        }
                    }
                    index += 1
                    continue
                }
                switch character {
                case "#":
                    index = characters.count
                    continue
                case "\"", "'":
                    multiline =
                        index + 2 < characters.count && characters[index + 1] == character
                        && characters[index + 2] == character
                    inString = character
                    index += multiline ? 3 : 1
                    continue
                case "[", "{":
                    stack.append((character, number, index + 1))
                case "]", "}":
                    let expected: Unicode.Scalar = character == "]" ? "[" : "{"
                    guard let open = stack.popLast(), open.opener == expected else {
                        throw _TOMLSyntaxError(
                            line: number, column: index + 1,
                            message: "a \"\(character)\" here closes nothing that it could close")
                    }
                case ".":
                    let digitBefore = index > 0 && ("0"..."9").contains(characters[index - 1])
                    let digitAfter = index + 1 < characters.count && ("0"..."9").contains(characters[index + 1])
                    if !(digitBefore && digitAfter) { dots += 1 }
                default:
                    break
                }
                index += 1
            }
            if inString != nil, !multiline {
                throw _TOMLSyntaxError(
                    line: number, column: characters.count, message: "a string is not closed on its line")
            }
            if dots >= deepestKey {
                throw _TOMLSyntaxError(
                    line: number, column: 1, message: "keys nest more than \(deepestKey) levels deep here")
            }
        }
        if let open = stack.last {
            throw _TOMLSyntaxError(
                line: open.line, column: open.column, message: "this \"\(open.opener)\" is never closed")
        }
    }

    /// A table header: `[key.key]` or `[[key.key]]`, each key bare or quoted,
    /// then at most a comment.
    private static func header(_ characters: [Unicode.Scalar], line: Int) throws(_TOMLSyntaxError) {
        func fail(_ message: String) -> _TOMLSyntaxError { _TOMLSyntaxError(line: line, column: 1, message: message) }
        func isBare(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-"
        }
        let double = characters.count > 1 && characters[1] == "["
        var index = double ? 2 : 1
        var parts = 0
        func skipSpaces() {
            while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        }
        while true {
            skipSpaces()
            guard index < characters.count else { throw fail("this table header is not closed") }
            let character = characters[index]
            if character == "\"" || character == "'" {
                index += 1
                while index < characters.count, characters[index] != character {
                    index += character == "\"" && characters[index] == "\\" ? 2 : 1
                }
                guard index < characters.count else { throw fail("a quoted key in this table header is not closed") }
                index += 1
            } else if isBare(character) {
                while index < characters.count, isBare(characters[index]) { index += 1 }
            } else {
                throw fail("this is not a table header: write [section] with a name of letters, digits, _ or -")
            }
            parts += 1
            if parts > deepestKey { throw fail("keys nest more than \(deepestKey) levels deep here") }
            skipSpaces()
            guard index < characters.count else { throw fail("this table header is not closed") }
            if characters[index] == "." {
                index += 1
                continue
            }
            break
        }
        let closing: [Unicode.Scalar] = double ? ["]", "]"] : ["]"]
        guard characters[index...].starts(with: closing) else {
            throw fail("this is not a table header: write [section] with a name of letters, digits, _ or -")
        }
        index += closing.count
        skipSpaces()
        guard index == characters.count || characters[index] == "#" || characters[index] == "\r" else {
            throw fail("a table header is followed by something other than a comment")
        }
    }
}
