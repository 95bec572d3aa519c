import Diagnostics

/// Reads the conflicts file: one declared conflict per row, `person`,
/// `other`, `kind`.
struct _ConflictLoader {
    /// What a row of the conflicts file declares.
    enum Kind: String, CaseIterable {
        case person
        case organisation
        case personalRelationship = "personal-relationship"
        case lineManagement = "line-management"

        init?(cell: String) {
            switch _Term.normalised(cell) {
            case "person", "individual": self = .person
            case "organisation", "organization", "org", "employer": self = .organisation
            case "personal relationship", "relationship", "personal", "friend", "family": self = .personalRelationship
            case "line management", "line manager", "manager", "reports to": self = .lineManagement
            default: return nil
            }
        }
    }

    /// One resolved declaration.
    enum Declaration {
        case people(_PersonDirectory.Person, _PersonDirectory.Person)
        case organisation(_PersonDirectory.Person, String)
    }

    let table: CSVTable
    let policy: Policy

    func load(directory: _PersonDirectory, diagnostics: inout InputDiagnostics) -> [Declaration] {
        let headerKeys = table.header.map(_Term.normalised)
        var columnOf: [ConflictField: Int] = [:]
        for field in ConflictField.allCases {
            let wanted = policy.columns.conflicts[field] ?? field.rawValue
            if let index = headerKeys.firstIndex(of: _Term.normalised(wanted)) {
                columnOf[field] = index
            } else {
                diagnostics.error(
                    SourceLocation(file: table.path, row: 1),
                    "the required column \"\(wanted)\" is missing; the conflicts file needs person, other and kind columns (or a mapping under [columns.conflicts])\(Suggestion.clause(for: wanted, among: table.header))."
                )
            }
        }
        guard let personColumn = columnOf[.person], let otherColumn = columnOf[.other], let kindColumn = columnOf[.kind]
        else { return [] }
        var declarations: [Declaration] = []
        for record in table.records {
            let at = { (column: Int) in SourceLocation(file: table.path, row: record.row, column: column + 1) }
            let personCell = record.cell(personColumn).trimmingWhitespace()
            let otherCell = record.cell(otherColumn).trimmingWhitespace()
            let kindCell = record.cell(kindColumn).trimmingWhitespace()
            guard let kind = Kind(cell: kindCell) else {
                diagnostics.error(
                    at(kindColumn),
                    "the conflict kind \"\(kindCell)\" is not one of person, organisation, personal-relationship, line-management\(Suggestion.clause(for: kindCell, among: Kind.allCases.map(\.rawValue)))."
                )
                continue
            }
            let person = directory.resolve(personCell, at: at(personColumn), diagnostics: &diagnostics)
            if otherCell.isEmpty {
                diagnostics.error(
                    at(otherColumn),
                    "the other side of the conflict is empty; name a person's id or email, or an organisation.")
                continue
            }
            if kind == .organisation {
                if let person { declarations.append(.organisation(person, _Term.normalised(otherCell))) }
                // An error, not a warning: a misspelt organisation would
                // silently leave the conflict unapplied.
                if directory.organisations[_Term.normalised(otherCell)] == nil {
                    let written = directory.organisations.values.sorted()
                    let suggestion =
                        Suggestion.closest(to: otherCell, among: written).map { "did you mean \"\($0)\"? " } ?? ""
                    diagnostics.error(
                        at(otherColumn),
                        "no participant belongs to the organisation \"\(otherCell)\", so this conflict would exclude nobody; \(suggestion)write the organisation as the sign-up files do, or remove the row."
                    )
                }
                continue
            }
            let other = directory.resolve(otherCell, at: at(otherColumn), diagnostics: &diagnostics)
            guard let person, let other else { continue }
            if person == other {
                diagnostics.error(
                    at(otherColumn),
                    "the conflict names the same person on both sides (\"\(personCell)\" and \"\(otherCell)\").")
                continue
            }
            declarations.append(.people(person, other))
        }
        return declarations
    }
}

/// Finds people across both sign-up files by id or email.
///
/// A person is the set of their sign-ups: a mentor row, a mentee row, or
/// both when the same email appears in both files (or, for people with no
/// email, the same id). Ids are only unique within a file (form tools number
/// rows from 1 in each), so an id that names different people in the two
/// files is ambiguous and must be given as an email instead.
struct _PersonDirectory {
    /// One person's sign-ups, as indices into the sorted mentors and mentees.
    struct Person: Hashable {
        var mentor: Int?
        var mentee: Int?
    }

