import Diagnostics
import Testing

@testable import Matching

/// A priced variant's round keeps only its pairs and their scores: the same
/// pairs and scores as the detailed round of the same scenario.
@Suite struct ScoresOnlyRoundTests {
    @Test(
        "Pairs and scores without details equal the detailed round's, under every objective and with pins",
        arguments: 0..<5)
    func sameAsDetailed(variant: Int) async throws {
        var policy = ScenarioRunnerTests.loaded.cohort.policy
        switch variant {
        case 1: policy.matching.slotDiscount = 4
        case 2: policy.matching.fairness = .floor
        case 3:
            policy.matching.objective = .quality
            policy.matching.minimumScore = 25
        default: break
        }
        var base = RoundSpec(loaded: ScenarioRunnerTests.loaded)
        base.policy = policy
        let runner = try await ScenarioRunner(base)
        var scenario = Scenario(name: "one more place")
        let mentor = runner.baseline.cohort.mentors[variant]
        scenario.capacities = [mentor.id: mentor.capacity + 1]
        if variant == 4 { scenario.pins = [Pairing(mentee: "E90", mentor: "M23")] }
        let detailed = try await runner.run(scenario, detailed: true)
        let lean = try await runner.run(scenario, detailed: false)
        #expect(lean.certificate.isOptimal)
        #expect(
            lean.pairs.map { [$0.mentee, $0.mentor, Int($0.units)] }
                == detailed.pairs.map {
                    [$0.mentee, $0.mentor, Int($0.units)]
                })
        #expect(lean.pairs.map(\.locked) == detailed.pairs.map(\.locked))
        #expect(lean.pairs.allSatisfy { $0.rank == 0 } && lean.unmatched.isEmpty)
    }
}
