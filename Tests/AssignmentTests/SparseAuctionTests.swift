import TestSupport
import Testing
import _TandemUtilities

@testable import Assignment

/// The sparse solver started from an ε-scaling auction: the same optimum as
/// a cold start and brute force, certified, whatever the auction left.
@Suite struct SparseAuctionTests {
    /// A solver that starts from the auction on problems of any size.
    static var withAuction: ShortestAugmentingPath {
        var solver = ShortestAugmentingPath()
        solver._auctionMinimumRows = 0
        return solver
    }

    /// The auction's start for the problem, or `nil` where it does not
    /// apply or gave up.
    static func auctionStart(_ problem: SparseAssignmentProblem<Int64>) -> WarmStart<Int64>? {
        problem._costs._withBuffers { _SparseAuction(problem, pairs: $0)?.run() }
    }

    /// Whether the auction takes the problem at all.
    static func auctionAccepts(_ problem: SparseAssignmentProblem<Int64>) -> Bool {
        problem._costs._withBuffers { _SparseAuction(problem, pairs: $0) != nil }
    }

    /// A random problem of the auction's kind: every column of capacity 1,
    /// values in `values` (small ranges make
    /// ties), each pair kept with probability `density` percent.
    static func problem(
        rows: Int, columns: Int, density: Int, values: ClosedRange<Int64>, _ random: inout SeededGenerator
    ) -> SparseAssignmentProblem<Int64> {
        let pairs = (0..<rows).map { _ in
            (0..<columns).compactMap { column -> (column: Int, value: Int64)? in
                Int.random(in: 0..<100, using: &random) < density
                    ? (column, Int64.random(in: values, using: &random)) : nil
            }
        }
        let unassigned: UnassignedRows<Int64> =
            Bool.random(using: &random) ? .allowed(value: Int64.random(in: values, using: &random)) : .forbidden
        return try! SparseAssignmentProblem(
            try! SparseCostMatrix(rows: rows, columns: columns, pairs: pairs),
            sense: Bool.random(using: &random) ? .minimize : .maximize, unassignedRows: unassigned)
    }

    @Test("agrees with brute force on 2,000 seeded small problems (ties, options, rows that cannot be placed)")
    func bruteForce() {
        var auctioned = 0
        forEverySeed(50_000..<52_000) { seed, random in
            let rows = Int.random(in: 1...7, using: &random)
            let problem = Self.problem(
                rows: rows, columns: Int.random(in: 1...8, using: &random),
                density: Int.random(in: 30...100, using: &random), values: -6...9, &random)
            if Self.auctionStart(problem) != nil { auctioned += 1 }
            let expected = BruteForceAssignment.solve(SparseSolverTests.dense(problem))
            guard let solution = try? Self.withAuction.solve(problem) else {
                #expect(expected == nil, "seed \(seed): threw, but \(String(describing: expected)) exists")
                return
            }
            #expect(solution.objectiveWithUnassigned == expected?.objectiveWithUnassigned, "seed \(seed)")
            #expect(OptimalityCertificate.verify(problem: problem, solution: solution).isOptimal, "seed \(seed)")
        }
        // Infeasible problems make the auction give up; most others run it.
        #expect(auctioned > 1_200, "the auction ran on only \(auctioned) of 2,000 problems")
    }

    @Test("agrees with a cold start on larger problems, with fewer, as many and more columns than rows")
    func coldAgreement() {
        forEverySeed(60_000..<60_040) { seed, random in
            let rows = Int.random(in: 100...400, using: &random)
            let columns = Int.random(in: rows / 2...rows * 2, using: &random)
            let problem = Self.problem(
                rows: rows, columns: columns, density: Int.random(in: 2...20, using: &random),
                values: Bool.random(using: &random) ? -20...20 : -1_000_000...1_000_000, &random)
            let cold = try? ShortestAugmentingPath().solve(problem)
            let auctioned = try? Self.withAuction.solve(problem)
            #expect(auctioned?.objectiveWithUnassigned == cold?.objectiveWithUnassigned, "seed \(seed)")
            if let auctioned {
                #expect(OptimalityCertificate.verify(problem: problem, solution: auctioned).isOptimal, "seed \(seed)")
            }
        }
    }

