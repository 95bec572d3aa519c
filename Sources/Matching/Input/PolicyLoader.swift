import Diagnostics
import Foundation
import _TandemUtilities

/// Reads a scheme's `policy.toml` into a ``Policy``.
///
/// Every key is optional (see ``Policy`` for the defaults). Every problem is
/// reported at once with its line: a key that does not exist (with the nearest
/// existing one), a value of the wrong kind or out of range, a synonym that
/// points outside the topic list.
public enum PolicyLoader {
    /// Loads the policy at `path`.
    ///
    /// - Throws: `InputDiagnostics` with every problem, each with its line.
    public static func load(path: String) throws(InputDiagnostics) -> Policy {
        let file = read(path: path)
        guard let policy = file.policy, !file.problems.hasErrors else { throw file.problems }
        return policy
    }

    /// Parses policy text; `path` names the file in problems.
    public static func parse(_ text: String, path: String) throws(InputDiagnostics) -> Policy {
        let read = read(text: text, path: path)
        guard let policy = read.policy, !read.problems.hasErrors else { throw read.problems }
        return policy
    }

    /// The policy at `path` as far as it could be read, the SHA-256 of its
    /// bytes, and every problem found. The policy is `nil` only when the file
    /// cannot be read or is not TOML; otherwise each key with an error keeps
    /// its default, so the sign-up files can still be checked under the rest
    /// and every problem of a round shown at once.
    static func read(path: String) -> (policy: Policy?, sha256: String?, problems: InputDiagnostics) {
        switch _TOMLFile.read(path: path) {
        case .failure(let problems): return (nil, nil, problems)
        case .success(let file):
            let read = read(text: file.text, path: path)
            return (read.policy, file.sha256, read.problems)
        }
    }

    /// The policy in `text` as far as it could be read, and every problem.
    private static func read(text: String, path: String) -> (policy: Policy?, problems: InputDiagnostics) {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        switch _TOMLFile.parse(text, path: path) {
        case .failure(let problems): return (nil, problems)
        case .success(let root):
            var reader = _PolicyReader(path: path, lines: _TOMLKeyLines(text: text))
            let policy = reader.policy(from: root)
            return (policy, reader.diagnostics)
        }
    }
}

/// Walks the parsed TOML against the policy's schema, collecting problems.
struct _PolicyReader {
    let path: String
    let lines: _TOMLKeyLines
    var diagnostics = InputDiagnostics()

    mutating func policy(from root: _TOMLNode) -> Policy {
        var policy = Policy()
        let keys = [
            "name", "start_date", "resolution", "default_capacity",
            "weights", "rules", "seniority", "taxonomy", "lists", "columns", "roles", "matching", "letters",
            "output", "criteria", "history",
        ]
        for (key, value) in entries(root, at: [], known: keys) {
            let at = [key]
            switch key {
            case "name": policy.name = string(value, at: at) ?? policy.name
            case "start_date": policy.startDate = date(value, at: at)
            case "resolution":
                if let resolution = number(
                    value, at: at, where: { $0 >= 1e-6 && $0 <= 1_000 },
                    "a number of points from 0.000001 to 1000, such as 0.01")
                {
                    policy.resolution = resolution
                }
            case "default_capacity":
                policy.defaultCapacity =
                    integer(
                        value, at: at, where: { (1...Participant.maximumCapacity).contains($0) },
                        "a whole number from 1 to \(Participant.maximumCapacity)") ?? policy.defaultCapacity
            case "weights": readWeights(value, into: &policy.weights)
            case "rules": readRules(value, into: &policy)
            case "seniority": readSeniority(value, into: &policy.seniority)
            case "taxonomy": readTaxonomy(value, into: &policy.taxonomy)
            case "lists": readLists(value, into: &policy.lists)
            case "columns": readColumns(value, into: &policy.columns)
            case "roles":
                for (role, answers) in entries(value, at: ["roles"], known: ["mentor", "mentee", "both"]) {
                    let at = ["roles", role]
                    guard let list = list(answers, at: at, { $0.string($1, at: at) }) else { continue }
                    switch role {
                    case "mentor": policy.roles.mentor = list
                    case "mentee": policy.roles.mentee = list
                    default: policy.roles.both = list
                    }
                }
            case "matching": readMatching(value, into: &policy.matching)
            case "criteria": policy.criteria = readCriteria(value)
            case "output":
                for (key, value) in entries(value, at: ["output"], known: ["csv_separator", "byte_order_mark"]) {
                    let at = ["output", key]
                    if key == "byte_order_mark" {
                        policy.output.csvByteOrderMark = boolean(value, at: at) ?? policy.output.csvByteOrderMark
                    } else if let text = string(value, at: at) {
                        if let separator = [",", ";", "\t"].first(where: { $0 == text }) {
                            policy.output.csvSeparator = Character(separator)
                        } else {
                            error(at, "output.csv_separator is \"\(text)\"; use \",\", \";\" or \"\\t\" (a tab).")
                        }
                    }
                }
            case "letters":
                for (key, value) in entries(
                    value, at: ["letters"], known: ["coordinator", "contact", "reply_by", "reveal_contact"])
                {
                    let at = ["letters", key]
                    switch key {
                    case "coordinator": policy.letters.coordinator = string(value, at: at)
                    case "contact": policy.letters.contact = string(value, at: at)
                    case "reveal_contact":
                        policy.letters.revealContact = choice(value, at: at) ?? policy.letters.revealContact
                    default: policy.letters.replyBy = date(value, at: at)
                    }
                }
            case "history":
                for (_, value) in entries(value, at: ["history"], known: ["repeat_pairs"]) {
                    readRepeatPairs(value, into: &policy.history)
                }
            default: break
            }
        }
        checkConsistency(of: policy)
        return policy
    }

