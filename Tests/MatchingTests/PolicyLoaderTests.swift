import Diagnostics
import Foundation
import Matching
import Testing

@Suite struct PolicyLoaderTests {
    @Test("datasets/policies/reference.toml, which lists every key with its default, equals the built-in defaults")
    func referenceIsDefaults() throws {
        let policy = try PolicyLoader.load(path: Fixtures.path("datasets/policies/reference.toml"))
        #expect(policy == Policy())
    }

    @Test(
        "The sample policies load without a problem",
        arguments: [
            "datasets/policies/minimal.toml", "datasets/policies/alumni-students.toml",
            "datasets/policies/research-staff-network.toml", "datasets/policies/civil-service-network.toml",
            "datasets/small/policy.toml",
        ])
    func samplesLoad(path: String) throws {
        _ = try PolicyLoader.load(path: Fixtures.path(path))
    }

    @Test("A three-line policy changes only what it states")
    func minimal() throws {
        let policy = try PolicyLoader.load(path: Fixtures.path("datasets/policies/minimal.toml"))
        var expected = Policy()
        expected.name = "Alumni mentoring 2027"
        expected.sameOrganisation = .prefer
        expected.weights.organisation = 2
        #expect(policy == expected)
    }

    @Test(
        "Same-organisation rules, with points and with the American spelling",
        arguments: [
            ("\"forbid\"", Policy.OrganisationRule.forbid, 5.0), ("\"penalise 3\"", .penalise, 3.0),
            ("\"penalize 2.5\"", .penalise, 2.5), ("\"prefer\"", .prefer, 5.0), ("\"neutral\"", .neutral, 5.0),
        ])
    func organisationRules(text: String, rule: Policy.OrganisationRule, points: Double) throws {
        let policy = try PolicyLoader.parse("[rules]\nsame_organisation = \(text)\n", path: "p.toml")
        #expect(policy.sameOrganisation == rule)
        #expect(policy.weights.organisation == points)
    }

