import Benchmark
import Foundation
import Matching
import MatchingReports
import TandemSynthetic

/// Whole rounds on generated cohorts: load, validate, score, solve, verify,
/// and every output built (writing them to disk is left to `tandem match`,
/// whose wall time the README also gives with hyperfine).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(30),
        maxIterations: 5
    )

    for (mentees, mentors) in [(150, 80), (3_400, 1_600), (13_600, 6_400)] {
        Benchmark("round \(mentees) mentees + \(mentors) mentors (coverage)") { benchmark, folder in
            for _ in benchmark.scaledIterations {
                let round = try await MatchingRound.run(
                    Cohort.Sources(
                        mentors: folder + "/mentors.csv", mentees: folder + "/mentees.csv",
                        conflicts: folder + "/conflicts.csv", policy: folder + "/policy.toml"))
                blackHole(await RoundOutputs.files(round))
            }
        } setup: {
            let folder = NSTemporaryDirectory() + "tandem-benchmark-round-\(mentees)"
            try? FileManager.default.removeItem(atPath: folder)
            try CohortGenerator(mentees: mentees, mentors: mentors, seed: 1).write(to: folder)
            return folder
        }
    }

    // The README's comparison (Benchmarks/compare-sweep.sh times the CLI):
    // 20 scenarios of the 5,000-participant cohort and the prices, against
    // the round above of the same cohort.
    Benchmark("compare 20 scenarios, 3400 mentees + 1600 mentors") { benchmark, folder in
        for _ in benchmark.scaledIterations {
            let loaded = try CohortLoader.load(
                Cohort.Sources(
                    mentors: folder + "/mentors.csv", mentees: folder + "/mentees.csv",
                    conflicts: folder + "/conflicts.csv", policy: folder + "/policy.toml"))
            let runner = try await ScenarioRunner(RoundSpec(loaded: loaded))
            let baseline = runner.baseline
            let outcomes = try await runner.runAll(compareScenarios(baseline), width: 2) { scenario, round in
                ScenarioOutcome(scenario, round: round, baseline: baseline)
            }
            blackHole(outcomes)
            blackHole(try await Prices.compute(runner, mentors: 5, rules: true, width: 2))
        }
    } setup: {
        let folder = NSTemporaryDirectory() + "tandem-benchmark-round-3400"
        try? FileManager.default.removeItem(atPath: folder)
        try CohortGenerator(mentees: 3_400, mentors: 1_600, seed: 1).write(to: folder)
        return folder
    }
}

/// 4 policy overrides, 4 withdrawals, 4 capacity changes, 2 pins, a
/// forbidden pair and a 5-value sweep of the minimum score.
func compareScenarios(_ baseline: MatchingRound) -> [Scenario] {
    let policy = baseline.cohort.policy
    func scenario(_ name: String, _ change: (inout Scenario) -> Void) -> Scenario {
        var scenario = Scenario(name: name)
        change(&scenario)
        return scenario
    }
    func overriding(_ name: String, _ change: (inout Policy) -> Void) -> Scenario {
        scenario(name) {
            var changed = policy
            change(&changed)
            $0.policy = changed
        }
    }
    let ids = baseline.cohort.mentors.map(\.id), menteeIDs = baseline.cohort.mentees.map(\.id)
    var scenarios = [
        overriding("no same-organisation pairs") { $0.sameOrganisation = .forbid },
        overriding("regions count more") { $0.weights.sameRegion = 5 },
        overriding("spread the load") { $0.matching.slotDiscount = 2 },
        overriding("quality first") { $0.matching.objective = .quality },
        scenario("one mentor withdraws") { $0.withdrawn = [ids[0]] },
        scenario("five mentors withdraw") { $0.withdrawn = Array(ids[1...5]) },
        scenario("ten mentees withdraw") { $0.withdrawn = Array(menteeIDs[0..<10]) },
        scenario("a mentor and a mentee withdraw") { $0.withdrawn = [ids[6], menteeIDs[11]] },
        scenario("one mentor takes three") { $0.capacities = [ids[7]: 3] },
        scenario("one mentor takes one") { $0.capacities = [ids[8]: 1] },
        scenario("ten mentors take three") {
            $0.capacities = Dictionary(uniqueKeysWithValues: ids[9..<19].map { ($0, 3) })
        },
        scenario("two mentors take four") { $0.capacities = [ids[19]: 4, ids[20]: 4] },
    ]
    // Two pins that move a mentee to another allowed mentor, and a forbidden pair.
    for pair in baseline.pairs.prefix(40) where scenarios.count < 14 {
        guard
            let other = baseline.cohort.mentors.indices.first(where: { mentor in
                mentor != pair.mentor && !baseline.check.model.explain(mentee: pair.mentee, mentor: mentor).isForbidden
            })
        else { continue }
        scenarios.append(
            scenario("pin \(scenarios.count - 11)") {
                $0.pins = [Pairing(mentee: menteeIDs[pair.mentee], mentor: ids[other])]
            })
    }
    let first = baseline.pairs[0]
    scenarios.append(
        scenario("forbid a pair") {
            $0.forbidden = [Pairing(mentee: menteeIDs[first.mentee], mentor: ids[first.mentor])]
        })
    for minimum in [0.0, 10, 20, 30, 40] {
        scenarios.append(overriding("minimum=\(Int(minimum))") { $0.matching.minimumScore = minimum })
    }
    return scenarios
}