    // MARK: Sections

    private mutating func readWeights(_ node: _TOMLNode, into weights: inout Policy.Weights) {
        let finite: (Double) -> Bool = { $0.isFinite && abs($0) <= 1e6 }
        let points = "a number of points (at most 1,000,000)"
        for (key, value) in entries(
            node, at: ["weights"],
            known: [
                "goal_match", "goal_priority_decay", "skill_level", "seniority_gap", "same_region",
                "shared_language", "organisation",
            ])
        {
            let at = ["weights", key]
            switch key {
            case "goal_match": weights.goalMatch = number(value, at: at, where: finite, points) ?? weights.goalMatch
            case "goal_priority_decay":
                weights.goalPriorityDecay =
                    number(value, at: at, where: { $0 > 0 && $0 <= 1 }, "a fraction above 0 and at most 1")
                    ?? weights.goalPriorityDecay
            case "skill_level":
                if let levels = list(
                    value, at: at,
                    { reader, item in
                        reader.integer(
                            item, at: at, where: { (1...1_000).contains($0) },
                            "whole numbers from 1 to 1,000, one per level")
                    })
                {
                    if levels.isEmpty || levels.count > 10 {
                        error(
                            at,
                            "weights.skill_level needs one whole-number multiplier per level, for 1 to 10 levels (for example [1, 2, 3])."
                        )
                    } else {
                        weights.skillLevel = levels
                    }
                }
            case "seniority_gap":
                weights.seniorityGap = number(value, at: at, where: finite, points) ?? weights.seniorityGap
            case "same_region": weights.sameRegion = number(value, at: at, where: finite, points) ?? weights.sameRegion
            case "shared_language":
                weights.sharedLanguage = number(value, at: at, where: finite, points) ?? weights.sharedLanguage
            case "organisation":
                weights.organisation = number(value, at: at, where: finite, points) ?? weights.organisation
            default: break
            }
        }
    }

    private mutating func readRules(_ node: _TOMLNode, into policy: inout Policy) {
        for (key, value) in entries(
            node, at: ["rules"],
            known: [
                "same_organisation", "in_person_needs_same_region", "shared_language_required",
            ])
        {
            let at = ["rules", key]
            switch key {
            case "same_organisation": readOrganisationRule(value, at: at, into: &policy)
            case "in_person_needs_same_region":
                policy.inPersonNeedsSameRegion = boolean(value, at: at) ?? policy.inPersonNeedsSameRegion
            case "shared_language_required":
                policy.sharedLanguageRequired = boolean(value, at: at) ?? policy.sharedLanguageRequired
            default: break
            }
        }
    }

    /// `"forbid"`, `"neutral"`, `"penalise"`, `"prefer"`, or `"penalise 3"` /
    /// `"prefer 2.5"`, which also set `weights.organisation`.
    private mutating func readOrganisationRule(_ node: _TOMLNode, at: [String], into policy: inout Policy) {
        guard
            let (rule, points) = ruleWithPoints(
                node, at: at, as: Policy.OrganisationRule.self, listed: "forbid, penalise N, neutral, prefer N",
                takingPoints: [.penalise, .prefer])
        else { return }
        policy.sameOrganisation = rule
        if let points { policy.weights.organisation = points }
    }

