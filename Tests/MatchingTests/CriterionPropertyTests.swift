import Foundation
import Matching
import TestSupport
import Testing
import _TandemUtilities

/// Random sign-ups with every kind of criterion, scored by Tandem and by a
/// per-pair oracle written here from the policy's definitions, working from
/// the generated answers themselves (not from what Tandem parsed).
@Suite struct CriterionPropertyTests {
    /// One generated person's answers, as written into their row.
    struct Person {
        var id: String
        var name: String
        var profession: String
        var slots: [String]
        /// Mentees: interests in order; mentors: interest and level.
        var interests: [(String, Int)]
        var level: String
        var years: String
        var optIn: String
        var named: [String]
    }

    /// One random scheme: people, a policy in TOML, and the oracle's settings.
    struct Scheme {
        var mentors: [Person] = []
        var mentees: [Person] = []
        var policy = ""
        var criteria: [[String: String]] = []
        let scale = ["junior", "mid", "senior", "lead"]
        let ladder = ["Lecturer": "mid", "Professor": "lead"]
    }

    static func randomScheme(_ random: inout SeededGenerator) -> Scheme {
        var scheme = Scheme()
        let professions = ["Nursing", "nursing ", "Law", "Physio", "Data", ""]
        let slotCount = [3, 10, 70, 130].randomElement(using: &random)!
        let interests = ["art", "Art", "maths", "music", "code", "law", "sport"]
        let levels = scheme.scale + Array(scheme.ladder.keys) + [""]
        func person(_ prefix: String, _ index: Int, mentor: Bool) -> Person {
            let slots = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                "S\(Int.random(in: 0..<slotCount, using: &random))"
            }
            var chosen: [(String, Int)] = []
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let interest = interests.randomElement(using: &random)!
                if !chosen.contains(where: { $0.0.lowercased() == interest.lowercased() }) {
                    chosen.append((interest, mentor ? Int.random(in: 1...3, using: &random) : 1))
                }
            }
            let years =
                Bool.random(using: &random)
                ? String(Int.random(in: 0...25, using: &random))
                : ["", "2.5", "7.25", "10"].randomElement(using: &random)!
            return Person(
                id: "\(prefix)\(index)", name: "\(prefix == "M" ? "Mentor" : "Mentee") \(index)",
                profession: professions.randomElement(using: &random)!, slots: slots, interests: chosen,
                level: levels.randomElement(using: &random)!, years: years,
                optIn: ["yes", "Yes", "no", "", "X"].randomElement(using: &random)!, named: [])
        }
        scheme.mentors = (0..<Int.random(in: 1...12, using: &random)).map { person("M", $0, mentor: true) }
        scheme.mentees = (0..<Int.random(in: 1...15, using: &random)).map { person("E", $0, mentor: false) }
        let namedByMentees = Bool.random(using: &random)
        let (namers, targets) = namedByMentees ? (scheme.mentees, scheme.mentors) : (scheme.mentors, scheme.mentees)
        var named = namers
        for index in named.indices {
            named[index].named = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                let target = targets.randomElement(using: &random)!
                return [target.id, target.name.uppercased(), "\(target.id)@x.org"].randomElement(using: &random)!
            }
        }
        if namedByMentees { scheme.mentees = named } else { scheme.mentors = named }

        // The policy: each kind of criterion, or not, with random settings.
        var toml = "resolution = \([0.01, 0.25, 1].randomElement(using: &random)!)\n"
        func add(_ entries: [String: String]) {
            scheme.criteria.append(entries)
            toml +=
                "\n[[criteria]]\n"
                + entries.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
                .joined(separator: "\n") + "\n"
        }
        // Never 0: a bonus criterion without points is a policy error.
        func points() -> String {
            String(Double([-20...(-1), 1...40].randomElement(using: &random)!.randomElement(using: &random)!) / 4)
        }
        let rules = ["\"bonus\"", "\"required\"", "\"forbidden\""]
        if Bool.random(using: &random) {
            var same = ["label": "\"same profession\"", "kind": "\"same\"", "column": "\"Profession\""]
            same["rule"] = rules.randomElement(using: &random)!
            same["weight"] = points()
            if Bool.random(using: &random) { same["mentor_opt_in"] = "\"Opt in\"" }
            add(same)
        }
        if Bool.random(using: &random) {
            var share = ["label": "\"slots\"", "kind": "\"share\"", "column": "\"Slots\""]
            share["rule"] = rules.randomElement(using: &random)!
            share["weight"] = points()
            if Bool.random(using: &random) { share["opt_in"] = "\"Opt in\"" }
            add(share)
        }
        if Bool.random(using: &random) {
            var requested = ["label": "\"identity\"", "kind": "\"requested\"", "column": "\"Slots\""]
            requested["opt_in"] = "\"Opt in\""
            requested["rule"] = ["\"bonus\"", "\"required\""].randomElement(using: &random)!
            requested["weight"] = points()
            add(requested)
        }
        if Bool.random(using: &random) {
            var overlap = ["label": "\"interests\"", "kind": "\"overlap\"", "column": "\"Interests\""]
            overlap["weight"] = String(Double(Int.random(in: 1...40, using: &random)) / 4)
            overlap["decay"] = String(Double(Int.random(in: 1...10, using: &random)) / 10)
            overlap["rule"] = ["\"bonus\"", "\"required\""].randomElement(using: &random)!
            add(overlap)
        }
        if Bool.random(using: &random) {
            var levels = ["label": "\"level\"", "kind": "\"levels\"", "column": "\"Level\""]
            levels["scale"] = "[\"junior\", \"mid\", \"senior\", \"lead\"]"
            levels["equivalents"] = "{ Lecturer = \"mid\", Professor = \"lead\" }"
            if Bool.random(using: &random) { levels["minimum_gap"] = String(Int.random(in: -1...2, using: &random)) }
            if Bool.random(using: &random) {
                levels["ideal_gap"] = String(Int.random(in: 0...2, using: &random))
                levels["weight"] = points()
            } else if levels["minimum_gap"] == nil {
                levels["minimum_gap"] = "0"
            }
            add(levels)
        }
        if Bool.random(using: &random) {
            var difference = ["label": "\"years\"", "kind": "\"difference\"", "column": "\"Years\""]
            if Bool.random(using: &random) { difference["minimum"] = String(Int.random(in: -3...3, using: &random)) }
            if Bool.random(using: &random) { difference["maximum"] = String(Int.random(in: 4...15, using: &random)) }
            if Bool.random(using: &random) || (difference["minimum"] == nil && difference["maximum"] == nil) {
                difference["ideal"] = String(Double(Int.random(in: 0...20, using: &random)) / 2)
                difference["tolerance"] = String(Double(Int.random(in: 0...6, using: &random)) / 2)
                difference["weight"] = points()
            }
            add(difference)
        }
        if Bool.random(using: &random) {
            var preferences = ["label": "\"named\"", "kind": "\"preferences\"", "column": "\"Named\""]
            preferences["side"] = namedByMentees ? "\"mentee\"" : "\"mentor\""
            preferences["weight"] = String(Double(Int.random(in: 0...40, using: &random)) / 4)
            preferences["decay"] = String(Double(Int.random(in: 1...10, using: &random)) / 10)
            preferences["rule"] = ["\"bonus\"", "\"required\""].randomElement(using: &random)!
            if preferences["weight"] == "0.0" { preferences["rule"] = "\"required\"" }
            add(preferences)
        }
        scheme.policy = toml
        return scheme
    }

    static func csv(_ people: [Person], mentor: Bool) -> String {
        func quoted(_ text: String) -> String { "\"" + text + "\"" }
        var text = "id,name,email,Profession,Slots,Interests,Level,Years,Opt in,Named\n"
        for person in people {
            let interests = person.interests.map { mentor ? "\($0.0):\($0.1)" : $0.0 }.joined(separator: "; ")
            text +=
                [
                    person.id, person.name, "\(person.id)@x.org", person.profession,
                    quoted(person.slots.joined(separator: "; ")), quoted(interests), person.level, person.years,
                    person.optIn, quoted(person.named.joined(separator: "; ")),
                ].joined(separator: ",") + "\n"
        }
        return text
    }

    @Test("Every criterion kind scores and forbids as an independent per-pair oracle says (300 random schemes)")
    func agreesWithOracle() throws {
        try forEverySeed(0..<300) { seed, random in
            let scheme = Self.randomScheme(&random)
            guard !scheme.criteria.isEmpty else { return }
            let loaded = try Fixtures.cohort(
                policy: scheme.policy, mentors: Self.csv(scheme.mentors, mentor: true),
                mentees: Self.csv(scheme.mentees, mentor: false))
            let cohort = loaded.cohort
            let model = try ScoringModel(cohort: cohort)
            let matrix = model.scoreMatrix()
            let builtIn = NaivePairScorer(cohort: cohort, conflicts: [])
            let oracle = CriterionOracle(scheme: scheme, resolution: cohort.policy.resolution)
            for (i, mentee) in cohort.mentees.enumerated() {
                for (j, mentor) in cohort.mentors.enumerated() {
                    let base = builtIn.verdict(mentee: i, mentor: j)
                    let extra = oracle.verdict(mentee: mentee.id.rawValue, mentor: mentor.id.rawValue)
                    let forbidden = base.forbidden || extra.forbidden
                    let expected = NaivePairScorer.Verdict(
                        forbidden: forbidden, units: forbidden ? 0 : base.units + extra.units)
                    let fast = matrix.score(mentee: i, mentor: j)
                    #expect(
                        NaivePairScorer.Verdict(forbidden: fast == nil, units: Int64(fast ?? 0)) == expected,
                        "seed \(seed): \(mentee.id)–\(mentor.id)\n\(scheme.policy)")
                    let explanation = model.explain(mentee: i, mentor: j)
                    #expect(explanation.isForbidden == (fast == nil), "seed \(seed)")
                    if let fast { #expect(explanation.units == Int64(fast), "seed \(seed)") }
                }
            }
        }
    }
}

