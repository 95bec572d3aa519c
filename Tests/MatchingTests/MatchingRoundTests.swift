import Assignment
import Diagnostics
import Foundation
import Testing

@testable import Matching

@Suite struct MatchingRoundTests {
    /// Scores are goal points only: 5 × the skill's level (levels 1–8), so
    /// each pair's score can be read off the files; same organisation −5.
    static let basePolicy = """
        [weights]
        goal_match = 5
        goal_priority_decay = 1
        skill_level = [1, 2, 3, 4, 5, 6, 7, 8]
        seniority_gap = 0
        same_region = 0
        shared_language = 0
        organisation = 5
        [rules]
        same_organisation = "penalise"

        """

    static func round(_ matching: String, mentors: String, mentees: String) async throws -> MatchingRound {
        let loaded = try Fixtures.cohort(
            policy: basePolicy + "[matching]\n" + matching, mentors: mentors, mentees: mentees)
        return await MatchingRound.run(try ScoredCohort.run(loaded))
    }

    static func pairs(_ round: MatchingRound) -> [String] {
        round.pairs.map { "\(round.cohort.mentees[$0.mentee].id)–\(round.cohort.mentors[$0.mentor].id)" }
    }

    // x–a 40; x–b forbidden (online only vs in person only); w–a forbidden
    // (in person, other region); w–b −5 (same organisation, no goal met).
    static let negativeMentors =
        "email,skills,capacity,meeting,region,organisation\na@x.org,t1:8,1,either,R2,OrgA\nb@x.org,t9:1,1,in person,R1,OrgB\n"
    static let negativeMentees =
        "email,goals,meeting,region,organisation\nw@x.org,t5,in person,R1,OrgB\nx@x.org,t1,online,R1,OrgC\n"

    @Test("Coverage matches as many mentees as possible, even through a negative pair")
    func coverage() async throws {
        let round = try await Self.round(
            "objective = \"coverage\"\n", mentors: Self.negativeMentors, mentees: Self.negativeMentees)
        #expect(Self.pairs(round) == ["w@x.org–b@x.org", "x@x.org–a@x.org"])
        #expect(round.pairs.map(\.units) == [-500, 4000])
        #expect(round.certificate.isOptimal)
    }

    @Test("Quality keeps the best total: a negative pair is left out, and the reason says so")
    func quality() async throws {
        let round = try await Self.round(
            "objective = \"quality\"\n", mentors: Self.negativeMentors, mentees: Self.negativeMentees)
        #expect(Self.pairs(round) == ["x@x.org–a@x.org"])
        #expect(round.unmatched.map { [$0.mentee: $0.reason] } == [[0: .notWorthTheTotal]])
        // Their best allowed mentor: b, their only allowed pair, at −5 points.
        #expect(round.unmatched.first?.bestAllowed?.mentor == 1)
        #expect(round.unmatched.first?.bestAllowed?.units == -500)
        #expect(round.certificate.isOptimal)
    }

    // x: a 40, b 10; y: a 30, b 5.
    static let floorMentors = "email,skills,capacity\na@x.org,t1:8; t2:6,1\nb@x.org,t1:2; t2:1,1\n"
    static let floorMentees = "email,goals\nx@x.org,t1\ny@x.org,t2\n"

    @Test("Without a floor the best total is x–a, y–b (45); the floor first lifts the worst pair to 10: x–b, y–a (40)")
    func fairnessFloor() async throws {
        let plain = try await Self.round("", mentors: Self.floorMentors, mentees: Self.floorMentees)
        #expect(Self.pairs(plain) == ["x@x.org–a@x.org", "y@x.org–b@x.org"])
        #expect(plain.floorUnits == nil)
        let floor = try await Self.round(
            "fairness = \"floor\"\n", mentors: Self.floorMentors, mentees: Self.floorMentees)
        #expect(Self.pairs(floor) == ["x@x.org–b@x.org", "y@x.org–a@x.org"])
        #expect(floor.floorUnits == 1000)
        #expect(floor.certificate.isOptimal)
    }