    /// `"forbid"`, `"allow"`, or `"penalise 5"` (points off an earlier
    /// pair's score).
    private mutating func readRepeatPairs(_ node: _TOMLNode, into history: inout Policy.History) {
        let at = ["history", "repeat_pairs"]
        guard
            let (rule, points) = ruleWithPoints(
                node, at: at, as: Policy.RepeatPairs.self, listed: "forbid, penalise N, allow",
                takingPoints: [.penalise])
        else { return }
        guard rule != .penalise || points != nil else {
            error(at, "\(at.joined(separator: ".")) needs the points to take off, such as \"penalise 5\".")
            return
        }
        history.repeatPairs = rule
        history.repeatPenalty = points ?? 0
    }

    /// A rule written as a word, and for the rules `takingPoints` a number of
    /// points after it: `"forbid"`, `"penalise 3"` (`penalize` too). Every
    /// mistake is an error at `at` naming what may be written (`listed`).
    private mutating func ruleWithPoints<Rule: RawRepresentable & CaseIterable & Hashable>(
        _ node: _TOMLNode, at: [String], as _: Rule.Type, listed: String, takingPoints: Set<Rule>
    ) -> (rule: Rule, points: Double?)? where Rule.RawValue == String {
        guard let text = string(node, at: at) else { return nil }
        let key = at.joined(separator: ".")
        let words = text.lowercased().split(separator: " ")
        let first = words.first.map(String.init) ?? ""
        let name = first == "penalize" ? "penalise" : first
        guard let rule = Rule(rawValue: name), words.count <= 2 else {
            error(
                at,
                "\(key) is \"\(text)\"; use one of \(listed)\(Suggestion.clause(for: name, among: Rule.allCases.map(\.rawValue)))."
            )
            return nil
        }
        guard words.count == 2 else { return (rule, nil) }
        guard takingPoints.contains(rule) else {
            let takers = Rule.allCases.filter(takingPoints.contains).map(\.rawValue)
            error(
                at,
                "\(key) is \"\(text)\"; only \(takers.joined(separator: " and ")) take\(takers.count == 1 ? "s" : "") a number of points, such as \"penalise 3\"."
            )
            return nil
        }
        guard let points = Double(words[1]), points.isFinite, (0...1_000_000).contains(points) else {
            error(at, "\(key) is \"\(text)\"; the points are a number from 0 to 1000000.")
            return nil
        }
        return (rule, points)
    }

    private mutating func readSeniority(_ node: _TOMLNode, into seniority: inout Policy.Seniority) {
        for (key, value) in entries(
            node, at: ["seniority"], known: ["levels", "minimum_gap", "ideal_gap", "equivalents"])
        {
            let at = ["seniority", key]
            switch key {
            case "levels": seniority.levels = list(value, at: at) { $0.string($1, at: at) } ?? seniority.levels
            case "minimum_gap":
                seniority.minimumGap =
                    integer(value, at: at, where: { $0 >= 0 }, "a whole number of levels, 0 or more")
                    ?? seniority.minimumGap
            case "ideal_gap":
                seniority.idealGap =
                    integer(value, at: at, where: { $0 >= 0 }, "a whole number of levels, 0 or more")
                    ?? seniority.idealGap
            case "equivalents":
                seniority.equivalents =
                    textTable(value, at: at, lines: "\"other ladder's level\" = \"level\"") ?? seniority.equivalents
            default: break
            }
        }
    }

    private mutating func readTaxonomy(_ node: _TOMLNode, into taxonomy: inout Policy.TaxonomySettings) {
        for (key, value) in entries(node, at: ["taxonomy"], known: ["topics", "synonyms", "out_of_scope"]) {
            let at = ["taxonomy", key]
            switch key {
            case "topics": taxonomy.topics = list(value, at: at) { $0.string($1, at: at) } ?? taxonomy.topics
            case "out_of_scope":
                taxonomy.outOfScope = list(value, at: at) { $0.string($1, at: at) } ?? taxonomy.outOfScope
            case "synonyms":
                taxonomy.synonyms =
                    textTable(value, at: at, lines: "\"alternative\" = \"topic\"") ?? taxonomy.synonyms
            default: break
            }
        }
    }

