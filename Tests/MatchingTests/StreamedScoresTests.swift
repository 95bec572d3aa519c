import Assignment
import Foundation
import TestSupport
import Testing
import _TandemUtilities

@testable import Matching

/// Scores computed again for every pass equal the stored matrix bit for bit,
/// and rounds read through them agree with stored rounds.
@Suite struct StreamedScoresTests {
    /// Every row of `streamed` equals the matrix's: scores and forbidden bits.
    static func expectSameRows(
        _ streamed: any ScoreSource, _ matrix: ScoreMatrix, rows: [Int], _ comment: Comment
    ) {
        var seen: [Int] = []
        streamed.forEachRow(of: rows) { row in
            seen.append(row.mentee)
            matrix.withRow(row.mentee) { stored in
                for mentor in 0..<row.mentors {
                    #expect(row.isForbidden(mentor) == stored.isForbidden(mentor), comment)
                    #expect(row[mentor] == stored[mentor], comment)
                }
            }
        }
        #expect(seen == rows, comment)
    }

    /// Rows read against `subset` (streamed, or copied out of stored rows)
    /// equal the matrix's columns of those mentors.
    static func expectSameColumns(
        _ source: any ScoreSource, _ matrix: ScoreMatrix, rows: [Int], subset: [Int32], _ comment: Comment
    ) {
        var seen: [Int] = []
        source.forEachRow(of: rows, against: _MentorSubset(subset, of: matrix.mentors)) { row in
            seen.append(row.mentee)
            #expect(row.mentors == subset.count, comment)
            matrix.withRow(row.mentee) { stored in
                for (column, mentor) in subset.enumerated() {
                    #expect(row.isForbidden(column) == stored.isForbidden(Int(mentor)), comment)
                    #expect(row[column] == stored[Int(mentor)], comment)
                }
            }
        }
        #expect(seen == rows, comment)
    }

    /// A random subset of `mentors` mentors, ascending (now and then all or none).
    static func randomSubset(of mentors: Int, _ random: inout SeededGenerator) -> [Int32] {
        let share = [0.0, 0.1, 0.5, 1.0].randomElement(using: &random)!
        return (0..<Int32(mentors)).filter { _ in Double.random(in: 0..<1, using: &random) < share }
    }

    @Test(
        "Streamed rows equal the stored matrix under every criterion kind, whole passes and scattered rows (60 random schemes)"
    )
    func criteriaRows() throws {
        var checked = 0
        try forEverySeed(0..<60) { seed, random in
            let scheme = CriterionPropertyTests.randomScheme(&random)
            let loaded = try Fixtures.cohort(
                policy: scheme.policy, mentors: CriterionPropertyTests.csv(scheme.mentors, mentor: true),
                mentees: CriterionPropertyTests.csv(scheme.mentees, mentor: false))
            let model = try ScoringModel(cohort: loaded.cohort)
            let matrix = model.scoreMatrix(), streamed = model.streamedScores()
            let every = Array(0..<matrix.mentees)
            Self.expectSameRows(streamed, matrix, rows: every, "seed \(seed)")
            let some = every.filter { _ in Bool.random(using: &random) }
            Self.expectSameRows(streamed, matrix, rows: some, "seed \(seed), rows \(some)")
            #expect(streamed.rowsComputed == every.count + some.count)
            let subset = Self.randomSubset(of: matrix.mentors, &random)
            Self.expectSameColumns(streamed, matrix, rows: some, subset: subset, "seed \(seed), mentors \(subset)")
            Self.expectSameColumns(matrix, matrix, rows: some, subset: subset, "seed \(seed), stored")
            checked += 1
        }
        #expect(checked == 60)
    }

