import Diagnostics

/// Walks a parsed scenarios file, collecting every problem with its line.
struct _ScenarioReader {
    let path: String
    let lines: _TOMLKeyLines
    let cohort: Cohort
    /// The baseline's policy file, which `[scenario.policy]` keys override.
    let basePolicy: _TOMLNode
    var diagnostics = InputDiagnostics()
    /// Each scenario name taken so far (lower-cased), with its line.
    private var names: [String: Int] = [:]
    private lazy var menteeIDs = cohort.mentees.map(\.id.rawValue)
    private lazy var mentorIDs = cohort.mentors.map(\.id.rawValue)

    /// The longest scenario name: it names a folder and a report's column.
    static let longestName = 80
    /// The most scenarios one file may hold, each a round to solve (and,
    /// as shards, a task of a job array).
    static let mostScenarios = ShardPlan.mostShards

    init(path: String, lines: _TOMLKeyLines, cohort: Cohort, basePolicy: _TOMLNode) {
        self.path = path
        self.lines = lines
        self.cohort = cohort
        self.basePolicy = basePolicy
    }

    /// Every scenario of the file, in the order of their lines (a sweep's
    /// values in the order written).
    mutating func scenarios(_ root: _TOMLNode) -> [Scenario] {
        guard case .table(let sections) = root else { return [] }
        var scenarios: [Scenario] = []
        for (key, value) in sections {
            guard key == "scenario" || key == "sweep" else {
                error(
                    [key],
                    "unknown key \"\(key)\" at the top level (known: scenario, sweep)\(Suggestion.clause(for: key, among: ["scenario", "sweep"]))."
                )
                continue
            }
            guard case .array(let items) = value, items.allSatisfy({ if case .table = $0 { true } else { false } })
            else {
                error([key], "\(key) must be tables, each written [[\(key)]], not \(value.kind).")
                continue
            }
            for (position, item) in items.enumerated() {
                let at = [key, String(position)]
                if key == "scenario" {
                    if let scenario = scenario(item, at: at) { scenarios.append(scenario) }
                } else {
                    scenarios += sweep(item, at: at)
                }
            }
        }
        if scenarios.count > Self.mostScenarios {
            diagnostics.error(
                SourceLocation(file: path),
                "has \(scenarios.count) scenarios (sweep values included); a comparison takes at most \(Self.mostScenarios): split it into several files."
            )
        }
        if scenarios.isEmpty && !diagnostics.hasErrors {
            diagnostics.error(
                SourceLocation(file: path),
                "has no scenarios; add a [[scenario]] table with a name and its changes, or a [[sweep]] (see tandem compare --help)."
            )
        }
        // The file's order, whichever order the TOML parser keeps tables in.
        return scenarios.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
    }

    // MARK: Tables

    private mutating func scenario(_ node: _TOMLNode, at: [String]) -> Scenario? {
        guard case .table(let fields) = node else { return nil }
        let line = lines.line(of: at)
        guard let nameNode = fields.first(where: { $0.key == "name" })?.value else {
            error(at, "a scenario has no name; give it one: name = \"without M12\".")
            return nil
        }
        guard let name = text(nameNode, at: at + ["name"], "name") else { return nil }
        // This reader reports errors only, so a count of problems tells whether the scenario added any.
        let problemsBefore = diagnostics.problems.count
        // A name in use is reported, and the rest of the scenario still checked.
        _ = accept(name: name, at: at + ["name"])
        var scenario = Scenario(name: name)
        scenario.line = line
        let known = ["name", "policy", "drop", "capacity", "pin", "forbid"]
        for (key, value) in fields {
            let keyPath = at + [key]
            switch key {
            case "name": break
            case "policy":
                guard case .table = value else {
                    error(
                        keyPath,
                        "in the scenario \"\(name)\": policy must be a table of policy keys, written [scenario.policy], not \(value.kind)."
                    )
                    continue
                }
                if let policy = policy(overriding: value, at: keyPath, scenario: name) {
                    scenario.policy = policy
                    scenario.policyChanges = value.assignments()
                }
            case "drop":
                for element in list(value, at: keyPath, scenario: name) {
                    if let id = person(element, at: keyPath, role: nil, scenario: name) {
                        if scenario.withdrawn.contains(id) {
                            error(keyPath, "in the scenario \"\(name)\": drop lists \"\(id)\" twice.")
                        } else {
                            scenario.withdrawn.append(id)
                        }
                    }
                }
            case "capacity":
                guard case .table(let entries) = value else {
                    error(
                        keyPath,
                        "in the scenario \"\(name)\": capacity must be a table of mentor ids and places, such as capacity = { M3 = 5 }, not \(value.kind)."
                    )
                    continue
                }
                for (mentor, places) in entries {
                    guard let id = person(.string(mentor), at: keyPath + [mentor], role: .mentor, scenario: name)
                    else { continue }
                    // As in a sign-up file: a mentor who takes nobody is left out (drop).
                    guard case .integer(let count) = places, (1...Participant.maximumCapacity).contains(count) else {
                        error(
                            keyPath + [mentor],
                            "in the scenario \"\(name)\": the capacity of \(mentor) is \(places.written); it must be a whole number from 1 to \(Participant.maximumCapacity) (drop a mentor who takes nobody)."
                        )
                        continue
                    }
                    scenario.capacities[id] = count
                }
            case "pin", "forbid":
                let pairs = self.pairs(value, at: keyPath, scenario: name)
                if key == "pin" { scenario.pins = pairs } else { scenario.forbidden = pairs }
            default:
                error(
                    keyPath,
                    "in the scenario \"\(name)\": unknown key \"\(key)\" (known: \(known.joined(separator: ", ")))\(Suggestion.clause(for: key, among: known))."
                )
            }
        }
        guard diagnostics.problems.count == problemsBefore else { return nil }
        checkConsistency(of: scenario, at: at)
        return scenario
    }

