import Assignment
import Foundation
import TestSupport
import Testing
import _TandemUtilities

@testable import Matching

/// A round whose passes over every pair run as parts over blocks of mentees,
/// each through its bytes as another process would, gives the same answer
/// as a round that ran them itself.
@Suite struct RowPassTests {
    /// Runs every part here, from the job's bytes and back: what a runner of
    /// separate processes does, without the processes. Counts the passes.
    final class PartsThroughBytes: RowPassRunner, @unchecked Sendable {
        let scores: any ScoreSource
        let parts: Int
        private(set) var jobs: [String] = []

        init(_ cohort: Cohort, parts: Int) throws {
            scores = try ScoringModel(cohort: cohort).streamedScores()
            self.parts = parts
        }

        func run(_ job: RowPassJob) -> [[UInt8]] {
            jobs.append(job.name)
            let decoded = try! RowPassJob(bytes: job.bytes)
            #expect(decoded.name == job.name && decoded.rows == job.rows && decoded.bytes == job.bytes)
            return (0..<parts).map { try! decoded.part($0, of: parts, scores: scores) }
        }
    }

    @Test(
        "Scoring and pricing as 1, 2, 3 and 7 parts give the same pairs, unmatched, certificate and digest as one pass, under every objective"
    )
    func partsAgree() async throws {
        var pricingPasses = 0
        for seed in UInt64(60)..<68 {
            let stored = try Fixtures.generated(mentees: 90, mentors: 40, topics: 15, seed: seed) {
                Fixtures.varyRound(&$0, seed: seed)
            }
            let streamed = try ScoredCohort.run(stored.cohort, warnings: [], storage: .streamed)
            let alone = await MatchingRound.run(streamed)
            for parts in [1, 2, 3, 7] {
                let runner = try PartsThroughBytes(stored.cohort, parts: parts)
                let split = try ScoredCohort.run(stored.cohort, warnings: [], passes: runner)
                let comment: Comment = "seed \(seed), \(parts) parts"
                #expect(split.scores is StreamedScores, comment)
                #expect(split.allowedPairs == streamed.allowedPairs, comment)
                #expect(split.strandedMentees == streamed.strandedMentees, comment)
                #expect(split.largestScore == streamed.largestScore, comment)
                for mentee in 0..<stored.cohort.mentees.count {
                    #expect(split.digest.mentors(of: mentee) == streamed.digest.mentors(of: mentee), comment)
                    #expect(split.digest.leftOutBound[mentee] == streamed.digest.leftOutBound[mentee], comment)
                }
                for mentor in 0..<stored.cohort.mentors.count {
                    #expect(split.digest.mentees(of: mentor) == streamed.digest.mentees(of: mentor), comment)
                }
                let round = await MatchingRound.run(split)
                #expect(round.pairs == alone.pairs, comment)
                #expect(round.unmatched == alone.unmatched, comment)
                #expect(round.blockingPairs == alone.blockingPairs, comment)
                #expect(round.certificate.isOptimal, comment)
                #expect(round.certificate.primalObjective == alone.certificate.primalObjective, comment)
                #expect(runner.jobs.first == "scoring every pair", comment)
                pricingPasses += runner.jobs.count - 1
            }
        }
        #expect(pricingPasses > 0, "pricing read rows through the parts too")
    }

    @Test("Passes run as parts on three threads, each scoring its own rows, give what one reader gives")
    func threadedPassesAgree() async throws {
        for seed in UInt64(70)..<74 {
            let stored = try Fixtures.generated(mentees: 120, mentors: 50, topics: 15, seed: seed) {
                Fixtures.varyRound(&$0, seed: seed)
            }
            let streamed = try ScoringModel(cohort: stored.cohort).streamedScores()
            var rowsAgree = true
            streamed.forEachRow { row in
                streamed.onCallingThread.withRow(row.mentee) { other in
                    for mentor in 0..<row.mentors where row.score(mentor: mentor) != other.score(mentor: mentor) {
                        rowsAgree = false
                    }
                }
            }
            #expect(rowsAgree, "seed \(seed): a block scored on the calling thread holds the same scores")
            let one = try ScoredCohort.run(
                stored.cohort, warnings: [], passes: PartsThroughBytes(stored.cohort, parts: 1))
            let threaded = try ScoredCohort.run(
                stored.cohort, warnings: [], passes: _ThreadedPasses(scores: streamed.onCallingThread, threads: 3))
            for mentee in 0..<stored.cohort.mentees.count {
                #expect(threaded.digest.mentors(of: mentee) == one.digest.mentors(of: mentee), "seed \(seed)")
            }
            for mentor in 0..<stored.cohort.mentors.count {
                #expect(threaded.digest.mentees(of: mentor) == one.digest.mentees(of: mentor), "seed \(seed)")
            }
            let (alone, split) = (await MatchingRound.run(one), await MatchingRound.run(threaded))
            #expect(split.pairs == alone.pairs, "seed \(seed)")
            #expect(split.certificate.isOptimal, "seed \(seed)")
            #expect(split.certificate.primalObjective == alone.certificate.primalObjective, "seed \(seed)")
        }
    }

