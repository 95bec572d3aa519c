import Assignment
import Benchmark
import TandemSynthetic

/// The dense solver on the seeded instance families of `tandem instance`,
/// square sizes 2⁹–2¹¹, plus the certificate and the capacitated form.
/// Instances are built in `setup`, so only the solve is measured.
let benchmarks: @Sendable () -> Void = {
    precondition(
        !assignmentInternalChecksEnabled,
        "Built with TANDEM_INTERNAL_CHECKS: benchmark a release build (swift package benchmark does).")
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 5
    )

    for family in [InstanceFamily.mentoring, .popularMentors, .uniformIntegers] {
        for size in [512, 1024, 2048] {
            Benchmark("solve \(family.rawValue) \(size)×\(size)") { benchmark, problem in
                for _ in benchmark.scaledIterations {
                    blackHole(try ShortestAugmentingPath().solve(problem))
                }
            } setup: {
                makeProblem(family, rows: size, columns: size, capacity: 1)
            }
        }
    }

    Benchmark("solve mentoring 1024×2048 (rectangular)") { benchmark, problem in
        for _ in benchmark.scaledIterations { blackHole(try ShortestAugmentingPath().solve(problem)) }
    } setup: {
        makeProblem(.mentoring, rows: 1024, columns: 2048, capacity: 1)
    }

    Benchmark("solve popular-mentors 2048×1024, 2 slots each") { benchmark, problem in
        for _ in benchmark.scaledIterations { blackHole(try ShortestAugmentingPath().solve(problem)) }
    } setup: {
        makeProblem(.popularMentors, rows: 2048, columns: 1024, capacity: 2)
    }

    // What-if: mentor 0 drops out (capacity 0). Cold solve of the variant
    // against a warm start from the original answer's potentials.
    Benchmark("what-if cold: mentoring 2048×2048, one mentor dropped") { (benchmark: Benchmark, whatIf: WhatIf) in
        for _ in benchmark.scaledIterations { blackHole(try ShortestAugmentingPath().solve(whatIf.variant)) }
    } setup: {
        WhatIf()
    }

    Benchmark("what-if warm: mentoring 2048×2048, one mentor dropped") { (benchmark: Benchmark, whatIf: WhatIf) in
        for _ in benchmark.scaledIterations {
            blackHole(try ShortestAugmentingPath().solve(whatIf.variant, warmStart: whatIf.warmStart))
        }
    } setup: {
        WhatIf()
    }

    // The sparse solver: each row keeps its best pairs of a mentoring
    // instance, as a round's candidates do; rows may stay unassigned at 0.
    // Pricing's pattern: a cold solve on 16 pairs per row, against a warm
    // start from the answer on each row's best 8.
    Benchmark("sparse cold: mentoring 8192×8192, 16 pairs per row") { benchmark, problem in
        for _ in benchmark.scaledIterations { blackHole(try ShortestAugmentingPath().solve(problem)) }
    } setup: {
        makeSparseProblem(size: 8192, pairsPerRow: 16)
    }

    Benchmark("sparse warm: mentoring 8192×8192, 16 pairs per row from the answer on 8") {
        (benchmark: Benchmark, grown: Grown) in
        for _ in benchmark.scaledIterations {
            blackHole(try ShortestAugmentingPath().solve(grown.problem, warmStart: grown.warmStart))
        }
    } setup: {
        let smaller = makeSparseProblem(size: 8192, pairsPerRow: 8)
        return Grown(
            problem: makeSparseProblem(size: 8192, pairsPerRow: 16),
            warmStart: WarmStart(try! ShortestAugmentingPath().solve(smaller)))
    }

    Benchmark("verify certificate mentoring 2048×2048") { (benchmark: Benchmark, solved: Solved) in
        for _ in benchmark.scaledIterations {
            blackHole(OptimalityCertificate.verify(problem: solved.problem, solution: solved.solution))
        }
    } setup: {
        let problem = makeProblem(.mentoring, rows: 2048, columns: 2048, capacity: 1)
        return Solved(problem: problem, solution: try! ShortestAugmentingPath().solve(problem))
    }
}

/// An `Int64` problem from a seeded family (seed 1), with equal capacities.
func makeProblem(_ family: InstanceFamily, rows: Int, columns: Int, capacity: Int) -> AssignmentProblem<Int64> {
    let instance = family.generate(rows: rows, columns: columns, seed: 1)
    var values = instance.values.map { Int64($0) }
    for index in instance.forbidden { values[index] = -1 }
    let matrix = try! CostMatrix(
        rows: rows, columns: columns, values: values,
        forbiddenValue: instance.forbidden.isEmpty ? nil : -1)
    return try! AssignmentProblem(
        matrix, sense: family.maximizes ? .maximize : .minimize,
        capacities: Array(repeating: capacity, count: columns))
}

/// A problem with its solution, the state of the certificate benchmark.
struct Solved {
    let problem: AssignmentProblem<Int64>
    let solution: AssignmentSolution<Int64>
}

/// A mentoring problem, its answer, and the variant without mentor 0.
struct WhatIf {
    let variant: AssignmentProblem<Int64>
    let warmStart: WarmStart<Int64>

    init() {
        let original = makeProblem(.mentoring, rows: 2048, columns: 2048, capacity: 1)
        let solution = try! ShortestAugmentingPath().solve(original)
        var capacities = original.capacities
        capacities[0] = 0
        variant = try! AssignmentProblem(original.matrix, sense: .maximize, capacities: capacities)
        warmStart = WarmStart(solution)
    }
}

/// A sparse mentoring problem (seed 1): each row's `pairsPerRow` highest
/// scores, maximised, rows free to stay unassigned at 0.
func makeSparseProblem(size: Int, pairsPerRow: Int) -> SparseAssignmentProblem<Int64> {
    let instance = InstanceFamily.mentoring.generate(rows: size, columns: size, seed: 1)
    let pairs = (0..<size).map { row in
        let scores = (0..<size).map { (column: $0, value: Int64(instance.values[row * size + $0])) }
        return Array(scores.sorted { ($0.value, $1.column) > ($1.value, $0.column) }.prefix(pairsPerRow))
    }
    return try! SparseAssignmentProblem(
        try! SparseCostMatrix(rows: size, columns: size, pairs: pairs),
        sense: .maximize, unassignedRows: .allowed(value: 0))
}

/// A sparse problem and a warm start from a solve over a subset of its pairs.
struct Grown {
    let problem: SparseAssignmentProblem<Int64>
    let warmStart: WarmStart<Int64>
}
