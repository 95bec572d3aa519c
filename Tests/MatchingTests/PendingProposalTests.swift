import Foundation
import Testing
import _TandemUtilities

@testable import Matching

/// A follow-up round keeps the proposals awaiting a reply where it can: the
/// answer is lexicographically best for (the objective, kept proposals, total),
/// checked against every possible matching of small generated cohorts.
@Suite struct PendingProposalTests {
    /// Every pair's score, or `nil` when it is not eligible.
    static func eligible(_ check: ScoredCohort, minimum: Int64?) -> [[Int64?]] {
        var table: [[Int64?]] = []
        check.scores.forEachRow { row in
            table.append(
                (0..<row.mentors).map { mentor in
                    let score = Int64(row[mentor])
                    return row.isForbidden(mentor) || score < (minimum ?? .min) ? nil : score
                })
        }
        return table
    }

    /// The lexicographic key of a matching, as the policy ranks answers.
    static func key(
        _ mentorOf: [Int?], scores: [[Int64?]], kept: [Int?], objective: Policy.Objective, minimum: Int64,
        discount: Int64
    ) -> [Int64] {
        var load = [Int: Int64](), total: Int64 = 0, count: Int64 = 0, keeps: Int64 = 0
        for (mentee, mentor) in mentorOf.enumerated() {
            guard let mentor, let score = scores[mentee][mentor] else { continue }
            total += score - (load[mentor, default: 0]) * discount
            load[mentor, default: 0] += 1
            count += 1
            if kept[mentee] == mentor { keeps += 1 }
        }
        return objective == .coverage ? [count, keeps, total] : [total - count * minimum, keeps]
    }

    /// The best key over every matching that respects eligibility and places.
    static func bruteForce(
        scores: [[Int64?]], places: [Int], kept: [Int?], objective: Policy.Objective, minimum: Int64, discount: Int64
    ) -> [Int64] {
        var best: [Int64]?
        var mentorOf = [Int?](repeating: nil, count: scores.count)
        var load = [Int](repeating: 0, count: places.count)
        func visit(_ mentee: Int) {
            guard mentee < scores.count else {
                let key = key(
                    mentorOf, scores: scores, kept: kept, objective: objective, minimum: minimum, discount: discount)
                if best == nil || key.lexicographicallyPrecedes(best!) == false && key != best! { best = key }
                return
            }
            mentorOf[mentee] = nil
            visit(mentee + 1)
            for mentor in places.indices where load[mentor] < places[mentor] && scores[mentee][mentor] != nil {
                mentorOf[mentee] = mentor
                load[mentor] += 1
                visit(mentee + 1)
                load[mentor] -= 1
            }
            mentorOf[mentee] = nil
        }
        visit(0)
        return best!
    }

    @Test(
        "Pending proposals are kept exactly as far as the objective allows (brute force over every matching)",
        arguments: [Policy.Objective.coverage, .quality], [0.0, 2.0])
    func keptLexicographically(objective: Policy.Objective, discount: Double) async throws {
        for seed in UInt64(1)...12 {
            let check = try Fixtures.generated(mentees: 7, mentors: 3, topics: 12, seed: seed) { policy in
                policy.matching.objective = objective
                policy.matching.slotDiscount = discount
                policy.matching.menteesPerMentor = 2
                if objective == .quality { policy.matching.minimumScore = 5 }
            }
            var random = SeededGenerator(seed: seed)
            let cohort = check.cohort
            // About half the mentees have a proposal awaiting a reply, with any
            // mentor (eligible or not: an ineligible one is simply not kept).
            let kept: [Int?] = cohort.mentees.indices.map { _ in
                Bool.random(using: &random) ? Int.random(in: 0..<cohort.mentors.count, using: &random) : nil
            }
            var spec = RoundSpec(cohort: cohort)
            spec.pending = kept.enumerated().compactMap { mentee, mentor in
                mentor.map { Pairing(mentee: cohort.mentees[mentee].id, mentor: cohort.mentors[$0].id) }
            }
            let round = try await spec.run()
            #expect(round.certificate.isOptimal, "seed \(seed): \(round.certificate)")
            let (discountUnits, minimumUnits) = _RoundSolver.units(cohort.policy)
            let scores = Self.eligible(round.check, minimum: minimumUnits)
            var mentorOf = [Int?](repeating: nil, count: cohort.mentees.count)
            for pair in round.pairs { mentorOf[pair.mentee] = pair.mentor }
            let found = Self.key(
                mentorOf, scores: scores, kept: kept, objective: objective, minimum: minimumUnits ?? 0,
                discount: discountUnits)
            let best = Self.bruteForce(
                scores: scores, places: round.places, kept: kept, objective: objective, minimum: minimumUnits ?? 0,
                discount: discountUnits)
            #expect(found == best, "seed \(seed): \(found) found, \(best) possible")
        }
    }
}
