import Diagnostics
import Foundation

/// The policy's criteria, read from one sign-up file: the columns each reads
/// on this side, and each row's answers, every bad cell located.
extension _SignupLoader {
    /// Finds each criterion's columns and opt-in column on this side;
    /// reports every header the policy names and the file lacks.
    mutating func findCriterionColumns(_ diagnostics: inout InputDiagnostics) {
        let headerKeys = table.header.map(_Term.normalised)
        let headerRow = SourceLocation(file: table.path, row: 1)
        func column(_ header: String, _ what: String) -> Int? {
            if let index = headerKeys.firstIndex(of: _Term.normalised(header)) { return index }
            diagnostics.error(
                headerRow,
                "\(what) reads the column \"\(header)\", which this file does not have\(Suggestion.clause(for: header, among: table.header))."
            )
            return nil
        }
        criterionColumns = policy.criteria.map { criterion in
            let columns = criterion.columns(on: role).compactMap {
                column($0, "the policy's criterion \"\(criterion.label)\"")
            }
            // Without all its columns the criterion reads nothing here; the rows are still checked for the rest.
            return columns.count == criterion.columns(on: role).count ? columns : []
        }
        optInColumns = policy.criteria.map { criterion in
            criterion.optIn.first { $0.side == role }.flatMap {
                column($0.column, "the opt-in of the policy's criterion \"\(criterion.label)\"")
            }
        }
    }

    /// What `tandem validate` lists for the criteria: each one's headers.
    var criterionUses: [FileColumns.Use] {
        policy.criteria.indices.flatMap { index -> [FileColumns.Use] in
            let label = policy.criteria[index].label
            var uses: [FileColumns.Use] = []
            if !criterionColumns[index].isEmpty {
                uses.append(
                    .init(
                        field: "criterion \"\(label)\"", headers: criterionColumns[index].map { table.header[$0] },
                        source: .mapped))
            }
            if let optIn = optInColumns[index] {
                uses.append(.init(field: "opt-in to \"\(label)\"", headers: [table.header[optIn]], source: .mapped))
            }
            return uses
        }
    }

    /// Where criterion `index`'s answer is on sign-up row `row`.
    func location(row: Int, criterion index: Int) -> SourceLocation {
        SourceLocation(file: table.path, row: row, column: criterionColumns[index].first.map { $0 + 1 })
    }

    /// The row's answer to every criterion.
    func answers(_ record: CSVTable.Record, _ diagnostics: inout InputDiagnostics) -> [Criterion.Answer] {
        policy.criteria.indices.map { answer(record, criterion: $0, &diagnostics) }
    }

    private func answer(
        _ record: CSVTable.Record, criterion index: Int, _ diagnostics: inout InputDiagnostics
    ) -> Criterion.Answer {
        let criterion = policy.criteria[index]
        let columns = criterionColumns[index]
        var answer = Criterion.Answer()
        if let optIn = optInColumns[index], let gate = criterion.optIn.first(where: { $0.side == role }) {
            let written = _Term.normalised(record.cell(optIn))
            answer.optedIn = gate.answers.contains { _Term.normalised($0) == written }
        }
        guard !columns.isEmpty else { return answer }
        let cells = columns.map { record.cell($0).trimmingWhitespace() }
        // Where the value was: the first column with one.
        let at = SourceLocation(
            file: table.path, row: record.row, column: (columns.first { !record.cell($0).isBlank } ?? columns[0]) + 1)
        let title = "the criterion \"\(criterion.label)\""
        switch criterion.kind {
        case .same:
            if let first = cells.first(where: { !$0.isEmpty }) { answer.values = [first] }
        case .share, .requested, .preferences:
            answer.values = listEntries(columns, record)
        case .overlap:
            let entries = listEntries(columns, record)
            guard role == .mentor else {
                answer.values = entries
                break
            }
            for entry in entries {
                let (value, level) = levelled(entry, at: at, title: title, &diagnostics)
                if let existing = answer.values.firstIndex(where: { _Term.normalised($0) == _Term.normalised(value) }) {
                    answer.levels[existing] = max(answer.levels[existing], level)
                } else {
                    answer.values.append(value)
                    answer.levels.append(level)
                }
            }
        case .levels:
            guard let written = cells.first(where: { !$0.isEmpty }) else { break }
            answer.values = [written]
            if let level = criterionLevels[index][_Term.normalised(written)] {
                answer.number = Double(level)
            } else {
                diagnostics.error(
                    at,
                    "\"\(written)\" is not a level of \(title) (\(criterion.scale.joined(separator: ", ")))\(Suggestion.clause(for: written, among: criterion.scale + criterion.equivalents.keys.sorted()))."
                )
            }
        case .difference:
            guard let written = cells.first(where: { !$0.isEmpty }) else { break }
            answer.values = [written]
            if let number = Double(written.replacingOccurrences(of: ",", with: ".")), number.isFinite,
                abs(number) <= 1e9
            {
                answer.number = number
            } else {
                diagnostics.error(at, "\"\(written)\" is not a number, and \(title) compares numbers.")
            }
        }
        return answer
    }

    /// A list's entries from each of its columns in turn, once each, in order.
    private func listEntries(_ columns: [Int], _ record: CSVTable.Record) -> [String] {
        var seen = Set<String>()
        var entries: [String] = []
        for column in columns {
            for entry in _Term.split(record.cell(column), separators: policy.lists.separators)
            where seen.insert(_Term.normalised(entry)).inserted {
                entries.append(String(entry))
            }
        }
        return entries
    }

    /// `value:level` (the policy's level separator) on a mentor's overlap
    /// entry; level 1 when none is written.
    private func levelled(
        _ entry: String, at: SourceLocation, title: String, _ diagnostics: inout InputDiagnostics
    ) -> (String, Int) {
        let separator = policy.lists.levelSeparator
        let levels = policy.weights.skillLevel.count
        let parts = _Term.pieces(entry[...], separators: [separator])
        let value = String(_Term.trimmed(parts[0]))
        guard parts.count == 2 else {
            if parts.count > 2 || value.isEmpty {
                diagnostics.error(
                    at,
                    "the entry \"\(entry)\" of \(title) is malformed; write value\(separator)level, such as nursing\(separator)2."
                )
            }
            return (value.isEmpty ? entry : value, 1)
        }
        let levelText = String(_Term.trimmed(parts[1]))
        guard let level = Int(levelText), (1...levels).contains(level) else {
            diagnostics.error(
                at,
                "the entry \"\(entry)\" of \(title) has level \"\(levelText)\"; levels are whole numbers from 1 to \(levels) (weights.skill_level)."
            )
            return (value, 1)
        }
        return (value, level)
    }

    /// A `levels` criterion's levels and equivalents, normalised → index.
    static func levelIndex(_ criterion: Criterion) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, level) in criterion.scale.enumerated() { index[_Term.normalised(level)] = position }
        for (other, level) in criterion.equivalents {
            if let position = index[_Term.normalised(level)] { index[_Term.normalised(other)] = position }
        }
        return index
    }
}

extension String {
    /// Only spaces or nothing.
    fileprivate var isBlank: Bool { trimmingWhitespace().isEmpty }
}
