import Diagnostics

/// A commented first policy for a scheme's sign-up files, from their headers
/// and values: what `tandem init` writes.
///
/// Fields found by their name or usual wording are mapped (each with how it
/// was found); the other columns are guessed — yes/no, numbers, lists,
/// categories, levels, people named, free text — and offered as criteria.
/// The policy runs as written: guessed criteria are switched on only when
/// the form asks no skills and goals (so that something is matched on), as
/// points, never as hard rules; everything else is left commented out to
/// switch on. An ambiguous recognition is an error naming both headers.
public enum StarterPolicy {
    /// The starter policy for two sign-up files.
    ///
    /// - Throws: `InputDiagnostics` when a file cannot be read, or a field's
    ///   usual wording heads several columns.
    public static func write(mentors: String, mentees: String) throws(InputDiagnostics) -> String {
        var diagnostics = InputDiagnostics()
        let mentorTable = load(mentors, &diagnostics), menteeTable = load(mentees, &diagnostics)
        guard let mentorTable, let menteeTable else { throw diagnostics }
        return try draft(
            mentorTable, menteeTable, role: nil,
            command: "--mentors \(mentors) --mentees \(mentees)")
    }

    /// The starter policy for one sign-up file with a role column.
    public static func write(signups: String) throws(InputDiagnostics) -> String {
        var diagnostics = InputDiagnostics()
        guard let table = load(signups, &diagnostics),
            let split = _RoleColumn.split(table, policy: Policy(), diagnostics: &diagnostics),
            !diagnostics.hasErrors
        else { throw diagnostics }
        return try draft(split.mentors, split.mentees, role: split.role, command: "--signups \(signups)")
    }

    private static func load(_ path: String, _ diagnostics: inout InputDiagnostics) -> CSVTable? {
        do { return try CSVTable.load(path: path) } catch {
            diagnostics.append(contentsOf: error)
            return nil
        }
    }

    private static func draft(
        _ mentorTable: CSVTable, _ menteeTable: CSVTable, role: FileColumns.Use?, command: String
    ) throws(InputDiagnostics) -> String {
        var sides: [_StarterSide] = []
        var problems = InputDiagnostics()
        for (table, side) in [(mentorTable, Role.mentor), (menteeTable, Role.mentee)] {
            var loader = _SignupLoader(table: table, role: side, policy: Policy())
            var ignored = InputDiagnostics()
            _ = loader.findColumns(&ignored)
            for (field, columns) in loader.ambiguous.sorted(by: { $0.key < $1.key }) {
                problems.error(SourceLocation(file: table.path, row: 1), loader.ambiguity(field, columns))
            }
            sides.append(_StarterSide(loader: loader, roleHeader: role?.headers.first))
        }
        if problems.hasErrors { throw problems }
        var (mentors, mentees) = (sides[0], sides[1])
        _StarterSide.inferFields(&mentors, &mentees, separators: Policy().lists.separators)
        var text = _StarterText(command: command, mentors: mentors, mentees: mentees, role: role)
        return text.render()
    }
}

/// One side's columns as recognised, and the columns left to guess.
struct _StarterSide {
    let table: CSVTable
    let role: Role
    /// Field → headers and how they were found.
    var fields: [(field: String, headers: [String], source: String)] = []
    /// Headers no field reads, in file order.
    var unread: [String]
    /// Whether both sides' rows come from one file (a role column).
    let sharesFile: Bool
    /// Unread columns a form tool adds about the response.
    let formTool: [String]

    init(loader: _SignupLoader, roleHeader: String?) {
        table = loader.table
        role = loader.role
        sharesFile = roleHeader != nil
        let report = loader.columnReport
        fields = report.used.map { ($0.field, $0.headers, $0.source.rawValue) }
        // A form tool's own columns (Microsoft Forms' response "ID") are never guessed at.
        let header = loader.table.header
        let metadata = _SignupLoader.formMetadata(header.map(_Term.normalised)).sorted().map { header[$0] }
        let unreadHeaders = report.unread
        formTool = metadata.filter { unreadHeaders.contains($0) }
        unread = report.unread.filter { $0 != roleHeader && !metadata.contains($0) }
        // First and last names in two columns, when no name column was found.
        let keys = unread.map(_Term.normalised)
        if !fields.contains(where: { $0.field == "name" }),
            let first = keys.firstIndex(where: { ["first name", "given name", "forename"].contains($0) }),
            let last = keys.firstIndex(where: { ["last name", "surname", "family name"].contains($0) })
        {
            fields.append(("name", [unread[first], unread[last]], "guessed from two columns"))
            let names = [unread[first], unread[last]]
            unread = unread.filter { !names.contains($0) }
        }
    }

    func has(_ field: SignupField) -> Bool { fields.contains { $0.field == field.rawValue } }

    /// The unread columns this side answers, in file order: in a one-file
    /// export every column is in everybody's row, so a question is a side's
    /// when at least half its rows fill it.
    var questions: [String] {
        guard sharesFile else { return unread }
        return unread.filter { header in
            let cells = cells(header)
            return cells.filter { !$0.trimmingWhitespace().isEmpty }.count * 2 >= max(1, cells.count)
        }
    }