    @Test("A minimum score removes pairs; quality then prefers one strong pair to two weaker ones")
    func minimumScore() async throws {
        let coverage = try await Self.round(
            "minimum_score = 8\n", mentors: Self.floorMentors, mentees: Self.floorMentees)
        #expect(Self.pairs(coverage) == ["x@x.org–b@x.org", "y@x.org–a@x.org"])
        let quality = try await Self.round(
            "minimum_score = 8\nobjective = \"quality\"\n", mentors: Self.floorMentors, mentees: Self.floorMentees)
        #expect(Self.pairs(quality) == ["x@x.org–a@x.org"])
        #expect(quality.unmatched.map { [$0.mentee: $0.reason] } == [[1: .eligibleMentorsFull]])
        let tooHigh = try await Self.round(
            "minimum_score = 45\n", mentors: Self.floorMentors, mentees: Self.floorMentees)
        #expect(tooHigh.unmatched.map(\.reason) == [.belowMinimumScore, .belowMinimumScore])
    }

    // Both mentees score 20 with a (2 places) and 15 with b.
    static let spreadMentors = "email,skills,capacity\na@x.org,t1:4,2\nb@x.org,t1:3,1\n"
    static let spreadMentees = "email,goals\nx@x.org,t1\ny@x.org,t1\n"

    @Test("Load spreading: a discount on second places sends one mentee to b; the pairs keep their real scores")
    func slotDiscount() async throws {
        let plain = try await Self.round("", mentors: Self.spreadMentors, mentees: Self.spreadMentees)
        #expect(plain.pairs.map(\.mentor) == [0, 0])
        let spread = try await Self.round(
            "slot_discount = 6\n", mentors: Self.spreadMentors, mentees: Self.spreadMentees)
        #expect(Set(spread.pairs.map(\.mentor)) == [0, 1])
        #expect(spread.pairs.map(\.units).sorted() == [1500, 2000])
        #expect(spread.certificate.isOptimal)
    }

    @Test("mentees_per_mentor caps every mentor's capacity")
    func cap() async throws {
        let round = try await Self.round(
            "mentees_per_mentor = 1\n", mentors: Self.spreadMentors, mentees: Self.spreadMentees)
        #expect(Set(round.pairs.map(\.mentor)) == [0, 1])
        #expect(round.places == [1, 1])
    }

    @Test("The small cohort: every outcome hand-checked, ranks, and the certificate")
    func smallCohort() async throws {
        let round = try await MatchingRound.run(Fixtures.small)
        #expect(
            Self.pairs(round) == [
                "E106–E105", "E201–E101", "E202–E106", "E203–E103", "E205–E103", "E206–E102", "E207–E104", "E208–E101",
            ])
        #expect(round.unmatched == [.init(mentee: 4, reason: .noEligibleMentor(mainRule: .inPersonRegion))])
        #expect(round.pairs.map(\.rank) == [2, 1, 1, 1, 1, 1, 1, 1])
        #expect(round.certificate.isOptimal)
    }

    @Test(
        "Checkpoints are counted in calendar months from the start date",
        arguments: [
            ("2027-01-31", 1, "2027-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2027-03-01", 3, "2027-06-01"),
            ("2027-11-15", 6, "2028-05-15"),
        ])
    func checkpoints(start: String, months: Int, expected: String) {
        #expect(CalendarDate(start)?.adding(months: months)?.description == expected)
    }

}

@Suite struct RoundOrientationTests {
    @Test(
        "Places × mentees, mentees × mentors and the dense solver over every pair reach the same optimum, for every objective (generated cohorts)"
    )
    func transposedAgrees() throws {
        for seed in UInt64(0)..<24 {
            let check = try Fixtures.generated(
                mentees: 30 + Int(seed % 7) * 5, mentors: 10 + Int(seed % 5), topics: 12, seed: seed
            ) { policy in
                policy.matching.objective = seed % 2 == 0 ? .coverage : .quality
                policy.matching.fairness = seed % 3 == 0 ? .floor : .none
                policy.matching.minimumScore = seed % 4 == 0 ? 5 : nil
                policy.matching.slotDiscount = seed % 5 == 0 ? 1.5 : 0
            }
            var objectives: [Int64] = [], counts: [Int] = []
            for transposed in [false, true] {
                let outcome = _RoundSolver(check: check, transposed: transposed).solve()
                #expect(outcome.certify().isOptimal, "seed \(seed)")
                objectives.append(outcome.solution.objectiveWithUnassigned)
                counts.append(outcome.matched)
            }
            // The dense solver over every eligible pair at once (no candidates, no pricing) agrees.
            objectives.append(try PricingTests.denseOptimum(_RoundSolver(check: check).solve().pairs))
            #expect(Set(objectives).count == 1, "seed \(seed): \(objectives)")
            #expect(counts[0] == counts[1], "seed \(seed): \(counts)")
        }
    }
}