    /// The scenarios of a sweep: one per value, named `NAME=VALUE`.
    private mutating func sweep(_ node: _TOMLNode, at: [String]) -> [Scenario] {
        guard case .table(let fields) = node else { return [] }
        let known = ["name", "key", "values"]
        for (key, _) in fields where !known.contains(key) {
            error(
                at + [key],
                "unknown key \"\(key)\" in a sweep (known: \(known.joined(separator: ", ")))\(Suggestion.clause(for: key, among: known))."
            )
        }
        func field(_ key: String) -> _TOMLNode? {
            if let value = fields.first(where: { $0.key == key })?.value { return value }
            error(
                at,
                "a sweep has no \(key); a sweep needs name, key and values (name = \"minimum\", key = \"matching.minimum_score\", values = [0, 10, 20])."
            )
            return nil
        }
        guard let nameNode = field("name"), let keyNode = field("key"), let valuesNode = field("values"),
            let name = text(nameNode, at: at + ["name"], "a sweep's name"),
            let key = text(keyNode, at: at + ["key"], "a sweep's key")
        else { return [] }
        let keyPath = key.split(separator: ".", omittingEmptySubsequences: false).map {
            String($0).trimmingWhitespace()
        }
        guard !keyPath.contains(where: \.isEmpty) else {
            error(
                at + ["key"],
                "the sweep \"\(name)\": key \"\(key)\" is not a policy key; write one as in a policy file, such as \"matching.minimum_score\"."
            )
            return []
        }
        guard case .array(let values) = valuesNode, !values.isEmpty else {
            error(
                at + ["values"],
                "the sweep \"\(name)\": values must be a list of at least one value, such as [0, 10, 20].")
            return []
        }
        var scenarios: [Scenario] = []
        for value in values {
            let scenarioName = "\(name)=\(value.plain)"
            guard accept(name: scenarioName, at: at + ["values"]) else { continue }
            let override = _TOMLNode.nested(keyPath, value)
            guard let policy = policy(overriding: override, at: at + ["key"], scenario: scenarioName) else { continue }
            var scenario = Scenario(name: scenarioName)
            scenario.policy = policy
            scenario.policyChanges = override.assignments()
            scenario.sweep = Scenario.Sweep(name: name, key: key, value: value.plain)
            scenario.line = lines.line(of: at)
            scenarios.append(scenario)
        }
        return scenarios
    }

    // MARK: Values

    /// The baseline's policy with `override` laid over it, read with every
    /// problem located in this file; `nil` when the result has errors.
    private mutating func policy(overriding override: _TOMLNode, at keyPath: [String], scenario: String) -> Policy? {
        var keyLines = lines
        keyLines.prefix = keyPath
        var reader = _PolicyReader(path: path, lines: keyLines)
        let policy = reader.policy(from: basePolicy.overridden(by: override))
        let errors = reader.diagnostics.errors
        diagnostics.append(
            contentsOf: InputDiagnostics(
                errors.map { .error($0.location, "in the scenario \"\(scenario)\": \($0.message)") }))
        return errors.isEmpty ? policy : nil
    }

    /// A scenario name that is new, not empty, and fit to name a folder.
    private mutating func accept(name: String, at keyPath: [String]) -> Bool {
        let problem: String? =
            if name.trimmingWhitespace().isEmpty { "a scenario's name is empty" } else if name.count > Self.longestName
            {
                "the scenario name \"\(name.prefix(20))…\" is longer than \(Self.longestName) characters"
            } else if name.hasPrefix(".")
                || name.unicodeScalars.contains(where: {
                    $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F
                })
            {
                "the scenario name \"\(name)\" cannot name a folder (it starts with a dot, or has a slash or a control character)"
            } else if name.lowercased() == "baseline" {
                "\"baseline\" is the name of the inputs as given; name the scenario otherwise"
            } else if let earlier = names[name.lowercased()] {
                "the scenario name \"\(name)\" is already used on line \(earlier); names must differ (ignoring case)"
            } else { nil }
        if let problem {
            error(keyPath, problem + ".")
            return false
        }
        names[name.lowercased()] = lines.line(of: keyPath) ?? 0
        return true
    }

    private mutating func text(_ node: _TOMLNode, at keyPath: [String], _ what: String) -> String? {
        if case .string(let text) = node { return text }
        error(keyPath, "\(what) must be text in quotes, not \(node.kind).")
        return nil
    }

