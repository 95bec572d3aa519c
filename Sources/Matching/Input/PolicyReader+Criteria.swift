import Diagnostics

/// `[[criteria]]`: each criterion read and checked with its line, every
/// problem reported at once.
extension _PolicyReader {
    private static let criterionKeys = [
        "label", "kind", "column", "mentee_column", "mentor_column", "rule", "weight", "decay", "private",
        "opt_in", "mentor_opt_in", "opt_in_answers", "scale", "equivalents", "minimum_gap", "ideal_gap",
        "minimum", "maximum", "ideal", "tolerance", "side",
    ]

    mutating func readCriteria(_ node: _TOMLNode) -> [Criterion] {
        guard case .array(let items) = node else {
            error(
                ["criteria"],
                "criteria must be a list of tables, each written as a [[criteria]] section, not \(node.kind).")
            return []
        }
        var criteria: [Criterion] = []
        var positionOfLabel: [String: Int] = [:]
        for (position, item) in items.enumerated() {
            // A criterion with a mistake is left out, so the sign-ups are
            // checked against the others without errors that only follow from it.
            let problems = diagnostics.errors.count
            guard let criterion = readCriterion(item, at: ["criteria", String(position)], position: position + 1)
            else { continue }
            let key = _Term.normalised(criterion.label)
            if let earlier = positionOfLabel[key] {
                error(
                    ["criteria", String(position), "label"],
                    "criteria #\(position + 1) has the label \"\(criterion.label)\", like criteria #\(earlier + 1); each criterion needs its own label, as letters and reports name it."
                )
            }
            positionOfLabel[key] = position
            if diagnostics.errors.count == problems { criteria.append(criterion) }
        }
        return criteria
    }