@Suite struct PricingTests {
    /// The dense solver's optimum over every eligible pair of a round.
    static func denseOptimum(_ pairs: _EligiblePairs) throws -> Int64 {
        var values: [Int64] = []
        var row = [Int64](repeating: 0, count: pairs.columnCount),
            allowed = [Bool](repeating: false, count: pairs.columnCount)
        for mentee in 0..<pairs.rowCount {
            row.withUnsafeMutableBufferPointer { row in
                allowed.withUnsafeMutableBufferPointer { pairs.readRow(mentee, values: row, allowed: $0) }
            }
            values += zip(row, allowed).map { $1 ? $0 : .min }
        }
        let dense = try AssignmentProblem(
            try CostMatrix(rows: pairs.rowCount, columns: pairs.columnCount, values: values, forbiddenValue: .min),
            sense: .maximize, capacities: pairs.capacities, unassignedRows: .allowed(value: 0))
        return try ShortestAugmentingPath().solve(dense).objectiveWithUnassigned
    }

    @Test(
        "Starting from 1 or 3 candidates per mentee, pricing reaches the dense optimum over every pair (60–140 mentees, 40–60 mentors), reading rows in part or whole"
    )
    func fewCandidates() throws {
        var pricedMoreThanOnce = 0, readInPart = 0, firstReadInPart = 0
        for seed in UInt64(100)..<112 {
            let check = try Fixtures.generated(
                mentees: 60 + Int(seed % 5) * 20, mentors: 40 + Int(seed % 3) * 10, topics: 15, seed: seed
            ) { policy in
                policy.matching.objective = seed % 2 == 0 ? .coverage : .quality
                policy.matching.minimumScore = seed % 3 == 0 ? 10 : nil
                policy.matching.slotDiscount = seed % 4 == 0 ? 2 : 0
            }
            for (initial, transposed) in [(1, false), (3, true), (1, true)] {
                var solver = _RoundSolver(check: check, transposed: transposed)
                solver.initialCandidates = initial
                let outcome = solver.solve()
                #expect(outcome.certify().isOptimal, "seed \(seed)")
                #expect(
                    outcome.solution.objectiveWithUnassigned == (try Self.denseOptimum(outcome.pairs)),
                    "seed \(seed), \(initial) candidates")
                if outcome.solves > 1 { pricedMoreThanOnce += 1 }
                if outcome.pairs.rowsReadInPart > outcome.pairs.firstReadsInPart { readInPart += 1 }
                if outcome.pairs.firstReadsInPart > 0 { firstReadInPart += 1 }
                // Reading rows whole finds the same pairs each round: the same solves, the same answer.
                solver.readsInPart = false
                let whole = solver.solve()
                #expect(whole.pairs.rowsReadInPart == 0)
                #expect(whole.solution.columnForRow == outcome.solution.columnForRow, "seed \(seed)")
                #expect(whole.candidatePairs == outcome.candidatePairs, "seed \(seed)")
                #expect(whole.solves == outcome.solves, "seed \(seed)")
            }
        }
        #expect(pricedMoreThanOnce >= 30, "pricing rounds were exercised in \(pricedMoreThanOnce) of 36 solves")
        #expect(readInPart >= 3, "rows were read again in part in \(readInPart) of 36 solves")
        #expect(firstReadInPart >= 3, "rows were first read in part in \(firstReadInPart) of 36 solves")
    }
}

