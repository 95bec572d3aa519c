import Foundation

/// How free-text terms from forms are compared: goals, skills, levels,
/// regions, languages, organisations.
///
/// Both functions run once or more per cell of every sign-up, so they work on
/// UTF-8 bytes when the text is ASCII (almost always) and fall back to
/// Unicode-aware `Character` handling otherwise. On a 30,000-row export the
/// `Character`/Foundation versions took about 0.9 s of a 1.3 s load.
enum _Term {
    /// Lower-cased, with `-`, `_`, `/` and runs of white space turned into one
    /// space and the ends trimmed: "Machine-Learning " = "machine learning".
    static func normalised(_ text: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return normalisedUnicode(text) }
            if byte == 0x20 || (0x09...0x0D).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "/")
            {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func normalisedUnicode(_ text: some StringProtocol) -> String {
        var result = ""
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
    /// A cell written as a list literal by a script (`['a', 'b']` or
    /// `["a", "b"]`) gives its quoted entries instead.
    static func split(_ cell: String, separators: [String]) -> [Substring] {
        if let entries = listLiteral(cell[...]) { return entries }
        return pieces(cell[...], separators: separators).map(trimmed).filter { !$0.isEmpty }
    }

    /// The entries of `['a', "b, c"]`: quoted strings between commas, in
    /// brackets; `nil` when the cell is not written that way (an entry that
    /// is not quoted, text outside the brackets).
    static func listLiteral(_ cell: Substring) -> [Substring]? {
        let text = trimmed(cell)
        guard text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 else { return nil }
        var rest = trimmed(text.dropFirst().dropLast())
        var entries: [Substring] = []
        while let quote = rest.first {
            guard quote == "'" || quote == "\"", let close = rest.dropFirst().firstIndex(of: quote) else { return nil }
            let entry = trimmed(rest[rest.index(after: rest.startIndex)..<close])
            if !entry.isEmpty { entries.append(entry) }
            rest = trimmed(rest[rest.index(after: close)...])
            if rest.first == "," { rest = trimmed(rest.dropFirst()) } else if !rest.isEmpty { return nil }
        }
        return entries
    }

    /// `text` cut at every occurrence of any separator, empty pieces kept.
    ///
    /// Single-byte ASCII separators (the usual `;`, `,`, `|`, `:`) are found
    /// with a byte loop; the generic `split(separator:)` of a `String` took a
    /// quarter of the load time of a 30,000-row export.
    static func pieces(_ text: Substring, separators: [String]) -> [Substring] {
        let bytes = separators.compactMap { $0.utf8.count == 1 && $0.utf8.first! < 0x80 ? $0.utf8.first : nil }
        guard bytes.count == separators.count else {
            var pieces = [text]
            for separator in separators {
                pieces = pieces.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false) }
            }
            return pieces
        }
        var pieces: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if bytes.contains(utf8[index]) {
                pieces.append(text[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        pieces.append(text[start..<utf8.endIndex])
        return pieces
    }

    /// `text` without white space at either end.
    static func trimmed(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        let result = text[start..<end]
        // Non-ASCII white space (e.g. a no-break space) at the ends: the slow, exact path.
        if let first = result.first, let last = result.last, !first.isASCII || !last.isASCII,
            first.isWhitespace || last.isWhitespace
        {
            return Substring(result.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}

extension String {
    /// The string without white space at either end.
    func trimmingWhitespace() -> String {
        let trimmed = _Term.trimmed(self[...])
        return trimmed.utf8.count == utf8.count ? self : String(trimmed)
    }
}