    /// What this side asks: its questions and the headers it reads as fields, normalised.
    var asks: Set<String> {
        Set((questions + fields.flatMap(\.headers)).map(_Term.normalised))
    }

    /// Every cell of the column with this header.
    func cells(_ header: String) -> [String] {
        guard let column = table.header.firstIndex(of: header) else { return [] }
        return table.records.map { $0.cell(column) }
    }

    /// The names, emails and ids of this side's people, normalised.
    var people: Set<String> {
        var keys = Set<String>()
        for field in ["name", "email", "id"] {
            for headers in fields where headers.field == field {
                for header in headers.headers { keys.formUnion(cells(header).map(_Term.normalised)) }
            }
        }
        keys.remove("")
        return keys
    }
}

extension _StarterSide {
    /// Fields the usual wordings missed, guessed from values across both
    /// files: an id column (a number or code, unique in each file), the
    /// mentors' capacity (numbers in a column about mentees), and goals or
    /// skills (a list one side asks whose values the other side's skills or
    /// goals use).
    static func inferFields(_ mentors: inout _StarterSide, _ mentees: inout _StarterSide, separators: [String]) {
        if !mentors.has(.id), !mentees.has(.id) {
            let words: Set<String> = ["number", "id", "no", "ref", "reference", "code"]
            for header in mentors.questions {
                let key = _Term.normalised(header)
                guard let menteeHeader = mentees.questions.first(where: { _Term.normalised($0) == key }),
                    !Set(key.split(separator: " ").map(String.init)).isDisjoint(with: words),
                    mentors.isUnique(header), mentees.isUnique(menteeHeader)
                else { continue }
                mentors.take(header, as: .id, "guessed: a code unique to each person")
                mentees.take(menteeHeader, as: .id, "guessed: a code unique to each person")
                break
            }
        }
        if !mentors.has(.capacity),
            let header = mentors.questions.first(where: { header in
                _Term.normalised(header).contains("mentee")
                    && mentors.cells(header).allSatisfy { Int($0.trimmingWhitespace()) != nil || $0.isEmpty }
            })
        {
            mentors.take(header, as: .capacity, "guessed: a number of mentees")
        }
        // Neither found: a mentors' list with levels ("budgeting:3") and a
        // mentees' list sharing most of its values are skills and goals.
        if !mentors.has(.skills), !mentees.has(.goals) {
            let menteeKeys = mentees.asks
            for header in mentors.questions
            where !menteeKeys.contains(_Term.normalised(header))
                && _ColumnGuess.hasLevels(mentors.cells(header), separators: separators)
            {
                let topics = Set(
                    _ColumnGuess.firstSpellings(mentors.cells(header), separators: separators).map(_Term.normalised))
                let mentorKeys = mentors.asks
                guard
                    let goals = mentees.questions.first(where: {
                        !mentorKeys.contains(_Term.normalised($0)) && mentees.mostlyAmong(topics, $0, separators)
                    })
                else {
                    continue
                }
                mentors.take(header, as: .skills, "guessed: lists of topic:level")
                mentees.take(goals, as: .goals, "guessed: its values are the mentors' skills")
                break
            }
        }
        for (side, other, field, otherField) in [
            (0, 1, SignupField.skills, SignupField.goals), (1, 0, .goals, .skills),
        ] {
            var pair = [mentors, mentees]
            guard !pair[side].has(field),
                let known = pair[other].fields.first(where: { $0.field == otherField.rawValue })
            else { continue }
            let topics = Set(
                _ColumnGuess.firstSpellings(known.headers.flatMap(pair[other].cells), separators: separators)
                    .map(_Term.normalised))
            let otherKeys = pair[other].asks
            let candidate = pair[side].questions.first { header in
                !otherKeys.contains(_Term.normalised(header)) && pair[side].mostlyAmong(topics, header, separators)
            }
            guard let candidate else { continue }
            pair[side].take(
                candidate, as: field, "guessed: its values are the \(pair[other].role.plural)' \(otherField.rawValue)")
            (mentors, mentees) = (pair[0], pair[1])
        }
    }

    /// Whether at least half the column's distinct values are among `topics`.
    func mostlyAmong(_ topics: Set<String>, _ header: String, _ separators: [String]) -> Bool {
        let values = _ColumnGuess.firstSpellings(cells(header), separators: separators)
        return !values.isEmpty && values.filter { topics.contains(_Term.normalised($0)) }.count * 2 >= values.count
    }

    /// Whether every cell of the column is filled and different.
    func isUnique(_ header: String) -> Bool {
        let values = cells(header).map { $0.trimmingWhitespace() }
        return !values.isEmpty && !values.contains("") && Set(values).count == values.count
    }

    /// Reads `header` as `field` from now on.
    mutating func take(_ header: String, as field: SignupField, _ why: String) {
        fields.append((field.rawValue, [header], why))
        unread.removeAll { $0 == header }
    }
}
