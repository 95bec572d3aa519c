import Diagnostics
import Foundation
import Matching
import Testing

@Suite struct RoundSpecTests {
    /// Three mentors and four mentees, built in code: no CSV, no file.
    static func cohort() throws -> Cohort {
        var policy = Policy()
        policy.name = "Built in code"
        var taxonomy = Taxonomy(policy.taxonomy)
        let topics = ["python", "writing", "statistics"].map { taxonomy.topic($0) }
        let python = try #require(topics[0]), writing = try #require(topics[1]), statistics = try #require(topics[2])
        let mentors = [
            Participant(
                mentor: "M1", name: "Ada",
                skills: [.init(topic: python, level: 3), .init(topic: statistics, level: 1)], capacity: 2),
            Participant(
                mentor: "M2", name: "Grace", region: "North", meeting: .inPerson,
                skills: [.init(topic: writing, level: 3)]),
            Participant(mentor: "M3", name: "Alan", skills: [.init(topic: statistics, level: 2)]),
        ]
        let mentees = [
            Participant(
                mentee: "E1", name: "Ben", goals: [.init(topic: python, rank: 1), .init(topic: statistics, rank: 2)]),
            Participant(mentee: "E2", name: "Cleo", goals: [.init(topic: python, rank: 1)]),
            Participant(
                mentee: "E3", name: "Dev", region: "South", meeting: .inPerson, goals: [.init(topic: writing, rank: 1)]),
            Participant(
                mentee: "E4", name: "Eve", goals: [.init(topic: statistics, rank: 1), .init(topic: writing, rank: 2)]),
        ]
        return try Cohort(
            policy: policy, taxonomy: taxonomy, mentors: mentors, mentees: mentees,
            exclusions: [PairExclusion(mentee: "E4", mentor: "M3", reason: .earlierPair)])
    }

    static func pairs(_ result: RoundResult) -> [String] { result.pairs.map { "\($0.mentee)–\($0.mentor)" } }

    @Test(
        "A cohort built in code runs a round: hard rules and exclusions hold, every mentee is accounted for, the answer is certified"
    )
    func builtInCode() async throws {
        let result = try await RoundSpec(cohort: Self.cohort()).run().result
        // M2 meets only in person, in the North, where no mentee is: nobody
        // may take her. E3 meets only in person, in the South: nobody at all.
        // E4–M3 was an earlier pair, so E4 needs M1; then E1 (38 with M1,
        // 16 with M3) yields M1's other place to E2 (30 with M1, 0 with M3).
        #expect(Self.pairs(result) == ["E1–M3", "E2–M1", "E4–M1"])
        #expect(result.unmatched.map(\.mentee) == ["E3"])
        #expect(result.unmatched.first?.reason == .noEligibleMentor(mainRule: .inPersonRegion))
        #expect(result.certificate.optimal)
    }

    @Test("Locks are kept and the rest is optimal around them; a declined pair is never proposed")
    func locksAndDeclines() async throws {
        var spec = RoundSpec(cohort: try Self.cohort())
        // E1 accepted M1 last time; E2 declined M3. M1's one place left goes
        // to E2 (30) rather than E4 (10): both leave one mentee unmatched.
        spec.locks = [Pairing(mentee: "E1", mentor: "M1")]
        spec.exclusions = [PairExclusion(mentee: "E2", mentor: "M3", reason: .declined)]
        let result = try await spec.run().result
        #expect(Self.pairs(result) == ["E1–M1", "E2–M1"])
        #expect(result.pairs.map(\.locked) == [true, false])
        #expect(result.unmatched.map(\.mentee) == ["E3", "E4"])
        #expect(result.unmatched.map(\.reason) == [.noEligibleMentor(mainRule: .inPersonRegion), .eligibleMentorsFull])
        #expect(result.certificate.optimal, "\(result.certificate)")
    }

