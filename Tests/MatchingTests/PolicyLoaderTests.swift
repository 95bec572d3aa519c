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