    @Test(
        "[history] repeat_pairs: forbid, allow, or penalise with points",
        arguments: [
            ("\"forbid\"", Policy.RepeatPairs.forbid, 0.0), ("\"allow\"", .allow, 0),
            ("\"penalise 5\"", .penalise, 5), ("\"Penalize 2.5\"", .penalise, 2.5),
        ])
    func repeatPairs(text: String, rule: Policy.RepeatPairs, points: Double) throws {
        let policy = try PolicyLoader.parse("[history]\nrepeat_pairs = \(text)\n", path: "p.toml")
        #expect(policy.history.repeatPairs == rule)
        #expect(policy.history.repeatPenalty == points)
        #expect(
            policy.history.repeatRule
                == text.lowercased().replacingOccurrences(of: "\"", with: "").replacingOccurrences(
                    of: "penalize", with: "penalise"))
    }

    @Test("A wrong repeat_pairs says what it may be")
    func repeatPairsMistakes() {
        for (text, message) in [
            ("punish", "history.repeat_pairs is \"punish\"; use one of forbid, penalise N, allow"),
            ("penalise", "history.repeat_pairs needs the points to take off, such as \"penalise 5\""),
            ("allow 3", "history.repeat_pairs is \"allow 3\"; only penalise takes a number of points"),
            ("penalise -2", "history.repeat_pairs is \"penalise -2\"; the points are a number from 0 to 1000000"),
        ] {
            do {
                _ = try PolicyLoader.parse("[history]\nrepeat_pairs = \"\(text)\"\n", path: "p.toml")
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.description.contains("p.toml:2: error: \(message)"), "\(error)")
            }
        }
    }

    @Test("Every mistake is reported at once, each with its line")
    func everyMistakeWithItsLine() {
        let text = """
            name = "x"
            start_date = "2027-02-30"

            [weights]
            goal_match = "ten"
            skill_levels = [1, 2]

            [lists]
            separators = []
            """
        do {
            _ = try PolicyLoader.parse(text, path: "p.toml")
            Issue.record("expected errors")
        } catch {
            #expect(
                error.sorted.map(\.description) == [
                    "p.toml:2: error: start_date is \"2027-02-30\"; write a date as 2027-01-15.",
                    "p.toml:5: error: weights.goal_match must be a number of points (at most 1,000,000), not text.",
                    "p.toml:6: error: unknown policy key \"weights.skill_levels\" in [weights] (known keys there: goal_match, goal_priority_decay, skill_level, seniority_gap, same_region, shared_language, organisation); did you mean \"skill_level\"?",
                    "p.toml:9: error: lists.separators needs at least one non-empty separator, such as [\";\"].",
                ])
        }
    }

    @Test("Keys in dotted form and in inline tables are located too")
    func dottedAndInlineKeys() {
        let text = "rules.same_organisaton = \"forbid\"\n[taxonomy]\nsynonyms = { \"ML\" = 3 }\n"
        do {
            _ = try PolicyLoader.parse(text, path: "p.toml")
            Issue.record("expected errors")
        } catch {
            #expect(error.sorted.map(\.location.row) == [1, 3])
        }
        // A table written only as part of a longer header or dotted key is
        // located where it first appears.
        let implied = "name = \"x\"\nst.art = 2027-02-01\n[columna.mentors]\nskills = \"S\"\n"
        do {
            _ = try PolicyLoader.parse(implied, path: "p.toml")
            Issue.record("expected errors")
        } catch {
            #expect(error.sorted.map(\.location.row) == [2, 3])
        }
    }

    @Test(
        "A per-file column mapping wins over the shared [columns] one for every field, whatever the key order",
        arguments: SignupField.allCases.filter { $0.applies(to: .mentor) && $0.applies(to: .mentee) })
    func perFileColumnsWin(field: SignupField) throws {
        // Written both ways round: shared first and per-file first.
        for text in [
            "[columns]\n\(field.rawValue) = \"Shared\"\n[columns.mentees]\n\(field.rawValue) = \"Mentees' own\"\n",
            "[columns.mentees]\n\(field.rawValue) = \"Mentees' own\"\n[columns]\n\(field.rawValue) = \"Shared\"\n",
        ] {
            let policy = try PolicyLoader.parse(text, path: "p.toml")
            #expect(policy.columns.mentees[field] == ["Mentees' own"], "\(text)")
            #expect(policy.columns.mentors[field] == ["Shared"], "\(text)")
        }
    }

    @Test("A policy saved with Windows line ends (CRLF) has its errors located by line")
    func windowsLineEnds() {
        let error = #expect(throws: InputDiagnostics.self) {
            try PolicyLoader.parse("name = \"x\"\r\n[weights]\r\ngoal_macth = 3\r\n", path: "p.toml")
        }
        #expect(error?.errors.map(\.location.row) == [3])
    }

    @Test("A policy file that is not UTF-8 is refused at the line and column of the first bad byte")
    func notUTF8() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-latin1-\(UUID()).toml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(Array("name = \"x\"\n# caf".utf8) + [0xE9] + Array("\n".utf8)).write(to: URL(fileURLWithPath: path))
        do {
            _ = try PolicyLoader.load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(path):2:6: error: this is not UTF-8 text; save the file as UTF-8.")
        }
    }

    @Test("A TOML syntax error names its line and column")
    func syntaxError() {
        do {
            _ = try PolicyLoader.parse("name = \"x\"\n[weights\n", path: "p.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].location.row == 2)
            #expect(error.problems[0].message.hasPrefix("this is not valid TOML"))
        }
    }

    @Test(
        "Dates are checked against the calendar",
        arguments: [
            ("2028-02-29", true), ("2027-02-29", false), ("2027-13-01", false), ("2027-04-31", false),
        ])
    func dates(date: String, valid: Bool) {
        let policy = try? PolicyLoader.parse("start_date = \(date)\n", path: "p.toml")
        #expect((policy?.startDate?.description == date) == valid)
    }
}

