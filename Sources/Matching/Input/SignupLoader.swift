import Diagnostics
import Foundation

/// Reads one sign-up CSV (mentors or mentees) into participants.
///
/// Columns are found by header name: the policy's mapping first, then the
/// canonical field name, case-insensitively. Nothing is coerced silently; each
/// bad cell is reported with its row and column, and loading goes on so that
/// every problem is reported in one run.
struct _SignupLoader {
    let table: CSVTable
    let role: Role
    let policy: Policy

    /// The column indices of each field present in the file (several when
    /// the policy maps a field to several headers).
    private(set) var columnsOf: [SignupField: [Int]] = [:]
    /// How each field's columns were found.
    private var sourceOf: [SignupField: FileColumns.Source] = [:]
    /// Whether every required column was found (else no row was read).
    private(set) var hasColumns = false
    /// Fields whose usual wordings head several columns.
    private(set) var ambiguous: [SignupField: [Int]] = [:]

    /// Normalised seniority level → its index.
    private let levelIndex: [String: Int]
    /// Each of the policy's criteria: the columns it reads in this file.
    var criterionColumns: [[Int]] = []
    /// Each criterion: its opt-in column in this file, if it has one on this side.
    var optInColumns: [Int?] = []
    /// Each `levels` criterion: normalised level or equivalent → index.
    let criterionLevels: [[String: Int]]
    /// The "did you mean" clause of each unknown term met so far: a term
    /// repeated on every row is looked up once.
    private var suggestions: [String: String] = [:]

    init(table: CSVTable, role: Role, policy: Policy) {
        self.table = table
        self.role = role
        self.policy = policy
        var levelIndex: [String: Int] = [:]
        for (index, level) in policy.seniority.levels.enumerated() { levelIndex[_Term.normalised(level)] = index }
        for (other, level) in policy.seniority.equivalents {
            if let index = levelIndex[_Term.normalised(level)] { levelIndex[_Term.normalised(other)] = index }
        }
        self.levelIndex = levelIndex
        criterionLevels = policy.criteria.map(Self.levelIndex)
    }

    mutating func load(taxonomy: inout Taxonomy, diagnostics: inout InputDiagnostics) -> [Participant] {
        hasColumns = findColumns(&diagnostics)
        guard hasColumns else { return [] }
        if table.records.isEmpty {
            diagnostics.error(
                SourceLocation(file: table.path), "has a header but no \(role.plural); each \(role) needs a row.")
        }
        var participants: [Participant] = []
        participants.reserveCapacity(table.records.count)
        var firstRowOfID: [String: Int] = [:]
        var firstRowOfEmail: [String: Int] = [:]
        for record in table.records {
            let participant = read(record, taxonomy: &taxonomy, diagnostics: &diagnostics)
            if let earlier = firstRowOfID[participant.id.rawValue] {
                diagnostics.error(
                    location(record, .id),
                    "the id \"\(participant.id)\" is already used on row \(earlier); ids must be unique within \(role.plural)."
                )
            } else if !participant.id.rawValue.isEmpty {
                firstRowOfID[participant.id.rawValue] = record.row
            }
            let emailKey = participant.email.lowercased()
            if let earlier = firstRowOfEmail[emailKey] {
                diagnostics.error(
                    location(record, .email),
                    "the email \"\(participant.email)\" is already used on row \(earlier); each \(role) signs up once.")
            } else if !emailKey.isEmpty {
                firstRowOfEmail[emailKey] = record.row
            }
            participants.append(participant)
        }
        return participants
    }

    // MARK: Columns