@Suite struct RoundRangeTests {
    @Test(
        "Values beyond the solver's exact range are an error at the policy; large values within it are solved and certified exactly"
    )
    func tooLarge() async throws {
        // 10¹² units per place of discount, 300 mentees: the coverage bonus
        // passes the solver's bound for this size.
        do {
            _ = try Fixtures.generated(mentees: 300, mentors: 150, topics: 10, seed: 7) { policy in
                policy.resolution = 1e-6
                policy.matching.slotDiscount = 1e6
            }
            Issue.record("a round whose values overflow was accepted")
        } catch let error as InputDiagnostics {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.message.contains("use a coarser resolution") == true, "\(error)")
        }
        // 40 mentees: values near 2.4 × 10¹⁴ units, which the old certificate
        // (summing in `Double` and capped at 2⁵³ / n) refused; certified exactly.
        let check = try Fixtures.generated(mentees: 40, mentors: 20, topics: 10, seed: 7) { policy in
            policy.resolution = 1e-6
            policy.matching.slotDiscount = 1e6
        }
        let round = await MatchingRound.run(check)
        #expect(round.pairOffsetUnits > 200_000_000_000_000)
        #expect(round.certificate.isOptimal, "\(round.certificate)")
    }
}

@Suite struct DegenerateRoundTests {
    @Test(
        "No eligible pair, one mentee, one mentor, a floor over one mentor: certified answers, every mentee accounted for"
    )
    func degenerate() async throws {
        let cases: [(mentees: Int, mentors: Int, adjust: @Sendable (inout Policy) -> Void)] = [
            (30, 10, { $0.matching.minimumScore = 100_000 }),
            (1, 1, { _ in }),
            (1, 5, { $0.matching.objective = .quality }),
            (25, 1, { $0.matching.fairness = .floor }),
        ]
        for (index, example) in cases.enumerated() {
            let check = try Fixtures.generated(
                mentees: example.mentees, mentors: example.mentors, topics: 8, seed: 50 + UInt64(index),
                adjust: example.adjust)
            let round = await MatchingRound.run(check)
            #expect(round.certificate.isOptimal, "case \(index): \(round.certificate)")
            #expect(round.pairs.count + round.unmatched.count == example.mentees, "case \(index)")
        }
    }
}

@Suite struct FloorTests {
    @Test(
        "The floor is the highest score keeping the match count: a coverage solve at it keeps the count, one at the next score loses it"
    )
    func floorIsHighest() throws {
        var checked = 0
        for seed in UInt64(200)..<210 {
            let check = try Fixtures.generated(
                mentees: 50 + Int(seed % 4) * 15, mentors: 20 + Int(seed % 3) * 6, topics: 12, seed: seed
            ) { policy in
                policy.matching.fairness = .floor
                policy.matching.objective = seed % 2 == 0 ? .coverage : .quality
            }
            let solver = _RoundSolver(check: check)
            let outcome = solver.solve()
            let matched = solver.solve(floor: nil, objective: check.cohort.policy.matching.objective).matched
            guard let floor = outcome.floor else { continue }
            #expect(outcome.matched == matched || check.cohort.policy.matching.objective == .quality, "seed \(seed)")
            #expect(solver.solve(floor: floor, objective: .coverage).matched >= matched, "seed \(seed)")
            var higher: [Int64] = []
            check.scores.forEachRow { row in
                for mentor in 0..<row.mentors
                where !row.isForbidden(mentor) && Int64(row[mentor]) >= (solver.minimumUnits ?? .min) {
                    if Int64(row[mentor]) > floor { higher.append(Int64(row[mentor])) }
                }
            }
            if let next = higher.min() {
                #expect(
                    solver.solve(floor: next, objective: .coverage).matched < matched,
                    "seed \(seed): floor \(floor) is not the highest")
            }
            checked += 1
        }
        #expect(checked >= 8)
    }
}

@Suite struct NaturalOrderTests {
    @Test("Ids sort as people read them, and the order is total")
    func order() {
        let ids = ["E112", "E3", "e4", "E20", "E07", "E7", "M1", "E", "E3a", "x@y.org", "10", "9"]
        #expect(
            ids.sorted(by: _NaturalOrder.less) == [
                "9", "10", "E", "E3", "E3a", "E07", "E7", "E20", "E112", "M1", "e4", "x@y.org",
            ])
    }
}
