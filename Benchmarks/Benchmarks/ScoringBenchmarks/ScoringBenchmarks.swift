import Benchmark
import CBLAS
import Foundation
import Matching
import TandemSynthetic

/// Scoring a generated cohort (200 topics) against the bare OpenBLAS GEMM of
/// the same shapes, and loading + validating the sign-up CSVs.
///
/// Run single-threaded for the comparison the README quotes:
/// `OPENBLAS_NUM_THREADS=1 swift package --disable-sandbox benchmark --target ScoringBenchmarks`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 5
    )

    for (mentees, mentors) in [(5_000, 2_500), (20_000, 10_000)] {
        Benchmark("score \(mentees)×\(mentors), 200 topics (every factor, hard rules, quantised)") { benchmark, model in
            for _ in benchmark.scaledIterations { blackHole(model.scoreMatrix()) }
        } setup: {
            try generatedModel(mentees: mentees, mentors: mentors)
        }

        // Like NumPy's `a @ b.T`: a fresh (uninitialised) result each time, so
        // both sides pay for their output memory.
        Benchmark("bare sgemm \(mentees)×200 · (\(mentors)×200)ᵀ") { benchmark, operands in
            for _ in benchmark.scaledIterations {
                var product = [Float](unsafeUninitializedCapacity: mentees * mentors) { _, count in
                    count = mentees * mentors
                }
                let (m, n, k) = (Int32(mentees), Int32(mentors), Int32(200))
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1, operands.a, k, operands.b, k, 0, &product, n)
                blackHole(product)
            }
        } setup: {
            randomOperands(mentees: mentees, mentors: mentors, depth: 200)
        }
    }

    Benchmark("load + validate 20,000 mentees and 10,000 mentors (CSV)") { benchmark, folder in
        for _ in benchmark.scaledIterations {
            blackHole(
                try CohortLoader.load(
                    Cohort.Sources(
                        mentors: folder + "/mentors.csv", mentees: folder + "/mentees.csv",
                        conflicts: folder + "/conflicts.csv", policy: folder + "/policy.toml")))
        }
    } setup: {
        let folder = NSTemporaryDirectory() + "tandem-benchmark-cohort-20000"
        try CohortGenerator(mentees: 20_000, mentors: 10_000, topics: 200, seed: 1).generate().write(to: folder)
        return folder
    }
}

/// A scoring model for a generated cohort with 200 topics (seed 1).
func generatedModel(mentees: Int, mentors: Int) throws -> ScoringModel {
    let files = CohortGenerator(mentees: mentees, mentors: mentors, topics: 200, seed: 1).generate()
    let policy = try PolicyLoader.parse(files.policy, path: "policy.toml")
    let loaded = try CohortLoader.build(
        policy: policy,
        mentors: try CSVTable.parse(Data(files.mentors.utf8), path: "mentors.csv"),
        mentees: try CSVTable.parse(Data(files.mentees.utf8), path: "mentees.csv"),
        conflicts: try CSVTable.parse(Data(files.conflicts.utf8), path: "conflicts.csv"),
        sources: Cohort.Sources(mentors: "mentors.csv", mentees: "mentees.csv", conflicts: "conflicts.csv"))
    return try ScoringModel(cohort: loaded.cohort)
}

/// Dense operands of the GEMM's shapes, small whole numbers scattered by a
/// multiplicative hash (density and values do not change BLAS time).
func randomOperands(mentees: Int, mentors: Int, depth: Int) -> (a: [Float], b: [Float]) {
    let a = (0..<mentees * depth).map { Float(($0 &* 2_654_435_761) >> 7 & 3) }
    let b = (0..<mentors * depth).map { Float(($0 &* 2_246_822_519) >> 7 & 3) }
    return (a, b)
}