    /// Runs scoring's parts one after another in `order`, each starting from
    /// the mentors' keys of the parts done before it, as the threads of
    /// ``_ThreadedPasses`` do in whatever order they finish.
    final class SeededParts: RowPassRunner, @unchecked Sendable {
        let scores: any ScoreSource
        let order: [Int]
        private(set) var bounds: _MentorKeyBounds?
        /// Each scoring part's size, and its size when run from no keys.
        private(set) var partBytes: [Int] = []
        private(set) var unseededBytes: [Int] = []

        init(_ cohort: Cohort, order: [Int]) throws {
            scores = try ScoringModel(cohort: cohort).streamedScores()
            self.order = order
        }

        func run(_ job: RowPassJob) -> [[UInt8]] {
            let bounds = job.isScoring ? _MentorKeyBounds(mentors: job.mentors) : nil
            if job.isScoring { self.bounds = bounds }
            var parts = [[UInt8]](repeating: [], count: order.count)
            for index in order {
                parts[index] = try! job.part(index, of: order.count, scores: scores, keyBounds: bounds)
            }
            if job.isScoring {
                partBytes = parts.map(\.count)
                unseededBytes = (0..<order.count).map { try! job.part($0, of: order.count, scores: scores).count }
            }
            return parts
        }
    }

    @Test("Scoring's parts that start from other parts' mentor keys, in any order, merge to one pass's digest")
    func seededPartsAgree() async throws {
        for seed in UInt64(80)..<83 {
            let stored = try Fixtures.generated(mentees: 240, mentors: 10, topics: 15, seed: seed) {
                Fixtures.varyRound(&$0, seed: seed)
            }
            let one = try ScoredCohort.run(
                stored.cohort, warnings: [], passes: PartsThroughBytes(stored.cohort, parts: 1))
            let alone = await MatchingRound.run(one)
            for order in [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [3, 0, 5, 1, 4, 2]] {
                let comment: Comment = "seed \(seed), parts in the order \(order)"
                let runner = try SeededParts(stored.cohort, order: order)
                let seeded = try ScoredCohort.run(stored.cohort, warnings: [], passes: runner)
                for mentee in 0..<stored.cohort.mentees.count {
                    #expect(seeded.digest.mentors(of: mentee) == one.digest.mentors(of: mentee), comment)
                    #expect(seeded.digest.leftOutBound[mentee] == one.digest.leftOutBound[mentee], comment)
                }
                for mentor in 0..<stored.cohort.mentors.count {
                    #expect(seeded.digest.mentees(of: mentor) == one.digest.mentees(of: mentor), comment)
                }
                // The keys were taken up, and the parts after the first refused entries for them.
                #expect(runner.bounds?.current.contains { $0 > .min } == true, comment)
                #expect(runner.partBytes[order[0]] == runner.unseededBytes[order[0]], comment)
                #expect(zip(runner.partBytes, runner.unseededBytes).allSatisfy { $0 <= $1 }, comment)
                #expect(zip(runner.partBytes, runner.unseededBytes).contains { $0 < $1 }, comment)
                let split = await MatchingRound.run(seeded)
                #expect(split.pairs == alone.pairs, comment)
                #expect(split.certificate.isOptimal, comment)
            }
        }
    }