    private mutating func readLists(_ node: _TOMLNode, into lists: inout Policy.ListFormat) {
        for (key, value) in entries(
            node, at: ["lists"], known: ["separators", "level_separator", "default_skill_level"])
        {
            let at = ["lists", key]
            switch key {
            case "separators":
                if let separators = list(value, at: at, { $0.string($1, at: at) }) {
                    if separators.isEmpty || separators.contains(where: \.isEmpty) {
                        error(at, "lists.separators needs at least one non-empty separator, such as [\";\"].")
                    } else {
                        lists.separators = separators
                    }
                }
            case "level_separator":
                if let separator = string(value, at: at) {
                    if separator.isEmpty {
                        error(at, "lists.level_separator cannot be empty; the default is \":\".")
                    } else {
                        lists.levelSeparator = separator
                    }
                }
            case "default_skill_level":
                lists.defaultSkillLevel =
                    integer(value, at: at, where: { $0 >= 1 }, "a level of at least 1") ?? lists.defaultSkillLevel
            default: break
            }
        }
    }

    private mutating func readColumns(_ node: _TOMLNode, into columns: inout Policy.ColumnMapping) {
        let signupFields = SignupField.allCases.map(\.rawValue)
        let known = entries(node, at: ["columns"], known: ["mentors", "mentees", "conflicts", "role"] + signupFields)
        // Fields shared by both files first, so that [columns.mentors] and
        // [columns.mentees] override them whatever order the keys come in
        // (TOMLKit gives them sorted: "mentees" came before "name").
        let shared = known.filter { SignupField(rawValue: $0.key) != nil }
        for (key, value) in shared + known.filter({ SignupField(rawValue: $0.key) == nil }) {
            if let field = SignupField(rawValue: key) {
                // A field at the top of [columns] maps the same header in both sign-up files.
                guard let headers = headers(value, at: ["columns", key]) else { continue }
                if field.applies(to: .mentor) { columns.mentors[field] = headers }
                if field.applies(to: .mentee) { columns.mentees[field] = headers }
                continue
            }
            switch key {
            case "role": columns.role = string(value, at: ["columns", key])
            case "mentors", "mentees":
                let role: Role = key == "mentors" ? .mentor : .mentee
                let known = SignupField.allCases.filter { $0.applies(to: role) }.map(\.rawValue)
                for (fieldName, header) in entries(value, at: ["columns", key], known: known) {
                    guard let field = SignupField(rawValue: fieldName),
                        let headers = headers(header, at: ["columns", key, fieldName])
                    else { continue }
                    if role == .mentor { columns.mentors[field] = headers } else { columns.mentees[field] = headers }
                }
            case "conflicts":
                for (fieldName, header) in entries(
                    value, at: ["columns", key], known: ConflictField.allCases.map(\.rawValue))
                {
                    guard let field = ConflictField(rawValue: fieldName),
                        let header = string(header, at: ["columns", key, fieldName])
                    else { continue }
                    columns.conflicts[field] = header
                }
            default: break
            }
        }
    }

    /// A sign-up field's column: one header, or a list of headers read together.
    mutating func headers(_ node: _TOMLNode, at keyPath: [String]) -> [String]? {
        if case .string(let header) = node { return [header] }
        let name = self.name(keyPath)
        guard case .array(let items) = node, !items.isEmpty else {
            let actual = if case .array = node { "an empty list" } else { node.kind }
            error(
                keyPath,
                "\(name) must be a header in quotes, or a list of headers such as [\"First name\", \"Last name\"], not \(actual)."
            )
            return nil
        }
        var headers: [String] = []
        for item in items {
            guard case .string(let header) = item else {
                error(keyPath, "\(name) lists \(item.kind); every entry must be a header in quotes.")
                return nil
            }
            headers.append(header)
        }
        return headers
    }

