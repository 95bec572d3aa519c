import Testing
import _TandemUtilities

@testable import Matching

/// The answer's details the digest spares a pass for — ranks, blocking pairs,
/// best allowed mentors — equal a brute-force count over every pair.
@Suite struct RoundDetailsTests {
    @Test(
        "Ranks, blocking pairs and each unmatched mentee's best allowed mentor equal a count over every pair, stored or streamed (12 generated rounds, every objective)"
    )
    func agreeWithBruteForce() async throws {
        var readRows = 0
        for seed in UInt64(60)..<72 {
            let check = try Fixtures.generated(mentees: 120, mentors: 40, topics: 15, seed: seed) { policy in
                policy.matching.objective = seed % 2 == 0 ? .coverage : .quality
                policy.matching.minimumScore = seed % 3 == 0 ? 25 : nil
                policy.matching.slotDiscount = seed % 4 == 1 ? 2 : 0
            }
            let round = await MatchingRound.run(check)
            let matrix = try #require(check.scores as? ScoreMatrix)
            var partner = [Int?](repeating: nil, count: matrix.mentees)
            var load = [Int](repeating: 0, count: matrix.mentors)
            var weakest = [Int32](repeating: .max, count: matrix.mentors)
            for pair in round.pairs {
                partner[pair.mentee] = pair.mentor
                load[pair.mentor] += 1
                weakest[pair.mentor] = min(weakest[pair.mentor], pair.units)
                let units = try #require(matrix.score(mentee: pair.mentee, mentor: pair.mentor))
                #expect(pair.units == units)
                let higher = (0..<matrix.mentors).count {
                    (matrix.score(mentee: pair.mentee, mentor: $0) ?? .min) > units
                }
                #expect(pair.rank == higher + 1, "seed \(seed), mentee \(pair.mentee)")
            }
            var blocking = 0
            for mentee in 0..<matrix.mentees {
                for mentor in 0..<matrix.mentors where mentor != partner[mentee] {
                    guard let units = matrix.score(mentee: mentee, mentor: mentor),
                        Int64(units) >= (round.minimumUnits ?? .min), round.places[mentor] > 0
                    else { continue }
                    let menteeWants = partner[mentee].map { units > matrix.score(mentee: mentee, mentor: $0)! } ?? true
                    let mentorWants = load[mentor] < round.places[mentor] || units > weakest[mentor]
                    if menteeWants && mentorWants { blocking += 1 }
                }
            }
            #expect(round.blockingPairs == blocking, "seed \(seed)")
            for unmatched in round.unmatched {
                let allowed = (0..<matrix.mentors).filter { matrix.score(mentee: unmatched.mentee, mentor: $0) != nil }
                let best = allowed.max {
                    (matrix.score(mentee: unmatched.mentee, mentor: $0)!, -$0)
                        < (matrix.score(mentee: unmatched.mentee, mentor: $1)!, -$1)
                }
                #expect(unmatched.bestAllowed?.mentor == best, "seed \(seed)")
            }
            readRows += round.unmatched.count
            // Streamed, the rows the digest cannot answer for are read in parts on every core.
            let streamed = await MatchingRound.run(try ScoredCohort.run(check.cohort, warnings: [], storage: .streamed))
            #expect(
                streamed.pairs.map { [$0.mentee, $0.mentor, Int($0.units), $0.rank] }
                    == round.pairs.map { [$0.mentee, $0.mentor, Int($0.units), $0.rank] }, "seed \(seed)")
            #expect(streamed.blockingPairs == round.blockingPairs, "seed \(seed)")
            #expect(
                streamed.unmatched.map { "\($0.mentee) \($0.reason) \(String(describing: $0.bestAllowed))" }
                    == round.unmatched.map { "\($0.mentee) \($0.reason) \(String(describing: $0.bestAllowed))" })
        }
        #expect(readRows > 0, "some rounds leave mentees unmatched")
    }

    @Test(
        "Unmatched mentees settled by pricing's bounds get the details a read of their row gives (8 generated streamed rounds with every place filled)"
    )
    func settledUnmatchedRows() throws {
        var settled = 0
        for seed in UInt64(80)..<88 {
            let stored = try Fixtures.generated(mentees: 400, mentors: 60, topics: 15, seed: seed) { policy in
                policy.matching.objective = seed % 2 == 0 ? .coverage : .quality
                policy.matching.slotDiscount = seed % 4 == 1 ? 2 : 0
            }
            let check = try ScoredCohort.run(stored.cohort, warnings: [], storage: .streamed)
            let solver = _RoundSolver(check: check)
            let outcome = solver.solve()
            func details(solved: Bool) -> _RoundDetails {
                _RoundDetails(
                    check: check, mentorOfMentee: outcome.mentorOfMentee, pairScores: outcome.pairScores(),
                    places: solver.places, minimumUnits: solver.minimumUnits, floor: outcome.floor,
                    solved: solved ? (outcome.pairs, outcome.candidates) : nil)
            }
            let read = details(solved: false), shortened = details(solved: true)
            #expect(read.settledUnmatched == 0)
            #expect(shortened.blockingPairs == read.blockingPairs, "seed \(seed)")
            #expect(
                shortened.unmatched.mapValues { "\($0.reason) \(String(describing: $0.best))" }
                    == read.unmatched.mapValues { "\($0.reason) \(String(describing: $0.best))" }, "seed \(seed)")
            #expect(
                shortened.scoreAndRank.mapValues { [$0.units, Int32($0.rank)] }
                    == read.scoreAndRank.mapValues { [$0.units, Int32($0.rank)] })
            settled += shortened.settledUnmatched
        }
        #expect(settled > 0, "some unmatched rows are settled without a read")
    }

    @Test(
        "A matched mentee's rank and blocking pairs read from their row, its chunks skipped as vectors, equal a count over every pair (200 seeded rows up to 1,500 mentors)"
    )
    func matchedRowAgreesWithCount() {
        for seed in UInt64(0)..<200 {
            var random = SeededGenerator(seed: seed)
            let mentors = Int.random(in: 1...1_500, using: &random)
            let rows = ScoreDigestTests.rows(mentees: 1, mentors: mentors, random: &random)
            let scores = rows.scores[0], forbidden = rows.forbidden[0]
            let places = (0..<mentors).map { _ in Int.random(in: 0...3, using: &random) }
            // Mentee 0 (the row's) and 60 others, matched at random within the places.
            var load = [Int](repeating: 0, count: mentors)
            var mentorOfMentee: [Int?] = [], pairScores: [Int32?] = []
            for mentee in 0..<61 {
                let open = (0..<mentors).filter { load[$0] < places[$0] && (mentee > 0 || !forbidden[$0]) }
                let mentor = mentee == 0 || Bool.random(using: &random) ? open.randomElement(using: &random) : nil
                if let mentor { load[mentor] += 1 }
                mentorOfMentee.append(mentor)
                pairScores.append(
                    mentor.map { mentee == 0 ? scores[$0] : Int32.random(in: .min ... .max, using: &random) })
            }
            guard mentorOfMentee[0] != nil, let units = pairScores[0] else { continue }
            let minimum: Int64? = Bool.random(using: &random) ? Int64(units) - 50 : nil
            let audit = _StabilityAudit(
                mentorOfMentee: mentorOfMentee, pairScores: pairScores, places: places, load: load,
                minimumUnits: minimum)
            let reader = _DetailReader(
                places: places, load: load, minimumUnits: minimum, floor: nil, audit: audit,
                pairScore: pairScores.map { $0 ?? .min })
            let read = rows.withRow(0) { reader.read($0) }
            // By hand: each mentor's weakest mentee.
            var weakest = [Int32](repeating: .max, count: mentors)
            for (mentor, score) in zip(mentorOfMentee, pairScores) {
                if let mentor, let score { weakest[mentor] = min(weakest[mentor], score) }
            }
            let higher = (0..<mentors).filter { !forbidden[$0] && scores[$0] > units }
            let blocking = higher.count { mentor in
                places[mentor] > 0 && (load[mentor] < places[mentor] || scores[mentor] > weakest[mentor])
                    && Int64(scores[mentor]) >= (minimum ?? .min)
            }
            #expect(read.rank == higher.count + 1, "seed \(seed)")
            #expect(read.blockingPairs == blocking, "seed \(seed)")
        }
    }
}