    @Test("A job's bytes cut short, altered or of another cohort are refused, never trusted")
    func malformedJobs() throws {
        let check = try Fixtures.generated(mentees: 30, mentors: 12, topics: 8, seed: 3) { _ in }
        let runner = try PartsThroughBytes(check.cohort, parts: 2)
        /// Keeps the first job it is given.
        final class FirstJob: RowPassRunner, @unchecked Sendable {
            let inner: PartsThroughBytes
            var job: RowPassJob?
            init(_ inner: PartsThroughBytes) { self.inner = inner }
            func run(_ job: RowPassJob) -> [[UInt8]] {
                if self.job == nil { self.job = job }
                return inner.run(job)
            }
        }
        let first = FirstJob(runner)
        _ = try ScoredCohort.run(check.cohort, warnings: [], passes: first)
        let job = try #require(first.job)
        for cut in [0, 3, 4, 10, job.bytes.count / 2, job.bytes.count - 1] {
            #expect(throws: RowPassError.self) { try RowPassJob(bytes: Array(job.bytes.prefix(cut))) }
        }
        #expect(throws: RowPassError.self) { try RowPassJob(bytes: job.bytes + [0]) }
        var random = SeededGenerator(seed: 5)
        for _ in 0..<300 {
            var bytes = job.bytes
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            // Either refused or a job whose parts run on the cohort (or refuse it), never a crash.
            guard let altered = try? RowPassJob(bytes: bytes) else { continue }
            _ = try? altered.part(0, of: 2, scores: runner.scores)
        }
        let other = try Fixtures.generated(mentees: 31, mentors: 12, topics: 8, seed: 3) { _ in }
        let otherScores = try ScoringModel(cohort: other.cohort).streamedScores()
        #expect(throws: RowPassError.otherCohort(mentees: 30, mentors: 12)) {
            try job.part(0, of: 2, scores: otherScores)
        }
    }

    @Test("Scoring's parts merged out of order are refused")
    func partsOutOfOrder() throws {
        let check = try Fixtures.generated(mentees: 30, mentors: 12, topics: 8, seed: 4) { _ in }
        let scores = try ScoringModel(cohort: check.cohort).streamedScores()
        let places = check.cohort.mentors.map(\.capacity)
        func part(_ block: Range<Int>) -> [UInt8] {
            var pass = _ScoringPass(places: places, minimum: nil)
            scores.forEachRow(of: Array(block)) { pass.add($0) }
            return pass.part()
        }
        var inOrder = _ScoringPass(places: places, minimum: nil)
        try inOrder.merge(part: part(0..<10))
        try inOrder.merge(part: part(10..<30))
        #expect(inOrder.rows == 30)
        var swapped = _ScoringPass(places: places, minimum: nil)
        #expect(throws: RowPassError.malformed("starts at mentee 10, not 0: the parts are out of order")) {
            try swapped.merge(part: part(10..<30))
        }
    }

    @Test(
        "Best-entry lists keep the highest keys whatever order they are offered in, ties to the smaller item, with their scores"
    )
    func bestEntriesIgnoreOrder() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let capacity = Int.random(in: 1...40, using: &random)
            let offers = (0..<Int.random(in: 0...120, using: &random)).map { item in
                (key: Int64.random(in: 0...9, using: &random), item: item)
            }
            func kept(_ order: [(key: Int64, item: Int)]) -> [Int32] {
                var best = _BestEntries(capacity: capacity)
                for offer in order { best.offer(offer.key, offer.item, score: Int32(offer.key)) }
                #expect(best.entries.allSatisfy { Int64($0.score) == offers[Int($0.item)].key })
                #expect(best.threshold == (best.entries.count < capacity ? .min : best.entries.map(\.key).min()!))
                return best.entries.map(\.item).sorted()
            }
            let expected = offers.sorted { ($0.key, -$0.item) > ($1.key, -$1.item) }.prefix(capacity).map {
                Int32($0.item)
            }
            #expect(kept(offers) == expected.sorted())
            #expect(kept(offers.shuffled(using: &random)) == expected.sorted())
        }
    }

    @Test("A table of best-entry lists keeps in each list what that list alone keeps, offers to its lists interleaved")
    func bestEntriesTableKeepsEachList() {
        var random = SeededGenerator(seed: 12)
        for _ in 0..<300 {
            let capacities = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                Int.random(in: 0...12, using: &random)
            }
            let offers = (0..<Int.random(in: 0...200, using: &random)).map { item in
                (
                    list: Int.random(in: 0..<capacities.count, using: &random),
                    key: Int64.random(in: -5...5, using: &random), item: item
                )
            }
            var table = _BestEntriesTable(capacities: capacities)
            for offer in offers.shuffled(using: &random) {
                table.offer(offer.list, offer.key, offer.item, score: Int32(offer.item))
            }
            for (list, capacity) in capacities.enumerated() {
                let mine = offers.filter { $0.list == list }
                let expected = mine.sorted { ($0.key, -$0.item) > ($1.key, -$1.item) }.prefix(max(1, capacity))
                #expect(table.capacity(list) == max(1, capacity))
                #expect(table.entries(list).map(\.item).sorted() == expected.map { Int32($0.item) }.sorted())
                #expect(
                    table.entries(list).allSatisfy {
                        Int($0.score) == Int($0.item) && offers[Int($0.item)].list == list
                    })
                #expect(
                    table.threshold(list) == (mine.count < max(1, capacity) ? .min : expected.map(\.key).min()!))
            }
        }
    }
}