/// The criteria's meaning, restated pair by pair from the generated answers.
struct CriterionOracle {
    let scheme: CriterionPropertyTests.Scheme
    let resolution: Double

    func verdict(mentee menteeID: String, mentor mentorID: String) -> NaivePairScorer.Verdict {
        let mentee = scheme.mentees.first { $0.id == menteeID }!
        let mentor = scheme.mentors.first { $0.id == mentorID }!
        let units = { (points: Double) in Int64((points / resolution).rounded()) }
        var forbidden = false
        var total: Int64 = 0
        func yes(_ answer: String) -> Bool { ["yes", "x"].contains(answer.lowercased()) }
        func number(_ text: String?) -> Double? { text.flatMap(Double.init) }
        func key(_ text: String) -> String { text.lowercased().trimmingCharacters(in: .whitespaces) }
        for criterion in scheme.criteria {
            let weight = number(criterion["weight"]) ?? 0
            let rule = criterion["rule"] ?? "\"bonus\""
            let menteeOpted = criterion["opt_in"] == nil || yes(mentee.optIn)
            let mentorOpted = criterion["mentor_opt_in"] == nil || yes(mentor.optIn)
            switch criterion["kind"]! {
            case "\"same\"":
                guard menteeOpted, mentorOpted, !key(mentee.profession).isEmpty, !key(mentor.profession).isEmpty
                else { continue }
                let equal = key(mentee.profession) == key(mentor.profession)
                if equal { total += units(weight) }
                if rule == "\"required\"" && !equal || rule == "\"forbidden\"" && equal { forbidden = true }
            case "\"share\"", "\"requested\"":
                guard menteeOpted, mentorOpted, !mentee.slots.isEmpty, !mentor.slots.isEmpty else { continue }
                let common = Set(mentee.slots.map(key)).intersection(mentor.slots.map(key)).count
                total += units(weight) * Int64(common)
                if rule == "\"required\"" && common == 0 || rule == "\"forbidden\"" && common > 0 { forbidden = true }
            case "\"overlap\"":
                guard !mentee.interests.isEmpty, !mentor.interests.isEmpty else { continue }
                var points = weight, matched = false
                for (interest, _) in mentee.interests {
                    if let offered = mentor.interests.first(where: { key($0.0) == key(interest) }) {
                        total += units(points) * Int64([1, 2, 3][offered.1 - 1])
                        matched = true
                    }
                    points *= number(criterion["decay"])!
                }
                if rule == "\"required\"" && !matched { forbidden = true }
            case "\"levels\"":
                func index(_ level: String) -> Int? {
                    scheme.scale.firstIndex(of: scheme.ladder[level] ?? level)
                }
                guard let mine = index(mentee.level), let theirs = index(mentor.level) else { continue }
                let gap = theirs - mine
                if let minimum = number(criterion["minimum_gap"]), Double(gap) < minimum { forbidden = true }
                if let ideal = number(criterion["ideal_gap"]).map(Int.init) {
                    if gap == ideal { total += units(weight) }
                    if abs(gap - ideal) == 1 { total += units(weight / 2) }
                }
            case "\"difference\"":
                guard let mine = Double(mentee.years), let theirs = Double(mentor.years) else { continue }
                let gap = theirs - mine
                if let minimum = number(criterion["minimum"]), gap < minimum { forbidden = true }
                if let maximum = number(criterion["maximum"]), gap > maximum { forbidden = true }
                if let ideal = number(criterion["ideal"]), abs(gap - ideal) <= number(criterion["tolerance"])! {
                    total += units(weight)
                }
            case "\"preferences\"":
                let byMentee = criterion["side"] == "\"mentee\""
                let (namer, target) = byMentee ? (mentee, mentor) : (mentor, mentee)
                var ranked: [String] = []
                for reference in namer.named {
                    let id = reference.hasSuffix("@x.org") ? String(reference.dropLast(6)) : reference
                    let resolved = (byMentee ? scheme.mentors : scheme.mentees).first {
                        $0.id == id || $0.name.uppercased() == reference
                    }!.id
                    if !ranked.contains(resolved) { ranked.append(resolved) }
                }
                if let rank = ranked.firstIndex(of: target.id) {
                    var points = weight
                    for _ in 0..<rank { points *= number(criterion["decay"])! }
                    total += units(points)
                } else if rule == "\"required\"" && !ranked.isEmpty {
                    forbidden = true
                }
            default: Issue.record("unknown kind \(criterion["kind"]!)")
            }
        }
        return NaivePairScorer.Verdict(forbidden: forbidden, units: forbidden ? 0 : total)
    }
}

@Suite struct CriterionAnswerTests {
    @Test("A value given twice in code counts once, in the matrix and in the explanation alike")
    func repeatedValues() throws {
        var policy = Policy()
        var slots = Criterion(label: "slots", kind: .share)
        slots.weight = 2
        policy.criteria = [slots]
        let mentor = Participant(
            role: .mentor, id: "M1", answers: [.init(values: ["Mon", "mon", "Tue"])])
        let mentee = Participant(role: .mentee, id: "E1", answers: [.init(values: ["MON", "Mon", "Tue"])])
        let cohort = try Cohort(
            policy: policy, taxonomy: Taxonomy(policy.taxonomy), mentors: [mentor], mentees: [mentee])
        #expect(cohort.mentors[0].answers[0].values == ["Mon", "Tue"])
        let model = try ScoringModel(cohort: cohort)
        #expect(model.scoreMatrix().score(mentee: 0, mentor: 0) == 400)
        #expect(model.explain(mentee: 0, mentor: 0).units == 400)
    }
}
