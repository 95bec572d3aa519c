import Foundation
import _TandemUtilities

/// The text of a starter policy: column mappings with how each was found,
/// then a criterion for each guessed column, commented with the guess and
/// its alternatives.
struct _StarterText {
    let command: String
    let mentors: _StarterSide
    let mentees: _StarterSide
    let role: FileColumns.Use?
    private var lines: [String] = []
    private let separators = Policy().lists.separators

    init(command: String, mentors: _StarterSide, mentees: _StarterSide, role: FileColumns.Use?) {
        self.command = command
        self.mentors = mentors
        self.mentees = mentees
        self.role = role
    }

    mutating func render() -> String {
        let matchesTopics = mentors.has(.skills) && mentees.has(.goals)
        lines = [
            "# Starter policy written by `tandem init` from the sign-ups' headers and values.",
            "# Check each guess, change what is wrong, then run:",
            "#   tandem validate \(command) --policy THIS_FILE",
            "# Every key and its default: datasets/policies/reference.toml; criteria: the",
            "# README's \"Matching criteria of your own\".",
            "name = \"Mentoring round\"",
            "",
        ]
        writeColumns()
        let guesses = guessedCriteria()
        if !matchesTopics {
            lines += [
                "",
                "# The form asks no skills and goals (the built-in goals × skills match), so",
                guesses.contains(where: \.enabled)
                    ? "# the guessed criteria below are switched on, as points only."
                    : "# nothing recognisable to match on was found: switch on a criterion below.",
            ]
        }
        for guess in guesses {
            lines.append("")
            lines += guess.comment.map { "# " + $0 }
            lines += guess.keys.map { guess.enabled ? $0 : "# " + $0 }
        }
        let ignored = ignoredColumns()
        if !ignored.isEmpty {
            lines += ["", "# Not read (bookkeeping, free text or empty): " + ignored.joined(separator: ", ")]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Columns

    private mutating func writeColumns() {
        let shared = mentors.fields.filter { field in
            mentees.fields.contains { $0.field == field.field && $0.headers == field.headers }
        }
        func entry(_ field: (field: String, headers: [String], source: String)) -> String {
            let value =
                field.headers.count == 1
                ? doubleQuoted(field.headers[0])
                : "[" + field.headers.map { doubleQuoted($0) }.joined(separator: ", ") + "]"
            return pad("\(field.field) = \(value)") + "# \(field.source)"
        }
        lines.append("[columns]")
        if let role {
            lines.append(pad("role = \(doubleQuoted(role.headers[0]))") + "# who is a mentor, a mentee or both")
        }
        lines += shared.map(entry)
        for side in [mentors, mentees] {
            let own = side.fields.filter { field in !shared.contains { $0.field == field.field } }
            guard !own.isEmpty else { continue }
            lines += ["", "[columns.\(side.role.plural)]"] + own.map(entry)
        }
        writeSeniority()
    }

    /// The seniority columns: the recognised one, or every column both
    /// sides answer whose header speaks of a grade, level or band (a ladder
    /// each); levels commented out, in the order guessed.
    private mutating func writeSeniority() {
        let ladderWords: Set<String> = ["grade", "level", "band", "seniority", "stage", "rank"]
        func ladders(_ side: _StarterSide) -> [String] {
            if let field = side.fields.first(where: { $0.field == "seniority" }) { return field.headers }
            return side.questions.filter {
                !ladderWords.isDisjoint(with: _Term.normalised($0).split(separator: " ").map(String.init))
            }
        }
        let mentorLadders = ladders(mentors), menteeLadders = ladders(mentees)
        guard !mentorLadders.isEmpty, mentorLadders.map(_Term.normalised) == menteeLadders.map(_Term.normalised)
        else { return }
        let values = _ColumnGuessValues.values(
            mentorLadders.flatMap(mentors.cells) + menteeLadders.flatMap(mentees.cells))
        let ordered = _ColumnGuess.levelOrder(values)
        lines += ["", "# Seniority plays a part once its levels are listed, lowest first"]
        if !mentors.has(.seniority) {
            let headers =
                mentorLadders.count == 1
                ? doubleQuoted(mentorLadders[0])
                : "[" + mentorLadders.map { doubleQuoted($0) }.joined(separator: ", ") + "]"
            lines += [
                mentorLadders.count == 1
                    ? "# (this column speaks of levels; to use it, add under [columns]:"
                    : "# (each of these columns is a ladder of levels; to use them, add under [columns]:",
                "#   seniority = \(headers)",
                mentorLadders.count > 1
                    ? "# and read each ladder's levels as one scale under [seniority.equivalents])." : "# ).",
            ]
        }
        lines += [
            ordered == nil
                ? "# Put these in order:" : "# Ordered by the numbers or usual words in them; check the order:",
            "# [seniority]",
            "# levels = [" + (ordered ?? values).map { doubleQuoted($0) }.joined(separator: ", ") + "]",
            "# minimum_gap = 1",
        ]
    }

    // MARK: Guesses

    /// One proposed criterion: its keys, whether switched on, and why.
    struct Guess {
        var keys: [String]
        var comment: [String]
        var enabled: Bool
    }

    private func guessedCriteria() -> [Guess] {
        let matchesTopics = mentors.has(.skills) && mentees.has(.goals)
        var guesses: [Guess] = []
        let menteeKeys = Dictionary(
            mentees.questions.map { (_Term.normalised($0), $0) }, uniquingKeysWith: { first, _ in first })
        for header in mentors.questions {
            guard let menteeHeader = menteeKeys[_Term.normalised(header)] else { continue }
            let cells = mentors.cells(header) + mentees.cells(menteeHeader)
            let guess = _ColumnGuess.classify(header: header, cells: cells, separators: separators, people: [])
            if let proposal = criterion(for: header, guess, enable: !matchesTopics) { guesses.append(proposal) }
        }
        // Questions of one side only: people named, and opt-ins.
        for (side, other) in [(mentees, mentors), (mentors, mentees)] {
            let otherKeys = other.asks
            for header in side.questions where !otherKeys.contains(_Term.normalised(header)) {
                let guess = _ColumnGuess.classify(
                    header: header, cells: side.cells(header), separators: separators, people: other.people)
                switch guess {
                case .people:
                    guesses.append(
                        Guess(
                            keys: [
                                "[[criteria]]", "label = \"someone you asked for\"", "kind = \"preferences\"",
                                "column = \(doubleQuoted(header))",
                                side.role == .mentee ? "side = \"mentee\"" : "side = \"mentor\"",
                                "weight = 5", "decay = 0.8",
                            ],
                            comment: [
                                "\(doubleQuoted(header)) (the \(side.role.plural)' file) names people of the other side: preferences,",
                                "first choice first. To pair people only with someone they named: rule = \"required\".",
                            ],
                            enabled: false))
                case .yesNo where side.role == .mentee:
                    guesses.append(
                        Guess(
                            keys: [
                                "[[criteria]]", "label = \"…\"", "kind = \"requested\"", "column = \"…\"",
                                "opt_in = \(doubleQuoted(header))", "weight = 5",
                            ],
                            comment: [
                                "\(doubleQuoted(header)) (the mentees' file) is a yes/no question: an opt-in. A requested",
                                "criterion applies only to mentees who answered yes, and is private.",
                            ],
                            enabled: false))
                case .yesNo:
                    guesses.append(
                        Guess(
                            keys: [
                                "[[criteria]]", "label = \"…\"", "kind = \"same\"", "column = \"…\"",
                                "rule = \"required\"", "mentor_opt_in = \(doubleQuoted(header))",
                            ],
                            comment: [
                                "\(doubleQuoted(header)) (the mentors' file) is a yes/no question: a mentor's own filter. With",
                                "mentor_opt_in, a criterion's rule applies only to mentors who answered yes.",
                            ],
                            enabled: false))
                case .category, .list, .number:
                    guesses.append(
                        Guess(
                            keys: [],
                            comment: [
                                "\(doubleQuoted(header)) is asked of \(side.role.plural) only; a criterion reads a question of both",
                                "sides (mentee_column = \"…\" and mentor_column = \"…\" when they are worded differently).",
                            ],
                            enabled: false))
                case .empty, .bookkeeping, .freeText: break
                }
            }
        }
        return guesses
    }

    /// The criterion proposed for a question both sides answer.
    private func criterion(for header: String, _ guess: _ColumnGuess, enable: Bool) -> Guess? {
        let topic = Self.topic(header)
        switch guess {
        case .category(let values):
            if let ordered = _ColumnGuess.levelOrder(values) {
                return Guess(
                    keys: [
                        "[[criteria]]", "label = \(doubleQuoted("the right step in " + topic))", "kind = \"levels\"",
                        "column = \(doubleQuoted(header))",
                        "scale = [" + ordered.map { doubleQuoted($0) }.joined(separator: ", ") + "]",
                        "minimum_gap = 1",
                    ],
                    comment: [
                        "\(doubleQuoted(header)) reads as levels (ordered by the numbers or usual words in them; check",
                        "the order). minimum_gap = 1: a mentor at least one level above the mentee.",
                    ],
                    enabled: false)
            }
            return Guess(
                keys: [
                    "[[criteria]]", "label = \(doubleQuoted(Self.same(header)))", "kind = \"same\"",
                    "column = \(doubleQuoted(header))", "weight = 1",
                ],
                comment: [
                    "\(doubleQuoted(header)): one of \(values.count) values (\(Self.sample(values))).",
                    "To require it: rule = \"required\"; to keep them apart: rule = \"forbidden\".",
                ],
                enabled: enable)
        case .list(let values) where _ColumnGuess.hasLevels(mentors.cells(header), separators: separators):
            return Guess(
                keys: [
                    "[[criteria]]", "label = \(doubleQuoted(Self.inCommon(header)))", "kind = \"overlap\"",
                    "column = \(doubleQuoted(header))", "weight = 1", "decay = 0.8",
                ],
                comment: [
                    "\(doubleQuoted(header)): lists of \(values.count) values (\(Self.sample(values))), with levels on the",
                    "mentors' side: the mentee's first entry met at level 1 earns weight, each later one 0.8 of",
                    "the one before, times weights.skill_level for the mentor's level.",
                ],
                enabled: enable)
        case .list(let values):
            return Guess(
                keys: [
                    "[[criteria]]", "label = \(doubleQuoted(Self.inCommon(header)))", "kind = \"share\"",
                    "column = \(doubleQuoted(header))", "weight = 1",
                ],
                comment: [
                    "\(doubleQuoted(header)): lists of \(values.count) values (\(Self.sample(values))); a point per value",
                    "in common. To require one in common: rule = \"required\". If the mentee's order",
                    "matters: kind = \"overlap\".",
                ],
                enabled: enable)
        case .number:
            return Guess(
                keys: [
                    "[[criteria]]", "label = \(doubleQuoted("more " + topic))", "kind = \"difference\"",
                    "column = \(doubleQuoted(header))", "minimum = 0",
                ],
                comment: [
                    "\(doubleQuoted(header)): numbers. minimum = 0: the mentor's at least the mentee's; for points,",
                    "ideal = the difference wanted, tolerance = how far from it, weight = points.",
                ],
                enabled: false)
        case .yesNo:
            return Guess(
                keys: [],
                comment: ["\(doubleQuoted(header)): yes or no on both sides; not read."],
                enabled: false)
        case .empty, .bookkeeping, .freeText, .people: return nil
        }
    }

    /// Headers no field or guess reads.
    private func ignoredColumns() -> [String] {
        var ignored = mentors.formTool.map { doubleQuoted($0) }
        for header in mentees.formTool.map({ doubleQuoted($0) }) where !ignored.contains(header) {
            ignored.append(header)
        }
        for (side, other) in [(mentors, mentees), (mentees, mentors)] {
            for header in side.unread where !ignored.contains(doubleQuoted(header)) {
                let otherHeader = other.unread.first { _Term.normalised($0) == _Term.normalised(header) }
                let cells = side.cells(header) + (otherHeader.map(other.cells) ?? [])
                switch _ColumnGuess.classify(
                    header: header, cells: cells, separators: separators, people: otherHeader == nil ? other.people : []
                )
                {
                case .empty, .bookkeeping, .freeText: ignored.append(doubleQuoted(header))
                default: break
                }
            }
        }
        return ignored
    }

    // MARK: Text

    /// "When are you free? (tick all)" → "when are you free".
    static func topic(_ header: String) -> String {
        let cut = header.split(separator: "(").first.map(String.init) ?? header
        return cut.trimmingWhitespace().trimmingCharacters(in: ["?", ":", "."]).lowercased()
    }

    /// A label for a list question: "interests in common", or for a
    /// question ("When are you free?") "an answer in common to …".
    static func inCommon(_ header: String) -> String {
        header.contains("?") ? "answers in common to '\(question(header))'" : topic(header) + " in common"
    }

    /// "the same profession", or for a question "the same answer to 'Which …?'".
    static func same(_ header: String) -> String {
        header.contains("?") ? "the same answer to '\(question(header))'" : "the same " + topic(header)
    }

    /// The question without its parenthesised hint: "When are you free?".
    static func question(_ header: String) -> String {
        (header.split(separator: "(").first.map(String.init) ?? header).trimmingWhitespace()
    }

    static func sample(_ values: [String]) -> String {
        values.prefix(4).joined(separator: ", ") + (values.count > 4 ? ", …" : "")
    }

    private func pad(_ text: String) -> String {
        text.count >= 34 ? text + "  " : text.padding(toLength: 34, withPad: " ", startingAt: 0)
    }
}

/// The distinct non-blank cells of a column, as first written.
enum _ColumnGuessValues {
    static func values(_ cells: [String]) -> [String] {
        var seen = Set<String>()
        return cells.map { $0.trimmingWhitespace() }.filter {
            !$0.isEmpty && seen.insert(_Term.normalised($0)).inserted
        }
    }
}