    /// Each person by their identity (see ``identity(of:)``).
    private var byIdentity: [String: Person] = [:]
    private var mentorByID: [String: Int] = [:]
    private var menteeByID: [String: Int] = [:]
    private let mentors: [Participant]
    private let mentees: [Participant]
    /// Every participant's organisation, normalised → as first written.
    let organisations: [String: String]

    init(mentors: [Participant], mentees: [Participant]) {
        self.mentors = mentors
        self.mentees = mentees
        for (index, mentor) in mentors.enumerated() {
            mentorByID[mentor.id.rawValue] = index
            byIdentity[Self.identity(of: mentor), default: Person()].mentor = index
        }
        for (index, mentee) in mentees.enumerated() {
            menteeByID[mentee.id.rawValue] = index
            byIdentity[Self.identity(of: mentee), default: Person()].mentee = index
        }
        var organisations: [String: String] = [:]
        for person in mentors + mentees where !person.organisation.isEmpty {
            organisations[_Term.normalised(person.organisation)] =
                organisations[_Term.normalised(person.organisation)] ?? person.organisation
        }
        self.organisations = organisations
    }

    /// What makes two sign-ups one person: the email, case-insensitively;
    /// the id for someone who gave no email (a form that asks for none).
    static func identity(of participant: Participant) -> String {
        participant.email.isEmpty ? "\u{0}id:" + participant.id.rawValue : participant.email.lowercased()
    }

    /// The person a sign-up belongs to.
    func person(of participant: Participant) -> Person {
        byIdentity[Self.identity(of: participant)] ?? Person()
    }

    /// Whether `reference` is an id used by a mentor and by a different
    /// mentee, so that it names no one for certain.
    func isAmbiguous(_ reference: String) -> Bool {
        let key = reference.trimmingWhitespace()
        return byIdentity[key.lowercased()] == nil && mentorByID[key] != nil && menteeByID[key] != nil
            && find(key) == nil
    }

    /// The person `reference` names, without reporting anything.
    func find(_ reference: String) -> Person? {
        let key = reference.trimmingWhitespace()
        if let person = byIdentity[key.lowercased()], !key.isEmpty { return person }
        let mentor = mentorByID[key], mentee = menteeByID[key]
        switch (mentor, mentee) {
        case (nil, nil): return nil
        case (let mentor?, nil): return person(of: mentors[mentor])
        case (nil, let mentee?): return person(of: mentees[mentee])
        case (let mentor?, let mentee?):
            let person = person(of: mentors[mentor])
            return person.mentee == mentee ? person : nil
        }
    }

    /// The person `reference` names; reports unknown and ambiguous references.
    func resolve(_ reference: String, at location: SourceLocation, diagnostics: inout InputDiagnostics) -> Person? {
        if reference.isEmpty {
            diagnostics.error(location, "the person is empty; give their id or email.")
            return nil
        }
        if let person = find(reference) { return person }
        if isAmbiguous(reference) {
            diagnostics.error(
                location,
                "the id \"\(reference)\" is used by a mentor and by a different mentee; give the email to say which.")
            return nil
        }
        // People are often named by name; the suggestion then gives the id
        // to write, with the name to confirm it ("E12" (Alice Archer)).
        let people = mentors + mentees
        let sameName = people.filter { !$0.name.isEmpty && _Term.normalised($0.name) == _Term.normalised(reference) }
        if !sameName.isEmpty {
            let named = Set(sameName.map { "\"\($0.id.rawValue)\" (\($0.name))" }).sorted()
            diagnostics.error(
                location,
                "\"\(reference)\" is a name; conflicts name people by id or email: did you mean \(named.joined(separator: " or "))?"
            )
            return nil
        }
        var display: [String: String] = [:]
        for person in people {
            display[person.id.rawValue] = "\"\(person.id.rawValue)\""
            if !person.name.isEmpty {
                display[person.name] = display[person.name] ?? "\"\(person.id.rawValue)\" (\(person.name))"
            }
        }
        for person in people where !person.email.isEmpty { display[person.email] = "\"\(person.email)\"" }
        let suggestion = Suggestion.closest(to: reference, among: display.keys.sorted()).map {
            "; did you mean \(display[$0]!)?"
        }
        diagnostics.error(location, "\"\(reference)\" names nobody in the sign-ups\(suggestion ?? "").")
        return nil
    }
}
