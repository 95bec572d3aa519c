import Diagnostics

/// Turns the people named in `preferences` criteria (by id, email or name,
/// as people write them) into ids of the other side, in the order written;
/// each reference that names nobody, or several people, is an error at its
/// cell with a did-you-mean.
struct _PreferenceResolver {
    private let people: [Participant]
    private let side: Role
    private var byID: [String: Int] = [:]
    private var byEmail: [String: Int] = [:]
    private var byName: [String: [Int]] = [:]
    /// Name, id or email → how a suggestion shows it.
    private var display: [String: String] = [:]
    private var suggestions: [String: String] = [:]

    /// Resolves references to `people`, all of side `side`.
    init(people: [Participant], side: Role) {
        self.people = people
        self.side = side
        for (index, person) in people.enumerated() {
            byID[person.id.rawValue] = index
            if !person.email.isEmpty { byEmail[person.email.lowercased()] = index }
            byName[_Term.normalised(person.name), default: []].append(index)
            display[person.id.rawValue] = "\"\(person.id.rawValue)\""
            if !person.name.isEmpty, display[person.name] == nil {
                display[person.name] = "\"\(person.name)\" (\(person.id.rawValue))"
            }
            if !person.email.isEmpty { display[person.email] = "\"\(person.email)\"" }
        }
    }

    /// Replaces each naming person's answer to criterion `criterion` by the
    /// ids of the people it names.
    mutating func resolve(
        _ namers: inout [Participant], criterion: Int, label: String,
        location: (Int) -> SourceLocation, _ diagnostics: inout InputDiagnostics
    ) {
        for index in namers.indices where namers[index].answers.indices.contains(criterion) {
            var ids: [String] = []
            for reference in namers[index].answers[criterion].values {
                guard let person = find(reference, at: location(namers[index].row), label: label, &diagnostics) else {
                    continue
                }
                let id = people[person].id.rawValue
                if !ids.contains(id) { ids.append(id) }
            }
            namers[index].answers[criterion].values = ids
        }
    }

    private mutating func find(
        _ reference: String, at location: SourceLocation, label: String, _ diagnostics: inout InputDiagnostics
    ) -> Int? {
        let key = reference.trimmingWhitespace()
        if let index = byID[key] ?? byEmail[key.lowercased()] { return index }
        let named = byName[_Term.normalised(key)] ?? []
        if named.count == 1 { return named[0] }
        if named.count > 1 {
            let ids = named.map { "\"\(people[$0].id.rawValue)\"" }.joined(separator: ", ")
            diagnostics.error(
                location,
                "\"\(reference)\" in \"\(label)\" is the name of \(named.count) \(side.plural) (\(ids)); write the id or email of the one meant."
            )
            return nil
        }
        if suggestions[key] == nil {
            suggestions[key] =
                Suggestion.closest(to: key, among: display.keys.sorted()).map { "; did you mean \(display[$0]!)?" }
                ?? "."
        }
        diagnostics.error(
            location, "\"\(reference)\" in \"\(label)\" names no \(side) in the sign-ups\(suggestions[key]!)")
        return nil
    }
}
