import Testing
import _TandemUtilities

@testable import Matching

/// A follow-up round started from the round before's potentials reaches the
/// same lexicographic optimum as one started cold, certified; and potentials
/// that fit nothing (anyone's, wildly off) change only the work.
@Suite struct StartingPotentialsTests {
    /// A follow-up of `round`: a third of its pairs accepted (locked), a few
    /// declined (excluded), the rest awaiting a reply (kept where possible).
    static func followUp(_ round: MatchingRound, seed: UInt64) -> RoundSpec {
        var random = SeededGenerator(seed: seed)
        let cohort = round.cohort
        var spec = RoundSpec(cohort: cohort)
        for pair in round.pairs {
            let pairing = Pairing(mentee: cohort.mentees[pair.mentee].id, mentor: cohort.mentors[pair.mentor].id)
            switch Int.random(in: 0..<6, using: &random) {
            case 0, 1: spec.locks.append(pairing)
            case 2:
                spec.exclusions.append(PairExclusion(mentee: pairing.mentee, mentor: pairing.mentor, reason: .declined))
            default: spec.pending.append(pairing)
            }
        }
        return spec
    }

    /// What the follow-up round ranks answers by (see `PendingProposalTests`).
    static func key(_ round: MatchingRound, pending: [Pairing]) -> [Int64] {
        let cohort = round.cohort
        let (discount, minimum) = _RoundSolver.units(cohort.policy)
        var mentorOf = [Int?](repeating: nil, count: cohort.mentees.count)
        for pair in round.pairs { mentorOf[pair.mentee] = pair.mentor }
        var kept = [Int?](repeating: nil, count: cohort.mentees.count)
        for pairing in pending {
            kept[cohort.menteeIndexByID[pairing.mentee]!] = cohort.mentorIndexByID[pairing.mentor]
        }
        return PendingProposalTests.key(
            mentorOf, scores: PendingProposalTests.eligible(round.check, minimum: minimum), kept: kept,
            objective: cohort.policy.matching.objective, minimum: minimum ?? 0, discount: discount)
    }

    @Test(
        "Started from the round before's potentials, or from nonsense, a follow-up round finds the cold optimum",
        arguments: [Policy.Objective.coverage, .quality], [0.0, 2.0])
    func sameOptimum(objective: Policy.Objective, discount: Double) async throws {
        for seed in UInt64(1)...6 {
            let check = try Fixtures.generated(mentees: 60, mentors: 25, topics: 20, seed: seed) { policy in
                policy.matching.objective = objective
                policy.matching.slotDiscount = discount
                if objective == .quality { policy.matching.minimumScore = 5 }
            }
            let first = await MatchingRound.run(check)
            var spec = Self.followUp(first, seed: seed)
            let cold = try await spec.run()
            spec.startingPotentials = first.potentials
            let warm = try await spec.run()
            // Potentials that fit nothing: random, and beyond any answer's range.
            var random = SeededGenerator(seed: seed)
            func randomPotential() -> Int64 { Int64.random(in: -1_000_000_000...1_000_000_000, using: &random) }
            spec.startingPotentials = RoundPotentials(
                mentees: Dictionary(uniqueKeysWithValues: check.cohort.mentees.map { ($0.id, randomPotential()) }),
                mentors: Dictionary(
                    uniqueKeysWithValues: check.cohort.mentors.map { ($0.id, [randomPotential(), randomPotential()]) }))
            let scrambled = try await spec.run()
            spec.startingPotentials?.mentors[check.cohort.mentors[0].id] = [.max / 3, .min / 3]
            let extreme = try await spec.run()
            for round in [cold, warm, scrambled, extreme] {
                #expect(round.certificate.isOptimal, "seed \(seed): \(round.certificate)")
            }
            let expected = Self.key(cold, pending: spec.pending)
            for round in [warm, scrambled, extreme] {
                #expect(Self.key(round, pending: spec.pending) == expected, "seed \(seed)")
            }
        }
    }

    @Test("A round's potentials name every mentee and each mentor's places")
    func potentialsCoverEveryone() async throws {
        let check = try Fixtures.generated(mentees: 30, mentors: 12, topics: 10, seed: 4) { policy in
            policy.matching.slotDiscount = 1
        }
        let round = await MatchingRound.run(check)
        #expect(Set(round.potentials.mentees.keys) == Set(check.cohort.mentees.map(\.id)))
        for (index, mentor) in check.cohort.mentors.enumerated() {
            #expect(round.potentials.mentors[mentor.id]?.count == round.places[index])
        }
    }
}
