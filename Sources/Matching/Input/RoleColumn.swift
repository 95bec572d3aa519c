import Diagnostics

/// Splits one sign-up file for everybody into the mentors' rows and the
/// mentees' rows by its role column, so that each side is then read as if it
/// were a file of its own (its rows keep their numbers in the one file).
enum _RoleColumn {
    /// What one answer of the role column makes a person.
    enum Answer: Equatable {
        case mentor, mentee, both
    }

    /// The mentors' and the mentees' tables, or `nil` (with the problem
    /// reported) when the role column cannot be found.
    static func split(
        _ table: CSVTable, policy: Policy, diagnostics: inout InputDiagnostics
    ) -> (mentors: CSVTable, mentees: CSVTable, role: FileColumns.Use)? {
        guard let column = column(of: table, policy: policy, diagnostics: &diagnostics) else { return nil }
        let source: FileColumns.Source =
            policy.columns.role != nil
            ? .mapped : _Term.normalised(table.header[column]) == "role" ? .named : .recognised
        let use = FileColumns.Use(field: "role", headers: [table.header[column]], source: source)
        var mentors: [CSVTable.Record] = []
        var mentees: [CSVTable.Record] = []
        let roles = policy.roles
        let accepted = (roles.mentor + roles.mentee + roles.both).map { "\"\($0)\"" }.joined(separator: ", ")
        for record in table.records {
            let written = record.cell(column).trimmingWhitespace()
            switch answer(written, roles) {
            case .mentor: mentors.append(record)
            case .mentee: mentees.append(record)
            case .both:
                mentors.append(record)
                mentees.append(record)
            case nil:
                let what =
                    written.isEmpty ? "the role is empty" : "the role \"\(written)\" is not an answer the policy knows"
                diagnostics.error(
                    SourceLocation(file: table.path, row: record.row, column: column + 1),
                    "\(what) (\(accepted); set them under [roles])\(Suggestion.clause(for: written, among: roles.mentor + roles.mentee + roles.both))."
                )
            }
        }
        return (
            CSVTable(path: table.path, header: table.header, records: mentors, sha256: table.sha256),
            CSVTable(path: table.path, header: table.header, records: mentees, sha256: table.sha256), use
        )
    }

    /// The role column: the policy's `columns.role`, else a header "role",
    /// else the one header that names both mentor and mentee.
    private static func column(
        of table: CSVTable, policy: Policy, diagnostics: inout InputDiagnostics
    ) -> Int? {
        let keys = table.header.map(_Term.normalised)
        let headerRow = SourceLocation(file: table.path, row: 1)
        if let mapped = policy.columns.role {
            if let index = keys.firstIndex(of: _Term.normalised(mapped)) { return index }
            diagnostics.error(
                headerRow,
                "the policy maps role to the column \"\(mapped)\", which this file does not have\(Suggestion.clause(for: mapped, among: table.header))."
            )
            return nil
        }
        let named = keys.indices.filter { keys[$0] == "role" }
        let asking = keys.indices.filter { keys[$0].contains("mentor") && keys[$0].contains("mentee") }
        let candidates = named.isEmpty ? asking : named
        if candidates.count == 1 { return candidates[0] }
        let message =
            candidates.isEmpty
            ? "one sign-up file for everybody needs a column saying who is a mentor, a mentee or both; name it \"role\", or map the file's own header in the policy: [columns] role = \"…\"."
            : "several columns could say who is a mentor or a mentee (\(candidates.map { "\"\(table.header[$0])\"" }.joined(separator: ", "))); name one in the policy: [columns] role = \"…\"."
        diagnostics.error(headerRow, message)
        return nil
    }

    /// What an answer makes a person: one of the policy's answers, or with
    /// the default answers any answer that says "both", or names only one
    /// of "mentor" and "mentee" ("I'd like to be a mentor"), or both of them.
    static func answer(_ written: String, _ roles: Policy.Roles) -> Answer? {
        let key = _Term.normalised(written)
        guard !key.isEmpty else { return nil }
        let matches = { (answers: [String]) in answers.contains { _Term.normalised($0) == key } }
        if matches(roles.both) { return .both }
        if matches(roles.mentor) { return .mentor }
        if matches(roles.mentee) { return .mentee }
        guard roles.areDefault else { return nil }
        let mentor = key.contains("mentor"), mentee = key.contains("mentee")
        if key.contains("both") || (mentor && mentee) { return .both }
        if mentor { return .mentor }
        if mentee { return .mentee }
        return nil
    }
}
