import Diagnostics
import Matching
import TestSupport
import Testing

/// Reading a scenarios file: what each table becomes, and every mistake
/// reported at once with its line and the fix.
@Suite struct ScenarioFileTests {
    static let cohort: Cohort = {
        let sources = Cohort.Sources(
            mentors: datasetPath("sample/mentors.csv"), mentees: datasetPath("sample/mentees.csv"),
            conflicts: datasetPath("sample/conflicts.csv"), policy: datasetPath("sample/policy.toml"))
        return try! CohortLoader.load(sources).cohort
    }()

    static func parse(_ text: String) throws(InputDiagnostics) -> [Scenario] {
        try ScenarioFile.parse(text, path: "what-if.toml", baseline: cohort)
    }

    /// The problems of a file that must fail, as printed.
    static func problems(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.sorted.map(\.description)
        }
    }

    @Test("Each kind of change is read, in the file's order, with the baseline policy's other keys kept")
    func kinds() throws {
        let scenarios = try Self.parse(
            """
            [[scenario]]
            name = "strict"
            [scenario.policy]
            rules.same_organisation = "forbid"
            matching.minimum_score = 12.5

            [[sweep]]
            name = "discount"
            key = "matching.slot_discount"
            values = [0, 2.5]

            [[scenario]]
            name = "changes"
            drop = ["M17", "E40"]
            capacity = { M2 = 3, M5 = 1 }
            pin = [["E90", "M23"]]
            forbid = [["E1", "M17"], ["E2", "M39"]]
            """)
        #expect(scenarios.map(\.name) == ["strict", "discount=0", "discount=2.5", "changes"])
        let strict = try #require(scenarios[0].policy)
        #expect(strict.sameOrganisation == .forbid && strict.matching.minimumScore == 12.5)
        // Everything the override leaves alone is the sample policy's.
        #expect(strict.matching.menteesPerMentor == 3 && strict.matching.slotDiscount == 1.0)
        #expect(strict.seniority == Self.cohort.policy.seniority)
        #expect(
            scenarios[0].policyChanges == ["rules.same_organisation = \"forbid\"", "matching.minimum_score = 12.5"]
                || scenarios[0].policyChanges == [
                    "matching.minimum_score = 12.5", "rules.same_organisation = \"forbid\"",
                ])
        #expect(scenarios[2].policy?.matching.slotDiscount == 2.5)
        #expect(scenarios[2].sweep == Scenario.Sweep(name: "discount", key: "matching.slot_discount", value: "2.5"))
        let changes = scenarios[3]
        #expect(changes.withdrawn == ["M17", "E40"] && changes.capacities == ["M2": 3, "M5": 1])
        #expect(changes.pins == [Pairing(mentee: "E90", mentor: "M23")])
        #expect(changes.forbidden == [Pairing(mentee: "E1", mentor: "M17"), Pairing(mentee: "E2", mentor: "M39")])
        #expect(changes.policy == nil)
        #expect(
            changes.changes == [
                "M17 withdrawn", "E40 withdrawn", "M2 takes 3 mentees", "M5 takes 1 mentee", "E90 pinned to M23",
                "E1–M17 forbidden", "E2–M39 forbidden",
            ])
    }

    @Test("Every mistake is reported at once, each at its line, with the nearest person or key")
    func mistakes() {
        let problems = Self.problems(
            """
            [[scenario]]
            name = "one"
            dorp = ["M17"]
            capacity = { M99 = 2, E4 = 1, M3 = -1 }

            [[scenario]]
            name = "One"
            pin = [["M7", "E4"], ["E4"]]
            forbid = [["E4", "M777"]]
            [scenario.policy]
            matching.minimun_score = 20
            rules.same_organisation = "never"

            [[scenario]]
            drop = ["M1"]

            [[sweep]]
            name = "minimum"
            key = "matching.minimum_scor"
            values = [10, 20]

            [[senario]]
            name = "typo"
            """)
        #expect(
            problems == [
                "what-if.toml:3: error: in the scenario \"one\": unknown key \"dorp\" (known: name, policy, drop, capacity, pin, forbid); did you mean \"drop\"?",
                "what-if.toml:4: error: in the scenario \"one\": \"E4\" is a mentee, not a mentor.",
                "what-if.toml:4: error: in the scenario \"one\": the capacity of M3 is -1; it must be a whole number from 1 to 1000 (drop a mentor who takes nobody).",
                "what-if.toml:4: error: in the scenario \"one\": \"M99\" is no mentor of the cohort.",
                "what-if.toml:7: error: the scenario name \"One\" is already used on line 2; names must differ (ignoring case).",
                "what-if.toml:8: error: in the scenario \"One\": the pair [\"M7\", \"E4\"] of pin names the mentor first; write the mentee first: [\"E4\", \"M7\"].",
                "what-if.toml:8: error: in the scenario \"One\": each pair of pin is a mentee and a mentor in brackets, such as [\"E4\", \"M7\"], not [\"E4\"].",
                "what-if.toml:9: error: in the scenario \"One\": \"M777\" is no mentor of the cohort; did you mean \"M77\"?",
                "what-if.toml:11: error: in the scenario \"One\": unknown policy key \"matching.minimun_score\" in [matching] (known keys there: objective, minimum_score, fairness, slot_discount, mentees_per_mentor, checkpoint_months); did you mean \"minimum_score\"?",
                "what-if.toml:12: error: in the scenario \"One\": rules.same_organisation is \"never\"; use one of forbid, penalise N, neutral, prefer N.",
                "what-if.toml:14: error: a scenario has no name; give it one: name = \"without M12\".",
                "what-if.toml:19: error: in the scenario \"minimum=10\": unknown policy key \"matching.minimum_scor\" in [matching] (known keys there: objective, minimum_score, fairness, slot_discount, mentees_per_mentor, checkpoint_months); did you mean \"minimum_score\"?",
                "what-if.toml:19: error: in the scenario \"minimum=20\": unknown policy key \"matching.minimum_scor\" in [matching] (known keys there: objective, minimum_score, fairness, slot_discount, mentees_per_mentor, checkpoint_months); did you mean \"minimum_score\"?",
                "what-if.toml:22: error: unknown key \"senario\" at the top level (known: scenario, sweep); did you mean \"scenario\"?",
            ])
    }

    @Test(
        "A scenario's own mistakes: a pair written mentor first, a pin on someone dropped, policy values out of range")
    func scenarioMistakes() {
        let problems = Self.problems(
            """
            [[scenario]]
            name = "pins"
            pin = [["M23", "E90"], ["E91", "M1"], ["E91", "M2"]]
            drop = ["M1"]
            forbid = [["E4", "M777"], ["E4"]]

            [[scenario]]
            name = "policy"
            [scenario.policy]
            matching.minimun_score = 20
            rules.same_organisation = "never"
            """)
        #expect(
            problems == [
                "what-if.toml:3: error: in the scenario \"pins\": the pair [\"M23\", \"E90\"] of pin names the mentor first; write the mentee first: [\"E90\", \"M23\"].",
                "what-if.toml:5: error: in the scenario \"pins\": \"M777\" is no mentor of the cohort; did you mean \"M77\"?",
                "what-if.toml:5: error: in the scenario \"pins\": each pair of forbid is a mentee and a mentor in brackets, such as [\"E4\", \"M7\"], not [\"E4\"].",
                "what-if.toml:10: error: in the scenario \"policy\": unknown policy key \"matching.minimun_score\" in [matching] (known keys there: objective, minimum_score, fairness, slot_discount, mentees_per_mentor, checkpoint_months); did you mean \"minimum_score\"?",
                "what-if.toml:11: error: in the scenario \"policy\": rules.same_organisation is \"never\"; use one of forbid, penalise N, neutral, prefer N.",
            ])
    }

    @Test("Pins that contradict the scenario's other changes are refused")
    func contradictions() {
        let problems = Self.problems(
            """
            [[scenario]]
            name = "contradictions"
            drop = ["M1"]
            pin = [["E91", "M1"], ["E4", "M2"], ["E4", "M3"]]
            forbid = [["E4", "M2"]]
            capacity = { M1 = 2 }
            """)
        #expect(
            problems == [
                "what-if.toml:4: error: in the scenario \"contradictions\": E91–M1 is pinned, but the scenario drops M1.",
                "what-if.toml:4: error: in the scenario \"contradictions\": the mentee E4 is pinned to more than one mentor.",
                "what-if.toml:5: error: in the scenario \"contradictions\": E4–M2 is both pinned and forbidden.",
                "what-if.toml:6: error: in the scenario \"contradictions\": M1 is given a capacity, but the scenario drops them.",
            ])
    }

    @Test("A file without scenarios, a reserved or unusable name, a bad sweep, and TOML that does not parse")
    func files() {
        #expect(
            Self.problems("# nothing yet\n") == [
                "what-if.toml: error: has no scenarios; add a [[scenario]] table with a name and its changes, or a [[sweep]] (see tandem compare --help)."
            ])
        #expect(
            Self.problems("[[scenario]]\nname = \"Baseline\"\n[[scenario]]\nname = \"a/b\"\n") == [
                "what-if.toml:2: error: \"baseline\" is the name of the inputs as given; name the scenario otherwise.",
                "what-if.toml:4: error: the scenario name \"a/b\" cannot name a folder (it starts with a dot, or has a slash or a control character).",
            ])
        #expect(
            Self.problems("[[sweep]]\nname = \"m\"\nkey = \"matching.minimum_score\"\nvalues = []\n") == [
                "what-if.toml:4: error: the sweep \"m\": values must be a list of at least one value, such as [0, 10, 20]."
            ])
        #expect(
            Self.problems("[[sweep]]\nname = \"m\"\nkey = \"matching.minimum_score\"\nvalues = [\"high\"]\n") == [
                "what-if.toml:3: error: in the scenario \"m=high\": matching.minimum_score must be a number of points, not text."
            ])
        #expect(Self.problems("[[scenario]\nname = 1\n").first?.hasPrefix("what-if.toml:1:") == true)
    }
}
