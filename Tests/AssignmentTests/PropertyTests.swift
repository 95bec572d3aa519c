import Assignment
import PropertyBased
import TestSupport
import Testing
import _TandemUtilities

/// Properties every optimum must have, on generated problems larger than brute
/// force can reach. Each input is (rows, columns, seed); the seed rebuilds the values.
@Suite struct PropertyTests {
    static func problem(
        rows: Int, columns: Int, seed: Int, forbiddenPercent: Int = 10,
        capacity: ClosedRange<Int> = 1...3
    ) -> AssignmentProblem<Int64> {
        var random = SeededGenerator(seed: UInt64(seed))
        var values = (0..<(rows * columns)).map { _ in Int64.random(in: 0...60, using: &random) }
        for index in values.indices where Int.random(in: 0..<100, using: &random) < forbiddenPercent {
            values[index] = -1
        }
        let matrix = try! CostMatrix(rows: rows, columns: columns, values: values, forbiddenValue: -1)
        let capacities = (0..<columns).map { _ in Int.random(in: capacity, using: &random) }
        return try! AssignmentProblem(matrix, sense: .maximize, capacities: capacities)
    }

    static let shapes = zip(Gen.int(in: 0...60), Gen.int(in: 0...60), Gen.int(in: 0...1_000_000))

    @Test("every answer carries a certificate the independent verifier accepts")
    func certificateAlwaysHolds() async {
        await propertyCheck(count: 150, input: Self.shapes) { rows, columns, seed in
            let problem = Self.problem(rows: rows, columns: columns, seed: seed)
            let solution = try ShortestAugmentingPath().solve(problem)
            let report = OptimalityCertificate.verify(problem: problem, solution: solution)
            #expect(report.isOptimal, "\(report)")
        }
    }

    @Test("maximising scores equals minimising their negations")
    func maximizeIsNegatedMinimize() async {
        await propertyCheck(count: 100, input: Self.shapes) { rows, columns, seed in
            let problem = Self.problem(rows: rows, columns: columns, seed: seed)
            var negated = [Int64]()
            for row in 0..<rows {
                for column in 0..<columns {
                    negated.append(problem.value(row: row, column: column).map { -$0 } ?? Int64.max)
                }
            }
            let minimize = try AssignmentProblem(
                try CostMatrix(rows: rows, columns: columns, values: negated, forbiddenValue: Int64.max),
                capacities: problem.capacities)
            let best = try ShortestAugmentingPath().solve(problem).objective
            let least = try ShortestAugmentingPath().solve(minimize).objective
            #expect(best == -least)
        }
    }

    @Test("reordering the rows does not change the optimum")
    func rowOrderDoesNotMatter() async {
        await propertyCheck(count: 100, input: Self.shapes) { rows, columns, seed in
            let problem = Self.problem(rows: rows, columns: columns, seed: seed)
            var reversed = [Int64]()
            for row in (0..<rows).reversed() {
                for column in 0..<columns { reversed.append(problem.value(row: row, column: column) ?? -1) }
            }
            let flipped = try AssignmentProblem(
                try CostMatrix(rows: rows, columns: columns, values: reversed, forbiddenValue: -1),
                sense: .maximize, capacities: problem.capacities)
            let original = try ShortestAugmentingPath().solve(problem).objective
            let reordered = try ShortestAugmentingPath().solve(flipped).objective
            #expect(original == reordered)
        }
    }

    @Test("solving twice gives the same assignment, ties included")
    func deterministic() async {
        await propertyCheck(count: 50, input: Self.shapes) { rows, columns, seed in
            let problem = Self.problem(rows: rows, columns: columns, seed: seed)
            let first = try ShortestAugmentingPath().solve(problem)
            let second = try ShortestAugmentingPath().solve(problem)
            #expect(first == second)
        }
    }

