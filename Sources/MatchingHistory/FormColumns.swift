import Diagnostics
import Foundation
import Matching

/// The columns of a file a form exports (responses, review outcomes), found
/// by their usual names in any case: "Email", "Email address" and "e-mail"
/// are all the email column. A missing column the file needs is one error
/// naming the headers the file has.
struct _FormColumns {
    /// A column the file may have: its name in messages and the headers it
    /// goes by.
    struct Field {
        var name: String
        var headers: [String]
        var required = false
    }

    private var found: [String: Int] = [:]

    init(_ table: CSVTable, fields: [Field], diagnostics: inout InputDiagnostics) {
        let normalised = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for field in fields {
            if let column = normalised.firstIndex(where: { field.headers.contains($0) }) {
                found[field.name] = column
            } else if field.required {
                let known = field.headers.map { "\"\($0)\"" }.joined(separator: ", ")
                let suggestion = normalised.lazy.compactMap { Suggestion.closest(to: $0, among: field.headers) }.first
                diagnostics.error(
                    SourceLocation(file: table.path, row: 1),
                    "no \(field.name) column: name one \(known)\(suggestion.map { " (\"\($0)\" is close)" } ?? ""); the file's columns are \(table.header.map { "\"\($0)\"" }.joined(separator: ", "))."
                )
            }
        }
    }

    /// The column of a field, if the file has it.
    func column(_ name: String) -> Int? { found[name] }

    /// The trimmed cell of a field in a record, or `nil` when the file has no
    /// such column or the cell is empty.
    func value(_ name: String, in record: CSVTable.Record) -> String? {
        guard let column = found[name] else { return nil }
        let cell = record.cell(column).trimmingCharacters(in: .whitespaces)
        return cell.isEmpty ? nil : cell
    }

    /// Where a field's cell is, for a message.
    func location(_ name: String, _ record: CSVTable.Record, in table: CSVTable) -> SourceLocation {
        SourceLocation(file: table.path, row: record.row, column: found[name].map { $0 + 1 })
    }

    /// A day as a form writes it: `2027-03-15`, `2027/03/15`, either with a
    /// time after it (form tools' timestamps). Day-first and month-first
    /// dates are not guessed at.
    static func day(_ text: String) -> CalendarDate? {
        let prefix = String(text.prefix(10)).replacingOccurrences(of: "/", with: "-")
        guard text.count == 10 || text.dropFirst(10).first.map({ $0 == " " || $0 == "T" }) == true else { return nil }
        return CalendarDate(prefix)
    }

    /// The person a row is about, from its email or id column: the round's
    /// person, or an error at the cell with a suggestion.
    func person(
        _ record: CSVTable.Record, in table: CSVTable, pairs: _CurrentPairs, diagnostics: inout InputDiagnostics,
        email: String = "email", id: String = "id"
    ) -> _CurrentPairs.Person? {
        guard let reference = value(email, in: record) ?? value(id, in: record) else {
            diagnostics.error(
                SourceLocation(file: table.path, row: record.row),
                "the row names nobody: its \(email) and \(id) are empty.")
            return nil
        }
        if let person = pairs.person(reference) { return person }
        let field = value(email, in: record) != nil ? email : id
        diagnostics.error(
            location(field, record, in: table),
            "\"\(reference)\" is not in the round \"\(pairs.round.name)\"\(pairs.suggestion(for: reference)).")
        return nil
    }

    /// The proposal a row is about: the person's own (among those `wanted`,
    /// called `what` in messages), or, for a person with several or a row
    /// that names one, the one with the partner named.
    func proposal(
        of person: _CurrentPairs.Person, _ record: CSVTable.Record, in table: CSVTable, pairs: _CurrentPairs,
        diagnostics: inout InputDiagnostics, what: String = "proposal",
        where wanted: (_CurrentPairs.Proposal) -> Bool = { _ in true }
    ) -> _CurrentPairs.Proposal? {
        let theirs = pairs.proposals(of: person).filter(wanted)
        let row = SourceLocation(file: table.path, row: record.row)
        let partnerRole = person.role == "mentee" ? "mentor" : "mentee"
        let partners = theirs.map { partnerRole == "mentor" ? $0.mentor.name : $0.mentee.name }
        guard !theirs.isEmpty else {
            diagnostics.error(
                row, "\(person.name) (\(person.role)) has no \(what) in the round \"\(pairs.round.name)\".")
            return nil
        }
        guard let partner = value("partner", in: record) else {
            if theirs.count == 1 { return theirs[0] }
            diagnostics.error(
                row,
                "\(person.name) has \(theirs.count) \(what)s (with \(partners.joined(separator: ", "))); name the one this row is about in a partner column."
            )
            return nil
        }
        if let match = theirs.first(where: {
            let other = partnerRole == "mentor" ? $0.mentor : $0.mentee
            return other.participantID == partner
                || (!other.email.isEmpty && other.email.lowercased() == partner.lowercased())
        }) {
            return match
        }
        diagnostics.error(
            location("partner", record, in: table),
            "\(person.name) and \"\(partner)\" have no \(what) together in the round \"\(pairs.round.name)\"; \(person.name)'s \(what)\(theirs.count == 1 ? " is" : "s are") with \(partners.joined(separator: ", "))."
        )
        return nil
    }
}
