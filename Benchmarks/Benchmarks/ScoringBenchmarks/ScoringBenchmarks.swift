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

    // Six criteria: goals × skills (200 topics), three categorical (one a
    // hard rule), one list, levels; the product of the concatenated
    // encodings (200 + 20 + 10 + 50 + 14 columns) is the GEMM they run.
    Benchmark("score 20000×10000 with six criteria (goals × skills, 3 categorical, 1 list, levels)") {
        benchmark, model in
        for _ in benchmark.scaledIterations { blackHole(model.scoreMatrix()) }
    } setup: {
        try criteriaModel(mentees: 20_000, mentors: 10_000)
    }

    Benchmark("bare sgemm 20000×294 · (10000×294)ᵀ (the six criteria's concatenated encodings)") {
        benchmark, operands in
        for _ in benchmark.scaledIterations {
            var product = [Float](unsafeUninitializedCapacity: 20_000 * 10_000) { _, count in
                count = 20_000 * 10_000
            }
            let (m, n, k) = (Int32(20_000), Int32(10_000), Int32(294))
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1, operands.a, k, operands.b, k, 0, &product, n)
            blackHole(product)
        }
    } setup: {
        randomOperands(mentees: 20_000, mentors: 10_000, depth: 294)
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
        try CohortGenerator(mentees: 20_000, mentors: 10_000, topics: 200, seed: 1).write(to: folder)
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

/// The generated cohort with five criteria of a scheme's own on top of its
/// goals and skills: the same profession (20 values, 3 points), the same
/// industry (10 values, 2 points), never the same department (50 values, a
/// hard rule), a time slot in common (14 slots, 1 point each), and a grade
/// scale of 6 levels (minimum gap 1, 4 points at a gap of 2).
func criteriaModel(mentees: Int, mentors: Int) throws -> ScoringModel {
    let base = try generatedModel(mentees: mentees, mentors: mentors).cohort
    var policy = base.policy
    func criterion(_ label: String, _ kind: Criterion.Kind, _ build: (inout Criterion) -> Void) -> Criterion {
        var criterion = Criterion(label: label, kind: kind)
        build(&criterion)
        return criterion
    }
    policy.criteria = [
        criterion("the same profession", .same) { $0.weight = 3 },
        criterion("the same industry", .same) { $0.weight = 2 },
        criterion("different departments", .same) { $0.rule = .forbidden },
        criterion("a time slot in common", .share) { $0.weight = 1 },
        criterion("grade", .levels) {
            $0.scale = ["A", "B", "C", "D", "E", "F"]
            $0.minimum = 1
            $0.ideal = 2
            $0.weight = 4
        },
    ]
    // Answers by a multiplicative hash of the person's position: every value
    // is used on both sides, as in a real cohort of this size.
    func answers(_ position: Int, mentor: Bool) -> [Criterion.Answer] {
        let hash = (position &* 2_654_435_761 &+ (mentor ? 97 : 13)) >> 3
        let slots = (0..<1 + hash % 3).map { "slot \(($0 &* 5 &+ hash) % 14)" }
        return [
            .init(values: ["profession \(hash % 20)"]), .init(values: ["industry \(hash / 20 % 10)"]),
            .init(values: ["department \(hash / 200 % 50)"]), .init(values: slots),
            .init(number: Double((hash / 7 % 4) + (mentor ? 2 : 0))),
        ]
    }
    var mentorList = base.mentors, menteeList = base.mentees
    for index in mentorList.indices { mentorList[index].answers = answers(index, mentor: true) }
    for index in menteeList.indices { menteeList[index].answers = answers(index, mentor: false) }
    let cohort = try Cohort(
        policy: policy, taxonomy: base.taxonomy, mentors: mentorList, mentees: menteeList, exclusions: base.exclusions)
    return try ScoringModel(cohort: cohort)
}
