import Diagnostics
import Matching
import TestSupport
import Testing

/// Scenarios run from the baseline (its answer, potentials and, where they
/// cannot change, its scores) against the same variants solved cold.
@Suite struct ScenarioRunnerTests {
    static let loaded: CohortLoader.Loaded = {
        let sources = Cohort.Sources(
            mentors: datasetPath("sample/mentors.csv"), mentees: datasetPath("sample/mentees.csv"),
            conflicts: datasetPath("sample/conflicts.csv"), policy: datasetPath("sample/policy.toml"))
        return try! CohortLoader.load(sources)
    }()

    /// The objective's figures: mentees matched and the total, in units.
    static func objective(_ round: MatchingRound) -> [Int64] {
        [Int64(round.pairs.count), round.pairs.reduce(0) { $0 + Int64($1.units) }]
    }

    @Test(
        "A capacity change equals a cold round whose cohort was built with those capacities; one out of range is refused"
    )
    func capacitiesAgainstColdRound() async throws {
        let runner = try await ScenarioRunner(RoundSpec(loaded: Self.loaded))
        var scenario = Scenario(name: "capacities")
        scenario.capacities = ["M23": 5, "M1": 0, "nobody": 3]
        let warm = try await runner.run(scenario)
        let cohort = Self.loaded.cohort
        let mentors = cohort.mentors.map { mentor in
            var mentor = mentor
            mentor.capacity = scenario.capacities[mentor.id] ?? mentor.capacity
            return mentor
        }
        func byID(_ conflicts: [[String]], _ people: [Participant]) -> [ParticipantID: [String]] {
            Dictionary(uniqueKeysWithValues: zip(people.map(\.id), conflicts).filter { !$0.1.isEmpty })
        }
        var cold = RoundSpec(loaded: Self.loaded)
        cold.cohort = try Cohort(
            policy: cohort.policy, taxonomy: cohort.taxonomy, mentors: mentors, mentees: cohort.mentees,
            exclusions: cohort.exclusions, earlierPairs: cohort.earlierPairs,
            menteeOrganisationConflicts: byID(cohort.menteeOrganisationConflicts, cohort.mentees),
            mentorOrganisationConflicts: byID(cohort.mentorOrganisationConflicts, cohort.mentors),
            sources: cohort.sources)
        let coldRound = try await cold.run()
        #expect(Self.objective(warm) == Self.objective(coldRound))
        #expect(warm.certificate.isOptimal && coldRound.certificate.isOptimal)
        #expect(
            warm.result.pairs.filter { $0.mentor == "M23" }.count
                == coldRound.result.pairs.filter { $0.mentor == "M23" }.count)
        #expect(!warm.result.pairs.contains { $0.mentor == "M1" })

        scenario.capacities = ["M23": 5_000]
        await #expect {
            try await runner.run(scenario)
        } throws: { error in
            "\(error)".contains("the mentor \"M23\" has capacity 5000; capacities are from 0 to 1000.")
        }
    }

    @Test("A pin equals a cold round with the pair locked; a [matching] change equals a cold round under that policy")
    func againstColdRounds() async throws {
        let runner = try await ScenarioRunner(RoundSpec(loaded: Self.loaded))
        var pinned = Scenario(name: "pinned")
        pinned.pins = [Pairing(mentee: "E90", mentor: "M23"), Pairing(mentee: "E1", mentor: "M39")]
        var cold = RoundSpec(loaded: Self.loaded)
        cold.locks = pinned.pins
        let warm = try await runner.run(pinned), coldRound = try await cold.run()
        #expect(Self.objective(warm) == Self.objective(coldRound))
        #expect(warm.certificate.isOptimal && coldRound.certificate.isOptimal)
        #expect(warm.result.pairs.filter(\.locked).count == 2)

        for change in [
            { (policy: inout Policy) in policy.matching.slotDiscount = 4 },
            { $0.matching.fairness = .floor },
            {
                $0.matching.objective = .quality
                $0.matching.minimumScore = 25
            },
            { $0.matching.menteesPerMentor = 1 },
        ] {
            var policy = Self.loaded.cohort.policy
            change(&policy)
            var scenario = Scenario(name: "policy")
            scenario.policy = policy
            var coldSpec = RoundSpec(loaded: Self.loaded)
            coldSpec.policy = policy
            let warmRound = try await runner.run(scenario), coldPolicyRound = try await coldSpec.run()
            #expect(Self.objective(warmRound) == Self.objective(coldPolicyRound))
            #expect(warmRound.floorUnits == coldPolicyRound.floorUnits)
            #expect(warmRound.certificate.isOptimal)
        }
    }

    @Test("The price of the fairness floor and of a rule is the difference of the two optima, each solved cold")
    func rulePrices() async throws {
        var policy = Self.loaded.cohort.policy
        policy.matching.fairness = .floor
        policy.sameOrganisation = .forbid
        var base = RoundSpec(loaded: Self.loaded)
        base.policy = policy
        let runner = try await ScenarioRunner(base)
        let prices = try await Prices.compute(runner, mentors: 2, rules: true, width: 2)
        #expect(
            prices.rules.map(\.change) == [
                "rules.same_organisation = \"neutral\"", "rules.in_person_needs_same_region = false",
                "seniority.minimum_gap = 0", "matching.fairness = \"none\"",
            ])
        for (rule, lift) in zip(
            prices.rules,
            [
                { (policy: inout Policy) in policy.sameOrganisation = .neutral },
                { $0.inPersonNeedsSameRegion = false },
                { $0.seniority.minimumGap = 0 },
                { $0.matching.fairness = .none },
            ])
        {
            var lifted = policy
            lift(&lifted)
            var without = RoundSpec(loaded: Self.loaded)
            without.policy = lifted
            let round = try await without.run()
            let before = Self.objective(runner.baseline), after = Self.objective(round)
            #expect(rule.matched == Int(after[0] - before[0]), "\(rule.rule)")
            #expect(
                rule.points == PointsFormat.string(units: after[1] - before[1], resolution: policy.resolution),
                "\(rule.rule)")
            #expect(rule.optimal)
        }
        #expect(prices.places.count == 2)
        #expect(prices.unplaced.map(\.mentee) == runner.baseline.result.unmatched.map(\.mentee))
    }
}