    private mutating func readMatching(_ node: _TOMLNode, into matching: inout Policy.Matching) {
        for (key, value) in entries(
            node, at: ["matching"],
            known: [
                "objective", "minimum_score", "fairness", "slot_discount", "mentees_per_mentor", "checkpoint_months",
            ])
        {
            let at = ["matching", key]
            switch key {
            case "objective": matching.objective = choice(value, at: at) ?? matching.objective
            case "fairness": matching.fairness = choice(value, at: at) ?? matching.fairness
            case "minimum_score":
                matching.minimumScore =
                    number(value, at: at, where: { $0.isFinite && abs($0) <= 1e6 }, "a number of points")
                    ?? matching.minimumScore
            case "slot_discount":
                matching.slotDiscount =
                    number(value, at: at, where: { $0 >= 0 && $0 <= 1e6 }, "a number of points, 0 or more")
                    ?? matching.slotDiscount
            case "mentees_per_mentor":
                matching.menteesPerMentor =
                    integer(value, at: at, where: { $0 >= 1 }, "a whole number of at least 1")
                    ?? matching.menteesPerMentor
            case "checkpoint_months":
                if let months = list(
                    value, at: at,
                    { reader, item in
                        reader.integer(
                            item, at: at, where: { (1...120).contains($0) }, "whole numbers of months from 1 to 120")
                    })
                {
                    matching.checkpointMonths = months
                }
            default: break
            }
        }
    }

    /// Rules that involve more than one key.
    private mutating func checkConsistency(of policy: Policy) {
        if let start = policy.startDate, policy.checkpointDates == nil {
            error(
                ["start_date"],
                "start_date is \(start), and a review \(policy.matching.checkpointMonths.max() ?? 0) months later would fall after 9999-12-31; give the real start date."
            )
        }
        let seniority = policy.seniority
        if !seniority.levels.isEmpty, seniority.minimumGap > seniority.levels.count - 1 {
            error(
                ["seniority", "minimum_gap"],
                "seniority.minimum_gap is \(seniority.minimumGap) but there are only \(seniority.levels.count) levels, so no mentor could ever be far enough above a mentee."
            )
        }
        var seen: [String: Int] = [:]
        for (index, level) in seniority.levels.enumerated() {
            let key = _Term.normalised(level)
            if key.isEmpty { error(["seniority", "levels"], "seniority.levels has an empty level.") }
            if let earlier = seen[key] {
                error(
                    ["seniority", "levels"],
                    "seniority.levels lists \"\(level)\" twice (positions \(earlier + 1) and \(index + 1)).")
            }
            seen[key] = index
        }
        if policy.lists.defaultSkillLevel > policy.weights.skillLevel.count {
            error(
                ["lists", "default_skill_level"],
                "lists.default_skill_level is \(policy.lists.defaultSkillLevel) but weights.skill_level only has \(policy.weights.skillLevel.count) levels."
            )
        }
        var roleOfAnswer: [String: String] = [:]
        let roles = policy.roles
        for (role, answers) in [("mentor", roles.mentor), ("mentee", roles.mentee), ("both", roles.both)] {
            for answer in answers {
                if let earlier = roleOfAnswer[_Term.normalised(answer)], earlier != role {
                    error(
                        ["roles", role], "the answer \"\(answer)\" is under both roles.\(earlier) and roles.\(role).")
                }
                roleOfAnswer[_Term.normalised(answer)] = role
            }
        }
        let levels = policy.seniority.levels
        for (other, level) in policy.seniority.equivalents.sorted(by: { $0.key < $1.key })
        where !levels.contains(where: { _Term.normalised($0) == _Term.normalised(level) }) {
            error(
                ["seniority", "equivalents", other],
                "seniority.equivalents reads \"\(other)\" as \"\(level)\", which is not one of seniority.levels\(levels.isEmpty ? " (there are none)" : " (\(levels.joined(separator: ", ")))")\(Suggestion.clause(for: level, among: levels))."
            )
        }
        let taxonomy = policy.taxonomy
        let topics = Set(taxonomy.topics.map(_Term.normalised))
        for (alternative, topic) in taxonomy.synonyms.sorted(by: { $0.key < $1.key }) {
            let target = _Term.normalised(topic)
            let outOfScope = taxonomy.outOfScope.contains { _Term.normalised($0) == target }
            if !topics.isEmpty, !topics.contains(target), !outOfScope {
                error(
                    ["taxonomy", "synonyms", alternative],
                    "the synonym \"\(alternative)\" points to \"\(topic)\", which is neither in taxonomy.topics nor in taxonomy.out_of_scope\(Suggestion.clause(for: topic, among: taxonomy.topics))."
                )
            }
        }
        for term in taxonomy.outOfScope where topics.contains(_Term.normalised(term)) {
            error(
                ["taxonomy", "out_of_scope"],
                "\"\(term)\" is both in taxonomy.topics and in taxonomy.out_of_scope; a topic is either matched on or signposted, not both."
            )
        }
    }

    // MARK: Values
}