    @Test("gives up on an infeasible problem instead of raising prices for ever, and the solve says which row")
    func infeasible() {
        let feasible = try! SparseAssignmentProblem(
            try! SparseCostMatrix<Int64>(
                rows: 3, columns: 3, pairs: [[(0, 1), (1, 5)], [(0, 2)], [(1, 3), (2, 1)]]),
            unassignedRows: .forbidden)
        #expect(Self.auctionStart(feasible) != nil)
        // Two rows that must be placed, competing for the one column they have.
        let crowded = try! SparseAssignmentProblem(
            try! SparseCostMatrix<Int64>(rows: 3, columns: 2, pairs: [[(0, 1)], [(0, 2)], [(1, 3)]]),
            unassignedRows: .forbidden)
        #expect(Self.auctionStart(crowded) == nil)
        #expect(throws: AssignmentError.infeasible(row: 2)) { try Self.withAuction.solve(crowded) }
        // As many columns as rows, but two rows share their only one.
        let hall = try! SparseAssignmentProblem(
            try! SparseCostMatrix<Int64>(rows: 3, columns: 3, pairs: [[(0, 1)], [(0, 2)], [(1, 3), (2, 1)]]),
            unassignedRows: .forbidden)
        #expect(Self.auctionStart(hall) == nil)
        #expect(throws: AssignmentError.self) { try Self.withAuction.solve(hall) }
    }

    @Test("is not used where it does not help: columns of capacity 2, floating values, no pair")
    func notUsed() {
        let pairs: [[(column: Int, value: Int64)]] = [[(0, 1), (1, 2)], [(0, 2), (1, 1)]]
        let capacities = try! SparseAssignmentProblem(
            try! SparseCostMatrix(rows: 2, columns: 2, pairs: pairs), capacities: [2, 1])
        #expect(!Self.auctionAccepts(capacities))
        let empty = try! SparseAssignmentProblem(
            try! SparseCostMatrix<Int64>(rows: 2, columns: 2, pairs: [[], []]), unassignedRows: .allowed(value: 0))
        #expect(!Self.auctionAccepts(empty))
        let floating = try! SparseAssignmentProblem(
            try! SparseCostMatrix<Double>(rows: 1, columns: 1, pairs: [[(0, 1.5)]]))
        #expect(floating._costs._withBuffers { Self.withAuction._auctionStart(floating, pairs: $0) } == nil)
    }

    /// A round in the balanced form of `tandem match --export-candidates`:
    /// mentees and empty-place rows, places and unassigned columns. A
    /// mentee's places cost a large offset below the 0 of staying
    /// unassigned; an empty-place row costs 0 on its place and on the
    /// unassigned columns of that place's mentees.
    static func balancedRound(
        mentees: Int, places: Int, offset: Int64, _ random: inout SeededGenerator
    ) -> SparseAssignmentProblem<Int64> {
        var pairs = [[(column: Int, value: Int64)]](repeating: [], count: mentees + places)
        for mentee in 0..<mentees {
            let chosen = Set((0..<5).map { _ in Int.random(in: 0..<places, using: &random) })
            for place in chosen.sorted() {
                pairs[mentee].append((place, -offset - Int64.random(in: 0...1_000, using: &random)))
                pairs[mentees + place].append((places + mentee, 0))
            }
            pairs[mentee].append((places + mentee, 0))
        }
        for place in 0..<places { pairs[mentees + place].append((place, 0)) }
        return try! SparseAssignmentProblem(
            try! SparseCostMatrix(rows: mentees + places, columns: places + mentees, pairs: pairs),
            unassignedRows: .forbidden)
    }

    @Test("runs to the end on a balanced round, where the places' prices start a large offset above 0")
    func balancedRounds() {
        forEverySeed(80_000..<80_010) { seed, random in
            let problem = Self.balancedRound(
                mentees: Int.random(in: 200...400, using: &random), places: Int.random(in: 100...200, using: &random),
                offset: 1_000_000_000, &random)
            // Bids of the rows' gaps (at most 1,000) would need a million
            // rounds to lift prices from 0 to the offset: the bid limit
            // would end the auction, but prices that start reduced need none.
            #expect(Self.auctionStart(problem) != nil, "seed \(seed)")
            let cold = try? ShortestAugmentingPath().solve(problem)
            let auctioned = try? Self.withAuction.solve(problem)
            #expect(
                auctioned != nil && auctioned?.objectiveWithUnassigned == cold?.objectiveWithUnassigned,
                "seed \(seed)")
            if let auctioned {
                #expect(OptimalityCertificate.verify(problem: problem, solution: auctioned).isOptimal, "seed \(seed)")
            }
        }
    }

    @Test("leaves every column without a row at price 0 when there are more columns than rows")
    func reverseBids() {
        forEverySeed(70_000..<70_040) { seed, random in
            let rows = Int.random(in: 50...200, using: &random)
            let problem = Self.problem(
                rows: rows, columns: rows + Int.random(in: 1...rows, using: &random), density: 10,
                values: -50...50, &random)
            guard let start = Self.auctionStart(problem) else { return }
            let top = start.columnPotentials.max()!
            let held = Set(start.columnForRow!.compactMap { $0 })
            for column in 0..<problem.columns where !held.contains(column) {
                #expect(start.columnPotentials[column] == top, "seed \(seed): column \(column)")
            }
        }
    }
}