    @Test(
        "Streamed rows equal the stored matrix with declared conflicts, organisation conflicts, line managers and penalised earlier pairs, in single and double precision"
    )
    func listedExclusions() throws {
        for (seed, weight) in [(UInt64(1), 1.0), (2, 1.0), (3, 5_000.0)] {
            let check = try Fixtures.generated(mentees: 300, mentors: 140, topics: 20, seed: seed) { policy in
                // A large goal weight takes the products past 2²², into double precision.
                policy.weights.goalMatch *= weight
                policy.history.repeatPairs = .penalise
            }
            var cohort = check.cohort
            let earlier = (0..<40).map { index in
                Pairing(mentee: cohort.mentees[index * 7].id, mentor: cohort.mentors[index * 3].id)
            }
            cohort = try cohort.with(
                policy: cohort.policy,
                addingExclusions: [
                    PairExclusion(mentee: cohort.mentees[5].id, mentor: cohort.mentors[9].id, reason: .declined)
                ], earlierPairs: earlier)
            #expect(!cohort.menteeOrganisationConflicts.allSatisfy(\.isEmpty) || seed != 1)
            let model = try ScoringModel(cohort: cohort)
            let matrix = model.scoreMatrix()
            #expect((model.productBound < 1 << 22) == (weight == 1))
            #expect(matrix.score(mentee: 5, mentor: 9) == nil)
            Self.expectSameRows(model.streamedScores(), matrix, rows: Array(0..<matrix.mentees), "seed \(seed)")
            Self.expectSameRows(
                model.streamedScores(), matrix, rows: Array(stride(from: 1, to: matrix.mentees, by: 3)),
                "seed \(seed), every third row")
            // Against some mentors only: the conflicts and penalties of the others are skipped, theirs kept.
            var random = SeededGenerator(seed: seed)
            for subset in [Array(stride(from: Int32(0), to: 140, by: 3)), [9], Self.randomSubset(of: 140, &random)] {
                Self.expectSameColumns(
                    model.streamedScores(), matrix, rows: Array(0..<matrix.mentees), subset: subset,
                    "seed \(seed), mentors \(subset)")
            }
        }
    }

    @Test(
        "A round on streamed scores equals the round on stored scores (pairs, ranks, reasons, stability, certificate) under every objective"
    )
    func roundsAgree() async throws {
        for seed in UInt64(40)..<48 {
            let stored = try Fixtures.generated(mentees: 90, mentors: 40, topics: 15, seed: seed) {
                Fixtures.varyRound(&$0, seed: seed)
            }
            let streamed = try ScoredCohort.run(stored.cohort, warnings: [], storage: .streamed)
            #expect(stored.scores is ScoreMatrix)
            #expect(streamed.scores is StreamedScores)
            #expect(streamed.allowedPairs == stored.allowedPairs)
            #expect(streamed.strandedMentees == stored.strandedMentees)
            #expect(streamed.largestScore == stored.largestScore)
            let a = await MatchingRound.run(stored), b = await MatchingRound.run(streamed)
            #expect(a.pairs == b.pairs, "seed \(seed)")
            #expect(a.unmatched == b.unmatched, "seed \(seed)")
            #expect(a.blockingPairs == b.blockingPairs, "seed \(seed)")
            #expect(a.floorUnits == b.floorUnits, "seed \(seed)")
            #expect(a.certificate.isOptimal && b.certificate.isOptimal, "seed \(seed)")
            #expect(a.certificate.primalObjective == b.certificate.primalObjective, "seed \(seed)")
        }
    }

    @Test("Automatic storage keeps the matrix up to the limit and streams beyond it")
    func automaticChoice() {
        #expect(ScoreStorage.storedBytes(mentees: 3, mentors: 65) == 3 * (65 * 4 + 16))
        #expect(ScoreStorage.automatic.stores(mentees: 5_000, mentors: 5_000))
        #expect(!ScoreStorage.automatic.stores(mentees: 68_000, mentors: 32_000))
        #expect(!ScoreStorage.streamed.stores(mentees: 10, mentors: 10))
        #expect(ScoreStorage.stored.stores(mentees: 100_000, mentors: 100_000))
    }
}