/// Inputs that once crashed or exhausted memory (issue 11), each now a located error.
@Suite struct PolicyHardeningTests {
    @Test("A start date whose reviews would fall after 9999-12-31 is an error at its line, not a crash in match")
    func startDateAtTheEndOfTime() throws {
        do {
            _ = try PolicyLoader.parse("name = \"x\"\nstart_date = 9999-07-01\n", path: "p.toml")
            Issue.record("the policy was accepted")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "p.toml:2: error: start_date is 9999-07-01, and a review 6 months later would fall after 9999-12-31; give the real start date."
                ])
        }
        // In code, the same policy has no checkpoint dates rather than a crash.
        var policy = Policy()
        policy.startDate = CalendarDate(year: 9999, month: 7, day: 1)
        #expect(policy.checkpointDates == nil)
        #expect(CalendarDate(year: 9999, month: 12, day: 31)?.adding(months: 1) == nil)
    }

    @Test(
        "default_capacity is bounded like a sign-up's capacity",
        arguments: ["0", "1001", "144115188075855872", "1000000000"])
    func defaultCapacityBounded(value: String) throws {
        do {
            _ = try PolicyLoader.parse("default_capacity = \(value)\n", path: "p.toml")
            Issue.record("default_capacity = \(value) was accepted")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "p.toml:1: error: default_capacity is \(value); it must be a whole number from 1 to 1000."
                ], "\(error)")
        }
        #expect((try? PolicyLoader.parse("default_capacity = 1000\n", path: "p.toml"))?.defaultCapacity == 1000)
    }
}

extension PolicyHardeningTests {
    /// Inputs that aborted (exit 134) or overflowed the stack (SIGSEGV) in
    /// TOMLKit's C++ parser: 68 of 2,500 random tiny policies did.
    static let crashers: [(String, String)] = [
        ("[=", "p.toml:1:1: error: this is not valid TOML: this is not a table header"),
        ("[:]", "p.toml:1:1: error: this is not valid TOML: this is not a table header"),
        ("s=[\"\",}", "p.toml:1:7: error: this is not valid TOML: a \"}\" here closes nothing that it could close"),
        (
            "a" + String(repeating: ".a", count: 30_000) + " = 1",
            "p.toml:1:1: error: this is not valid TOML: keys nest more than 64 levels deep here"
        ),
        (
            "[" + String(repeating: "a.", count: 30_000) + "a]",
            "p.toml:1:1: error: this is not valid TOML: keys nest more than 64 levels deep here"
        ),
        // "[" and a combining mark are one Swift Character but two code points (make fuzz).
        ("[\u{031E}.", "p.toml:1:1: error: this is not valid TOML: this is not a table header"),
    ]

    @Test("Policies that crashed the TOML parser are located errors", arguments: crashers)
    func parserCrashers(text: String, expected: String) {
        do {
            _ = try PolicyLoader.parse(text, path: "p.toml")
            Issue.record("accepted: \(text.prefix(20))")
        } catch {
            #expect(error.errors.count == 1)
            #expect(error.errors.first?.description.hasPrefix(expected) == true, "\(error)")
        }
    }

    @Test("The guard lets real TOML through: multi-line strings and arrays, quoted keys, arrays of tables, comments")
    func validTOMLPasses() throws {
        let text = """
            name = \"\"\"A scheme
            with a long name\"\"\"  # a comment with ] and }
            resolution = 0.5

            [taxonomy]
            topics = [
              "statistics",   # [not a header]
              "writing",
            ]
            synonyms = { "stats.basic" = "statistics", 'w' = "writing" }

            [seniority]
            levels = ["junior", "senior"]
            """
        let policy = try PolicyLoader.parse(text, path: "p.toml")
        #expect(policy.name == "A scheme\nwith a long name")
        #expect(policy.taxonomy.topics == ["statistics", "writing"])
        #expect(policy.taxonomy.synonyms == ["stats.basic": "statistics", "w": "writing"])
    }
}