    /// One `[[criteria]]` table; `nil` when its label or kind is missing.
    private mutating func readCriterion(_ node: _TOMLNode, at path: [String], position: Int) -> Criterion? {
        let pairs = entries(node, at: path, known: Self.criterionKeys)
        let values = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let name = "criteria #\(position)"
        var label: String?
        if let node = values["label"], let text = string(node, at: path + ["label"]) {
            if text.trimmingWhitespace().isEmpty {
                error(
                    path + ["label"],
                    "\(name) has an empty label; write what it means for people, such as \"the same profession\".")
            } else {
                label = text
            }
        } else if values["label"] == nil {
            error(
                path,
                "\(name) has no label; give one in people's words (label = \"the same profession\"), as letters name it."
            )
        }
        var kind: Criterion.Kind?
        let kinds = Criterion.Kind.allCases.map(\.rawValue)
        if let node = values["kind"], let text = string(node, at: path + ["kind"]) {
            kind = Criterion.Kind(rawValue: text.lowercased())
            if kind == nil {
                error(
                    path + ["kind"],
                    "\(name) has the kind \"\(text)\"; use one of \(kinds.joined(separator: ", "))\(Suggestion.clause(for: text.lowercased(), among: kinds))."
                )
            }
        } else if values["kind"] == nil {
            error(path, "\(name) has no kind; use one of \(kinds.joined(separator: ", ")).")
        }
        guard let label, let kind else { return nil }
        let title = "\(name) (\"\(label)\")"
        var criterion = Criterion(label: label, kind: kind)
        var saw = Set<String>()
        for (key, value) in pairs {
            saw.insert(key)
            let at = path + [key]
            switch key {
            case "column":
                if let headers = headers(value, at: at) {
                    (criterion.menteeColumns, criterion.mentorColumns) = (headers, headers)
                }
            case "mentee_column": criterion.menteeColumns = headers(value, at: at) ?? criterion.menteeColumns
            case "mentor_column": criterion.mentorColumns = headers(value, at: at) ?? criterion.mentorColumns
            case "rule":
                guard let text = string(value, at: at) else { continue }
                let rules = Criterion.Rule.allCases.map(\.rawValue)
                if let rule = Criterion.Rule(rawValue: text.lowercased()) {
                    criterion.rule = rule
                } else {
                    error(
                        at,
                        "\(title) has the rule \"\(text)\"; use one of \(rules.joined(separator: ", "))\(Suggestion.clause(for: text.lowercased(), among: rules))."
                    )
                }
            case "weight":
                criterion.weight =
                    number(
                        value, at: at, where: { $0.isFinite && abs($0) <= 1e6 },
                        "a number of points (at most 1,000,000)")
                    ?? criterion.weight
            case "decay":
                criterion.decay =
                    number(value, at: at, where: { $0 > 0 && $0 <= 1 }, "a fraction above 0 and at most 1")
                    ?? criterion.decay
            case "private": criterion.isPrivate = boolean(value, at: at) ?? criterion.isPrivate
            case "opt_in", "mentor_opt_in":
                if let column = string(value, at: at) {
                    criterion.optIn.append(.init(side: key == "opt_in" ? .mentee : .mentor, column: column))
                }
            case "scale": criterion.scale = list(value, at: at) { $0.string($1, at: at) } ?? criterion.scale
            case "equivalents": break  // Read once the scale is known, below.
            case "minimum_gap", "ideal_gap":
                if let gap = integer(value, at: at, where: { abs($0) <= 1_000 }, "a whole number of levels") {
                    if key == "minimum_gap" { criterion.minimum = Double(gap) } else { criterion.ideal = Double(gap) }
                }
            case "minimum", "maximum", "ideal":
                let bound = number(value, at: at, where: { $0.isFinite && abs($0) <= 1e9 }, "a number")
                switch key {
                case "minimum": criterion.minimum = bound ?? criterion.minimum
                case "maximum": criterion.maximum = bound ?? criterion.maximum
                default: criterion.ideal = bound ?? criterion.ideal
                }
            case "tolerance":
                criterion.tolerance =
                    number(value, at: at, where: { $0.isFinite && $0 >= 0 && $0 <= 1e9 }, "a number, 0 or more")
                    ?? criterion.tolerance
            case "side":
                guard let text = string(value, at: at) else { continue }
                switch _Term.normalised(text) {
                case "mentee", "mentees": criterion.namingSide = .mentee
                case "mentor", "mentors": criterion.namingSide = .mentor
                default: error(at, "\(title) has side = \"\(text)\"; use mentee (mentees name mentors) or mentor.")
                }
            default: break
            }
        }
        if kind == .preferences {
            // Only the naming side's column is read; `column` names it.
            if criterion.namingSide == .mentee { criterion.mentorColumns = [] } else { criterion.menteeColumns = [] }
        }
        if let answers = values["opt_in_answers"],
            let list = list(answers, at: path + ["opt_in_answers"], { $0.string($1, at: path + ["opt_in_answers"]) })
        {
            if list.isEmpty {
                error(path + ["opt_in_answers"], "\(title) has no opt_in_answers; list the answers that mean yes.")
            } else {
                for index in criterion.optIn.indices { criterion.optIn[index].answers = list }
            }
        }
        if let table = values["equivalents"] {
            criterion.equivalents =
                textTable(table, at: path + ["equivalents"], lines: "\"other ladder's level\" = \"level\"") ?? [:]
        }
        check(criterion, saw: saw, at: path, title: title)
        return criterion
    }