    /// Finds each field's columns; whether every required one was found.
    mutating func findColumns(_ diagnostics: inout InputDiagnostics) -> Bool {
        let mapping = role == .mentor ? policy.columns.mentors : policy.columns.mentees
        let headerKeys = table.header.map(_Term.normalised)
        let headerRow = SourceLocation(file: table.path, row: 1)
        let metadata = Self.formMetadata(headerKeys)
        var complete = true
        for field in SignupField.allCases where field.applies(to: role) {
            if let headers = mapping[field] {
                var columns: [Int] = []
                for header in headers {
                    if let index = headerKeys.firstIndex(of: _Term.normalised(header)) {
                        columns.append(index)
                    } else {
                        diagnostics.error(
                            headerRow,
                            "the policy maps \(field.rawValue) to the column \"\(header)\", which this file does not have\(Suggestion.clause(for: header, among: table.header))."
                        )
                        complete = false
                    }
                }
                if columns.count == headers.count { (columnsOf[field], sourceOf[field]) = (columns, .mapped) }
                continue
            }
            if let index = headerKeys.firstIndex(of: field.rawValue), !metadata.contains(index) {
                (columnsOf[field], sourceOf[field]) = ([index], .named)
                continue
            }
            // The usual wordings of form tools, when exactly one header matches.
            let matches = headerKeys.indices.filter { field.commonHeaders.contains(headerKeys[$0]) }
            if matches.count == 1 {
                (columnsOf[field], sourceOf[field]) = (matches, .recognised)
                continue
            }
            if matches.count > 1 {
                // Reading either could be the wrong column without a word.
                diagnostics.error(headerRow, ambiguity(field, matches))
                ambiguous[field] = matches
                complete = false
                continue
            }
            // A form tool's own email or name column, when the form asked
            // for none and it holds real values (not "anonymous").
            if matches.isEmpty, field == .email || field == .name,
                let index = headerKeys.firstIndex(of: field.rawValue), metadata.contains(index),
                holdsRealValues(index, field)
            {
                (columnsOf[field], sourceOf[field]) = ([index], .formTool)
                continue
            }
            // Email is required when there is no id column to identify people.
            // Skills and goals are optional for a scheme that matches on criteria of its own.
            let isRequired =
                (field == .email && columnsOf[.id] == nil)
                || ((field == .skills || field == .goals) && policy.criteria.isEmpty)
                || (field == .seniority && !policy.seniority.levels.isEmpty)
            if isRequired {
                let why =
                    field == .seniority
                    ? " (the policy sets seniority levels)"
                    : field == .email ? " (each \(role) needs an email, an id, or both)" : ""
                diagnostics.error(
                    headerRow,
                    "the required column \"\(field.rawValue)\"\(why) is missing; name it in the header, or map the file's own header in the policy under [columns.\(role.plural)]\(Suggestion.clause(for: field.rawValue, among: table.header))."
                )
                complete = false
            }
        }
        findCriterionColumns(&diagnostics)
        return complete
    }

    /// "“Email address” and “Your email” could each be the email column; …"
    func ambiguity(_ field: SignupField, _ columns: [Int]) -> String {
        let headers = columns.map { "\"\(table.header[$0])\"" }
        return
            "\(headers.joined(separator: " and ")) could each be the \(field.rawValue) column; name the one meant in the policy under [columns.\(role.plural)] (\(field.rawValue) = \(headers[0]))."
    }

    /// Which header feeds which field, and the headers nothing reads.
    var columnReport: FileColumns {
        var used: [FileColumns.Use] = []
        var read = Set<Int>()
        for field in SignupField.allCases {
            guard let columns = columnsOf[field], let source = sourceOf[field] else { continue }
            used.append(.init(field: field.rawValue, headers: columns.map { table.header[$0] }, source: source))
            read.formUnion(columns)
        }
        used += criterionUses
        for columns in criterionColumns { read.formUnion(columns) }
        read.formUnion(optInColumns.compactMap { $0 })
        let unread = table.header.indices.filter { !read.contains($0) }.map { table.header[$0] }
        return FileColumns(file: table.path, role: role, used: used, unread: unread)
    }

    /// The columns a form tool adds about the response rather than the
    /// person. Microsoft Forms (known by its "Start time" and "Completion
    /// time") begins with "ID" (the response's number, not a person's id),
    /// "Email" and "Name" (the account that answered: "anonymous" for an
    /// anonymous form). These never stand for a field by their name alone.
    static func formMetadata(_ headerKeys: [String]) -> Set<Int> {
        guard headerKeys.contains("start time"), headerKeys.contains("completion time") else { return [] }
        let names: Set<String> = ["id", "start time", "completion time", "email", "name", "last modified time"]
        return Set(headerKeys.indices.filter { names.contains(headerKeys[$0]) })
    }

    /// Whether a form tool's email or name column holds values of a person:
    /// some email address, or some name that is not "anonymous".
    private func holdsRealValues(_ column: Int, _ field: SignupField) -> Bool {
        table.records.contains { record in
            let value = record.cell(column).trimmingWhitespace()
            return field == .email
                ? value.utf8.contains(UInt8(ascii: "@")) : !value.isEmpty && _Term.normalised(value) != "anonymous"
        }
    }