    private mutating func list(_ node: _TOMLNode, at keyPath: [String], scenario: String) -> [_TOMLNode] {
        if case .array(let items) = node { return items }
        error(
            keyPath,
            "in the scenario \"\(scenario)\": \(keyPath.last!) must be a list in brackets, such as [\"M12\", \"E40\"], not \(node.kind)."
        )
        return []
    }

    /// `[["E4", "M7"], …]`: mentee first, then mentor.
    private mutating func pairs(_ node: _TOMLNode, at keyPath: [String], scenario: String) -> [Pairing] {
        let key = keyPath.last!
        var pairs: [Pairing] = []
        for element in list(node, at: keyPath, scenario: scenario) {
            guard case .array(let ids) = element, ids.count == 2 else {
                error(
                    keyPath,
                    "in the scenario \"\(scenario)\": each pair of \(key) is a mentee and a mentor in brackets, such as [\"E4\", \"M7\"], not \(element.written)."
                )
                continue
            }
            if case .string(let first) = ids[0], case .string(let second) = ids[1],
                cohort.menteeIndexByID[ParticipantID(first)] == nil,
                cohort.mentorIndexByID[ParticipantID(first)] != nil,
                cohort.menteeIndexByID[ParticipantID(second)] != nil
            {
                error(
                    keyPath,
                    "in the scenario \"\(scenario)\": the pair \(element.written) of \(key) names the mentor first; write the mentee first: [\"\(second)\", \"\(first)\"]."
                )
                continue
            }
            guard let mentee = person(ids[0], at: keyPath, role: .mentee, scenario: scenario),
                let mentor = person(ids[1], at: keyPath, role: .mentor, scenario: scenario)
            else { continue }
            let pair = Pairing(mentee: mentee, mentor: mentor)
            if pairs.contains(pair) {
                error(keyPath, "in the scenario \"\(scenario)\": \(key) lists \(mentee)–\(mentor) twice.")
            } else {
                pairs.append(pair)
            }
        }
        return pairs
    }

    /// A person of the cohort by id, on the side asked (either, for `nil`).
    private mutating func person(
        _ node: _TOMLNode, at keyPath: [String], role: Role?, scenario: String
    ) -> ParticipantID? {
        guard case .string(let text) = node else {
            error(
                keyPath,
                "in the scenario \"\(scenario)\": a person is named by their id in quotes, such as \"M12\", not \(node.kind)."
            )
            return nil
        }
        let id = ParticipantID(text.trimmingWhitespace())
        let isMentee = cohort.menteeIndexByID[id] != nil, isMentor = cohort.mentorIndexByID[id] != nil
        switch role {
        case nil where isMentee || isMentor: return id
        case .mentee? where isMentee: return id
        case .mentor? where isMentor: return id
        default: break
        }
        let side = role.map { "\($0)" } ?? "mentor or mentee"
        if isMentee || isMentor {
            error(
                keyPath,
                "in the scenario \"\(scenario)\": \"\(id)\" is a \(isMentee ? "mentee" : "mentor"), not a \(side).")
        } else {
            let candidates: [String] =
                switch role {
                case .mentee?: menteeIDs
                case .mentor?: mentorIDs
                case nil: mentorIDs + menteeIDs
                }
            error(
                keyPath,
                "in the scenario \"\(scenario)\": \"\(id)\" is no \(side) of the cohort\(Suggestion.clause(for: id.rawValue, among: candidates))."
            )
        }
        return nil
    }

    /// Changes of one scenario that contradict each other.
    private mutating func checkConsistency(of scenario: Scenario, at keyPath: [String]) {
        let name = scenario.name
        let withdrawn = Set(scenario.withdrawn)
        for pair in scenario.pins where withdrawn.contains(pair.mentee) || withdrawn.contains(pair.mentor) {
            error(
                keyPath + ["pin"],
                "in the scenario \"\(name)\": \(pair.mentee)–\(pair.mentor) is pinned, but the scenario drops \(withdrawn.contains(pair.mentee) ? pair.mentee : pair.mentor)."
            )
        }
        for pair in scenario.pins where scenario.forbidden.contains(pair) {
            error(
                keyPath + ["forbid"],
                "in the scenario \"\(name)\": \(pair.mentee)–\(pair.mentor) is both pinned and forbidden.")
        }
        var pinned = Set<ParticipantID>()
        for pair in scenario.pins where !pinned.insert(pair.mentee).inserted {
            error(
                keyPath + ["pin"],
                "in the scenario \"\(name)\": the mentee \(pair.mentee) is pinned to more than one mentor.")
        }
        for mentor in scenario.capacities.keys.sorted() where withdrawn.contains(mentor) {
            error(
                keyPath + ["capacity"],
                "in the scenario \"\(name)\": \(mentor) is given a capacity, but the scenario drops them.")
        }
    }

    private mutating func error(_ keyPath: [String], _ message: String) {
        diagnostics.error(SourceLocation(file: path, row: lines.line(of: keyPath)), message)
    }
}