    /// What each kind needs and allows, and values that cannot work together.
    private mutating func check(_ criterion: Criterion, saw: Set<String>, at path: [String], title: String) {
        let kind = criterion.kind
        func refuse(_ keys: [String], _ why: String) {
            for key in keys where saw.contains(key) { error(path + [key], "\(title): \(key) \(why).") }
        }
        // Which side's columns the kind reads.
        let sides: [Role] = kind == .preferences ? [criterion.namingSide] : [.mentee, .mentor]
        for side in sides where criterion.columns(on: side).isEmpty {
            error(
                path,
                "\(title) reads no column of the \(side.plural)' sign-ups; give column = \"Header\" (the same header in both files) or \(side)_column = \"Header\"."
            )
        }
        if kind == .preferences {
            refuse(
                ["opt_in", "mentor_opt_in"], "does not apply to preferences: naming nobody already leaves a person free"
            )
            let other: Role = criterion.namingSide == .mentee ? .mentor : .mentee
            refuse(
                ["\(other)_column"],
                "is not read: in preferences the \(criterion.namingSide.plural) name \(other.plural) (side = \"\(criterion.namingSide)\")"
            )
        } else {
            refuse(["side"], "only applies to kind = \"preferences\"")
        }
        if kind != .overlap && kind != .preferences { refuse(["decay"], "only applies to overlap and preferences") }
        if kind != .levels {
            refuse(["scale", "equivalents", "minimum_gap", "ideal_gap"], "only applies to kind = \"levels\"")
        }
        if kind != .difference { refuse(["minimum", "maximum", "tolerance"], "only applies to kind = \"difference\"") }
        if kind != .difference && kind != .levels { refuse(["ideal"], "only applies to kind = \"difference\"") }
        switch kind {
        case .levels, .difference:
            refuse(
                ["rule"],
                "does not apply: the hard rule of \(kind.rawValue) is its \(kind == .levels ? "minimum_gap" : "minimum and maximum")"
            )
        case .overlap, .preferences:
            if criterion.rule == .forbidden {
                error(path + ["rule"], "\(title): rule = \"forbidden\" only applies to same, share and requested.")
            }
        case .same, .share, .requested: break
        }
        if criterion.optIn.isEmpty && saw.contains("opt_in_answers") {
            error(path + ["opt_in_answers"], "\(title) has opt_in_answers but no opt_in or mentor_opt_in column.")
        }
        if kind == .requested && !criterion.optIn.contains(where: { $0.side == .mentee }) {
            error(
                path,
                "\(title) is a requested criterion: give opt_in = \"Header\", the mentees' yes/no column that asks for it."
            )
        }
        if kind == .requested && saw.contains("private") && !criterion.isPrivate {
            error(path + ["private"], "\(title): a requested criterion is always private.")
        }
        if kind == .levels {
            if criterion.scale.isEmpty {
                error(
                    path,
                    "\(title) has no scale; list the levels lowest first, such as scale = [\"junior\", \"senior\"].")
            }
            var seen = Set<String>()
            for level in criterion.scale where !seen.insert(_Term.normalised(level)).inserted {
                error(path + ["scale"], "\(title) lists the level \"\(level)\" twice in its scale.")
            }
            for (other, level) in criterion.equivalents.sorted(by: { $0.key < $1.key })
            where !criterion.scale.contains(where: { _Term.normalised($0) == _Term.normalised(level) }) {
                error(
                    path + ["equivalents", other],
                    "\(title) reads \"\(other)\" as \"\(level)\", which is not in its scale (\(criterion.scale.joined(separator: ", ")))\(Suggestion.clause(for: level, among: criterion.scale))."
                )
            }
        }
        if let minimum = criterion.minimum, let maximum = criterion.maximum, minimum > maximum {
            error(
                path + ["maximum"], "\(title) has minimum \(minimum) above maximum \(maximum), so no pair could pass.")
        }
        if (kind == .levels || kind == .difference) && criterion.weight != 0 && criterion.ideal == nil {
            let key = kind == .levels ? "ideal_gap" : "ideal"
            error(
                path + ["weight"],
                "\(title) has a weight but no \(key): say which \(kind == .levels ? "gap" : "difference") earns it.")
        }
        let isHard = criterion.rule != .bonus || criterion.minimum != nil || criterion.maximum != nil
        if criterion.weight == 0 && !isHard && !saw.contains("weight") {
            error(
                path,
                "\(title) has neither a weight nor a hard rule, so it would change nothing; give weight = points, or rule = \"required\"."
            )
        }
    }
}