    /// Where a field's value is: the first of its columns with a value (the
    /// first column when all are empty).
    private func location(_ record: CSVTable.Record, _ field: SignupField) -> SourceLocation {
        let columns = columnsOf[field] ?? []
        let column = columns.first { !record.cell($0).trimmingWhitespace().isEmpty } ?? columns.first
        return SourceLocation(file: table.path, row: record.row, column: column.map { $0 + 1 })
    }

    /// A field's value: from one column as written; from several, the text
    /// fields' non-empty cells joined by a space, any other's first non-empty
    /// cell (lists are read by ``entries(_:_:)``).
    private func cell(_ record: CSVTable.Record, _ field: SignupField) -> String {
        guard let columns = columnsOf[field] else { return "" }
        if columns.count == 1 { return record.cell(columns[0]).trimmingWhitespace() }
        let values = columns.map { record.cell($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        switch field {
        case .name, .organisation, .department, .region: return values.joined(separator: " ")
        default: return values.first ?? ""
        }
    }

    /// The entries of a list field (skills, goals, languages), from each of
    /// its columns in turn.
    private func entries(_ record: CSVTable.Record, _ field: SignupField) -> [Substring] {
        (columnsOf[field] ?? []).flatMap {
            _Term.split(record.cell($0), separators: policy.lists.separators)
        }
    }

    // MARK: Rows

    private mutating func read(
        _ record: CSVTable.Record, taxonomy: inout Taxonomy, diagnostics: inout InputDiagnostics
    ) -> Participant {
        // A participant needs one identifier: an id, an email, or both.
        let email = cell(record, .email)
        var id = cell(record, .id)
        if !email.isEmpty, !email.utf8.contains(UInt8(ascii: "@")) || email.utf8.contains(UInt8(ascii: " ")) {
            diagnostics.error(location(record, .email), "\"\(email)\" does not look like an email address.")
        }
        if id.isEmpty { id = email }
        if id.isEmpty {
            let which =
                columnsOf[.id] == nil
                ? "the email is empty; every \(role) needs an email address (or add an id column)."
                : columnsOf[.email] == nil
                    ? "the id is empty; every \(role) needs one."
                    : "the id and the email are both empty; every \(role) needs one of them."
            diagnostics.error(location(record, columnsOf[.id] == nil ? .email : .id), which)
        }
        let name = cell(record, .name)
        var participant = Participant(
            role: role, id: ParticipantID(id), name: name.isEmpty ? id : name, email: email,
            organisation: cell(record, .organisation), department: cell(record, .department),
            seniority: nil, region: cell(record, .region), meeting: .either,
            languages: entries(record, .languages).map(String.init),
            manager: cell(record, .manager), skills: [], capacity: 0, goals: [], outOfScopeGoals: [], row: record.row)
        participant.seniority = seniority(record, &diagnostics)
        participant.answers = answers(record, &diagnostics)
        let meetingCell = cell(record, .meeting)
        if let meeting = MeetingMode(cell: meetingCell) {
            participant.meeting = meeting
        } else {
            diagnostics.error(
                location(record, .meeting),
                "the meeting mode \"\(meetingCell)\" is not one of online, in person, either\(Suggestion.clause(for: _Term.normalised(meetingCell), among: MeetingMode.allCases.map(\.rawValue)))."
            )
        }
        switch role {
        case .mentor:
            participant.skills = skills(record, taxonomy: &taxonomy, &diagnostics)
            participant.capacity = capacity(record, &diagnostics)
        case .mentee:
            (participant.goals, participant.outOfScopeGoals) = goals(record, taxonomy: &taxonomy, &diagnostics)
        }
        return participant
    }

    private func seniority(_ record: CSVTable.Record, _ diagnostics: inout InputDiagnostics) -> Int? {
        let levels = policy.seniority.levels
        guard !levels.isEmpty else { return nil }
        let written = cell(record, .seniority)
        if let index = levelIndex[_Term.normalised(written)], !written.isEmpty { return index }
        let what =
            written.isEmpty
            ? "the seniority level is empty" : "the seniority level \"\(written)\" is not one of the policy's levels"
        diagnostics.error(
            location(record, .seniority),
            "\(what) (\(levels.joined(separator: ", ")))\(Suggestion.clause(for: written, among: levels)).")
        return nil
    }

    private func capacity(_ record: CSVTable.Record, _ diagnostics: inout InputDiagnostics) -> Int {
        let written = cell(record, .capacity)
        guard columnsOf[.capacity] != nil else { return policy.defaultCapacity }
        guard !written.isEmpty else {
            diagnostics.warning(
                location(record, .capacity),
                "the capacity is blank, so this mentor takes the default of \(policy.defaultCapacity) (default_capacity in the policy)."
            )
            return policy.defaultCapacity
        }
        guard let capacity = Int(written), capacity >= 1, capacity <= Participant.maximumCapacity else {
            let why =
                Int(written).map {
                    $0 < 1
                        ? "must be at least 1; leave out mentors who cannot take anyone this round"
                        : "is more than \(Participant.maximumCapacity) mentees"
                } ?? "is not a whole number"
            diagnostics.error(location(record, .capacity), "the capacity \"\(written)\" \(why).")
            return policy.defaultCapacity
        }
        return capacity
    }

    private mutating func skills(
        _ record: CSVTable.Record, taxonomy: inout Taxonomy, _ diagnostics: inout InputDiagnostics
    ) -> [Participant.Skill] {
        let levels = policy.weights.skillLevel.count
        let separator = policy.lists.levelSeparator
        var skills: [Participant.Skill] = []
        for entry in entries(record, .skills) {
            let parts = _Term.pieces(entry, separators: [separator])
            let term = String(_Term.trimmed(parts[0]))
            var level = policy.lists.defaultSkillLevel
            if parts.count > 2 || term.isEmpty {
                diagnostics.error(
                    location(record, .skills),
                    "the skill entry \"\(entry)\" is malformed; write a skill as name\(separator)level, such as python\(separator)3."
                )
                continue
            }
            if parts.count == 2 {
                let levelText = String(_Term.trimmed(parts[1]))
                if levelText.isEmpty {
                    diagnostics.error(
                        location(record, .skills),
                        "the skill entry \"\(entry)\" has no level after \"\(separator)\"; write a level from 1 to \(levels), such as \(term)\(separator)2."
                    )
                    continue
                }
                guard let parsed = Int(levelText), (1...levels).contains(parsed) else {
                    diagnostics.error(
                        location(record, .skills),
                        "the skill \"\(term)\" has level \"\(levelText)\"; levels are whole numbers from 1 to \(levels)."
                    )
                    continue
                }
                level = parsed
            }
            switch taxonomy.resolve(term) {
            case .topic(let topic):
                if let existing = skills.firstIndex(where: { $0.topic == topic }) {
                    skills[existing].level = max(skills[existing].level, level)
                    skills[existing].levelStated = skills[existing].levelStated || parts.count == 2
                } else {
                    skills.append(
                        Participant.Skill(topic: topic, level: level, written: term, levelStated: parts.count == 2))
                }
            case .outOfScope:
                continue  // Never matched on; a mentor offering it changes nothing.
            case .unknown:
                diagnostics.error(
                    location(record, .skills),
                    "the skill \"\(term)\" is not in the policy's taxonomy\(suggestion(for: term, taxonomy))."
                )
            }
        }
        return skills
    }

    private mutating func goals(
        _ record: CSVTable.Record, taxonomy: inout Taxonomy, _ diagnostics: inout InputDiagnostics
    ) -> ([Participant.Goal], [String]) {
        var goals: [Participant.Goal] = []
        var outOfScope: [String] = []
        for entry in entries(record, .goals) {
            let term = String(entry)
            switch taxonomy.resolve(term) {
            case .topic(let topic):
                if !goals.contains(where: { $0.topic == topic }) {
                    goals.append(Participant.Goal(topic: topic, rank: goals.count + 1, written: term))
                }
            case .outOfScope(let scope):
                outOfScope.append(term)
                let category = _Term.normalised(term) == _Term.normalised(scope) ? "" : " (\(scope))"
                diagnostics.warning(
                    location(record, .goals),
                    "the goal \"\(term)\" is out of scope\(category); it is not matched on; signpost the mentee to the right support."
                )
            case .unknown:
                diagnostics.error(
                    location(record, .goals),
                    "the goal \"\(term)\" is not in the policy's taxonomy\(suggestion(for: term, taxonomy))."
                )
            }
        }
        return (goals, outOfScope)
    }

    /// `; did you mean "x"?` for a term the taxonomy does not know, or nothing.
    private mutating func suggestion(for term: String, _ taxonomy: Taxonomy) -> String {
        let key = _Term.normalised(term)
        if let known = suggestions[key] { return known }
        let clause = Suggestion.clause(for: key, among: taxonomy.knownTerms)
        suggestions[key] = clause
        return clause
    }

}