    @Test("a warm start from a changed problem gives the cold optimum, with a valid certificate")
    func warmStartMatchesColdSolve() async {
        await propertyCheck(count: 150, input: Self.shapes) { rows, columns, seed in
            let first = Self.problem(rows: rows, columns: columns, seed: seed)
            let earlier = try ShortestAugmentingPath().solve(first)
            let changed = Self.perturbed(first, seed: seed)
            let warm = try ShortestAugmentingPath().solve(changed, warmStart: WarmStart(earlier))
            let cold = try ShortestAugmentingPath().solve(changed)
            #expect(warm.objective == cold.objective)
            #expect(warm.unassignedRows.count == cold.unassignedRows.count)
            let report = OptimalityCertificate.verify(problem: changed, solution: warm)
            #expect(report.isOptimal, "\(report)")
        }
    }

    /// A what-if variant: one column dropped (capacity 0), another given more
    /// room, a few pairs forbidden and a few scores changed.
    static func perturbed(_ problem: AssignmentProblem<Int64>, seed: Int) -> AssignmentProblem<Int64> {
        var random = SeededGenerator(seed: UInt64(seed) &+ 99)
        var capacities = problem.capacities
        var matrix = problem.matrix
        var values = [Int64]()
        for row in 0..<problem.rows {
            for column in 0..<problem.columns {
                let value = problem.value(row: row, column: column)
                let changed = Int.random(in: 0..<100, using: &random) < 5
                values.append(value.map { changed ? Int64.random(in: 0...60, using: &random) : $0 } ?? -1)
            }
        }
        matrix = try! CostMatrix(rows: problem.rows, columns: problem.columns, values: values, forbiddenValue: -1)
        if !capacities.isEmpty && problem.rows > 0 {
            capacities[Int.random(in: 0..<capacities.count, using: &random)] = 0
            capacities[Int.random(in: 0..<capacities.count, using: &random)] += 2
            for _ in 0..<3 {
                matrix.forbid(
                    row: Int.random(in: 0..<problem.rows, using: &random),
                    column: Int.random(in: 0..<capacities.count, using: &random))
            }
        }
        return try! AssignmentProblem(matrix, sense: .maximize, capacities: capacities)
    }
}

extension PropertyTests {
    @Test("tie-heavy square problems: phases and zero-cost placements agree with one-row-at-a-time search")
    func phasesAgreeWithSingleRowSearch() async {
        await propertyCheck(count: 60, input: zip(Gen.int(in: 2...120), Gen.int(in: 0...1_000_000))) { size, seed in
            var random = SeededGenerator(seed: UInt64(seed))
            // Scores 0–6 on a square matrix: every slot fills, JV's reductions
            // run, and many rows remain free for the phases.
            let values = (0..<(size * size)).map { _ in Int64.random(in: 0...6, using: &random) }
            let matrix = try CostMatrix(rows: size, columns: size, values: values)
            let phased = try AssignmentProblem(matrix, sense: .maximize)
            // With an unassigned value below every score the answer is the same,
            // but the option is open, which turns phases and the tight-pair
            // search off: every free row gets its own dense search.
            let single = try AssignmentProblem(matrix, sense: .maximize, unassignedRows: .allowed(value: -1_000_000))
            let first = try ShortestAugmentingPath().solve(phased)
            let second = try ShortestAugmentingPath().solve(single)
            #expect(first.objective == second.objective)
            #expect(second.unassignedRows.isEmpty)
            #expect(OptimalityCertificate.verify(problem: phased, solution: first).isOptimal)
        }
    }
}

extension PropertyTests {
    @Test("float problems with capacities and forbidden pairs carry a certificate within its tolerance")
    func floatCertificates() async {
        await propertyCheck(count: 100, input: Self.shapes) { rows, columns, seed in
            var random = SeededGenerator(seed: UInt64(seed))
            let problem = randomFloatProblem(rows: rows, columns: columns, seed: UInt64(seed), random: &random)
            let solution = try ShortestAugmentingPath().solve(problem)
            let report = OptimalityCertificate.verify(problem: problem, solution: solution)
            #expect(report.isOptimal, "\(report)")
        }
    }
}