    @Test("Bad locks are reported all at once, with the rules that forbid a pair")
    func badLocks() async throws {
        var spec = RoundSpec(cohort: try Self.cohort())
        spec.locks = [
            Pairing(mentee: "E3", mentor: "M2"), Pairing(mentee: "E9", mentor: "M1"),
            Pairing(mentee: "E1", mentor: "M1"), Pairing(mentee: "E1", mentor: "M3"),
        ]
        do {
            _ = try await spec.run()
            Issue.record("bad locks were accepted")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "locks:1: error: the locked pair E3–M2 is forbidden: they can only meet in person, which needs the same region (South and North).",
                    "locks:2: error: the locked pair E9–M1 names a mentee or mentor who is not in the cohort.",
                    "locks:4: error: the mentee E1 is locked to more than one mentor.",
                ])
        }
    }

    @Test("An earlier pair is forbidden, penalised (and said to be) or allowed, as [history] repeat_pairs says")
    func earlierPairs() async throws {
        let cohort = try Self.cohort()
        let first = try await RoundSpec(cohort: cohort).run()
        let pair = try #require(first.result.pairs.first)
        let earlier = Pairing(mentee: pair.mentee, mentor: pair.mentor)
        let (mentee, mentor) = (
            cohort.menteeIndex(named: pair.mentee.rawValue)!, cohort.mentorIndex(named: pair.mentor.rawValue)!
        )
        let original = first.check.model.explain(mentee: mentee, mentor: mentor).units
        for rule in [Policy.RepeatPairs.forbid, .penalise, .allow] {
            var spec = RoundSpec(cohort: cohort)
            spec.policy.history.repeatPairs = rule
            spec.policy.history.repeatPenalty = rule == .penalise ? 7.5 : 0
            spec.earlierPairs = [earlier]
            let round = try await spec.run()
            #expect(round.certificate.isOptimal)
            let explanation = round.check.model.explain(mentee: mentee, mentor: mentor)
            let score = round.check.scores.score(mentee: mentee, mentor: mentor)
            switch rule {
            case .forbid:
                #expect(score == nil)
                #expect(explanation.forbiddenBecause.contains { $0.rule == .excludedThisRound })
                #expect(!Self.pairs(round.result).contains("\(pair.mentee)–\(pair.mentor)"))
            case .penalise:
                let units = Int64((7.5 / cohort.policy.resolution).rounded())
                #expect(score.map(Int64.init) == original - units)
                #expect(explanation.units == original - units)
                #expect(explanation.parts.contains { $0.factor == .history && $0.units == -units })
            case .allow:
                #expect(score.map(Int64.init) == original)
                #expect(Self.pairs(round.result) == Self.pairs(first.result))
            }
        }
    }

    @Test("A warm start from an earlier answer gives the same answer; the result survives JSON")
    func warmStartAndCodable() async throws {
        let cohort = try Self.cohort()
        let cold = try await RoundSpec(cohort: cohort).run().result
        let warm = try await RoundSpec(cohort: cohort, warmStart: cold).run().result
        #expect(warm.pairs == cold.pairs && warm.unmatched == cold.unmatched)
        let decoded = try JSONDecoder().decode(RoundResult.self, from: JSONEncoder().encode(cold))
        #expect(decoded == cold)
    }

    @Test("A cohort with a duplicate id, an unknown topic or an exclusion of nobody is refused with every problem")
    func invalidCohort() throws {
        let policy = Policy()
        var taxonomy = Taxonomy(policy.taxonomy)
        let topic = taxonomy.topic("python")
        let python = try #require(topic)
        do {
            _ = try Cohort(
                policy: policy, taxonomy: taxonomy,
                mentors: [
                    Participant(mentor: "M1", skills: [.init(topic: python, level: 9)]),
                    Participant(mentor: "M1", skills: []),
                ],
                mentees: [Participant(mentee: "E1", goals: [.init(topic: 7, rank: 1)])],
                exclusions: [PairExclusion(mentee: "E2", mentor: "M1", reason: .coordinator)])
            Issue.record("an invalid cohort was accepted")
        } catch {
            #expect(error.errors.count == 4, "\(error)")
            #expect(error.description.contains("the id \"M1\" is used by two mentors"))
            #expect(error.description.contains("offers topic 0 at level 9"))
            #expect(error.description.contains("has goal topic 7 at rank 1"))
            #expect(error.description.contains("the exclusion E2–M1 names a mentee or mentor who is not in the cohort"))
        }
    }
}
