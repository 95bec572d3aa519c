/// What a sign-up column seems to hold, guessed from its header and values:
/// what `tandem init` proposes for the columns no field recognised.
enum _ColumnGuess: Equatable {
    /// Every cell is blank.
    case empty
    /// When the form was filled in, or other bookkeeping ("Timestamp").
    case bookkeeping
    /// Yes or no answers: an opt-in.
    case yesNo
    /// Numbers (years of experience).
    case number
    /// Lists of repeated values (time slots, interests), and how many distinct.
    case list(values: [String])
    /// One of a few repeated values (profession, industry).
    case category(values: [String])
    /// Names, emails or ids of people on the other side: preferences.
    case people
    /// Free text: read by nobody.
    case freeText

    private static let yes: Set<String> = ["yes", "y", "true", "1", "x"]
    private static let no: Set<String> = ["no", "n", "false", "0", "prefer not to say", "not sure"]

    /// Classifies a column from its header and every cell it has (on both
    /// sides, for a question both files ask); `people` are the other side's
    /// names, emails and ids, normalised.
    static func classify(header: String, cells: [String], separators: [String], people: Set<String>) -> _ColumnGuess {
        let filled = cells.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !filled.isEmpty else { return .empty }
        let words = Set(_Term.normalised(header).split(separator: " ").map(String.init))
        if !words.isDisjoint(with: ["timestamp", "time", "date", "submitted", "consent", "agree"]) {
            return .bookkeeping
        }
        let keys = filled.map(_Term.normalised)
        if keys.allSatisfy({ yes.contains($0) || no.contains($0) }) { return .yesNo }
        if filled.allSatisfy({ Double($0.replacingOccurrences(of: ",", with: ".")) != nil }) { return .number }
        // "consulting:3" on a mentor's side is the value "consulting" at a level.
        let entries = filled.map { _Term.split($0, separators: separators).map { _Term.normalised(topic(of: $0)) } }
        let all = entries.flatMap { $0 }
        if !people.isEmpty, all.filter(people.contains).count * 2 >= all.count { return .people }
        let distinct = Array(Set(all)).sorted()
        // Values repeat: at most two thirds of the entries are distinct, and
        // a category has few values (free text is nearly all distinct).
        guard distinct.count * 3 <= all.count * 2 || distinct.count <= 1 else { return .freeText }
        let written = firstSpellings(filled, separators: separators)
        if entries.contains(where: { $0.count > 1 }) { return .list(values: written) }
        return distinct.count <= 30 ? .category(values: written) : .freeText
    }

    /// Each distinct entry as first written, in order of first use (levels cut off).
    static func firstSpellings(_ cells: [String], separators: [String]) -> [String] {
        var seen = Set<String>()
        var values: [String] = []
        for cell in cells {
            for entry in _Term.split(cell, separators: separators).map(topic)
            where seen.insert(_Term.normalised(entry)).inserted {
                values.append(String(entry))
            }
        }
        return values
    }

    /// An entry without a trailing level: "consulting:3" → "consulting".
    static func topic(of entry: Substring) -> Substring {
        let pieces = _Term.pieces(entry, separators: [":"])
        guard pieces.count == 2, Int(_Term.trimmed(pieces[1])) != nil else { return entry }
        return _Term.trimmed(pieces[0])
    }

    /// Whether some entries carry a level ("consulting:3").
    static func hasLevels(_ cells: [String], separators: [String]) -> Bool {
        cells.contains { cell in _Term.split(cell, separators: separators).contains { topic(of: $0) != $0 } }
    }

    /// The values lowest first when they read as levels: each holds a number
    /// ("Grade 7", "G6", "Band 5") or a usual word for a rung ("junior",
    /// "senior", "lead"); `nil` otherwise.
    static func levelOrder(_ values: [String]) -> [String]? {
        let rungs = [
            "intern", "trainee", "apprentice", "student", "graduate", "junior", "associate", "assistant", "mid",
            "intermediate", "experienced", "senior", "lead", "principal", "manager", "head", "director", "executive",
        ]
        func rank(_ value: String) -> Double? {
            let key = _Term.normalised(value)
            if let digits = key.split(whereSeparator: { !$0.isNumber }).first, let number = Double(digits) {
                return number
            }
            for word in key.split(separator: " ") {
                if let position = rungs.firstIndex(of: String(word)) { return Double(position) }
            }
            return nil
        }
        let ranked = values.map { ($0, rank($0)) }
        guard values.count >= 2, ranked.allSatisfy({ $0.1 != nil }) else { return nil }
        return ranked.sorted { $0.1! < $1.1! }.map(\.0)
    }
}
