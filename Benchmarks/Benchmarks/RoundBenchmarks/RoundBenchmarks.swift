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
            try CohortGenerator(mentees: mentees, mentors: mentors, seed: 1).generate().write(to: folder)
            return folder
        }
    }
}
