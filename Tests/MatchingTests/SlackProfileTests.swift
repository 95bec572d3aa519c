import Testing
import _TandemUtilities

@testable import Matching

/// Pricing's bound on the pairs a row left out, from an earlier round's
/// slack and the digest's bound, against the same bound taken mentor by
/// mentor.
@Suite struct SlackProfileTests {
    @Test("The profile's best net equals the highest min(bound + k[m], W) − s[m] over mentors with places")
    func agreesWithEveryMentor() {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<400 {
            let mentors = Int.random(in: 0...25, using: &random)
            let earlier = (0..<mentors).map { _ in Int64.random(in: -40...40, using: &random) }
            let now = (0..<mentors).map { _ in Int64.random(in: -40...40, using: &random) }
            let places = (0..<mentors).map { _ in Bool.random(using: &random) }
            let profile = _SlackProfile(earlier: earlier, now: now) { places[$0] }
            for _ in 0..<10 {
                let bound = Int64.random(in: -60...60, using: &random)
                let valueBound = Int64.random(in: -60...60, using: &random)
                let expected = (0..<mentors).filter { places[$0] }.map {
                    min(bound + earlier[$0], valueBound) - now[$0]
                }
                .max()
                #expect(profile.highestNet(bound: bound, valueBound: valueBound) == expected)
            }
        }
    }

    @Test(
        "The rise ranking's prefix holds every mentor whose slack fell by more than the threshold, and bounds every mentor outside it"
    )
    func riseRanking() {
        var random = SeededGenerator(seed: 6)
        for _ in 0..<400 {
            let mentors = Int.random(in: 0...70, using: &random)
            let earlier = (0..<mentors).map { _ in Int64.random(in: -40...40, using: &random) }
            let now = (0..<mentors).map { _ in Int64.random(in: -40...40, using: &random) }
            let places = (0..<mentors).map { _ in Bool.random(using: &random) }
            let ranking = _RiseRanking(earlier: earlier, now: now) { places[$0] }
            let ranked = (0..<mentors).filter { places[$0] }
            #expect(ranking.order.map(Int.init).sorted() == ranked)
            for _ in 0..<10 {
                let threshold = Int64.random(in: -90...90, using: &random)
                let bound = Int64.random(in: -60...60, using: &random)
                let falling = ranked.filter { earlier[$0] - now[$0] > threshold }
                #expect(ranking.count(fallingBy: threshold) == falling.count)
                guard let prefix = ranking.prefix(holding: falling.count) else {
                    #expect(falling.count > ranked.count / 2)
                    continue
                }
                #expect(prefix >= falling.count && prefix <= max(falling.count * 2, ranked.count >> 5))
                let first = Set(ranking.order[..<prefix].map(Int.init))
                #expect(falling.allSatisfy(first.contains))
                let outside = ranked.filter { !first.contains($0) }
                #expect(outside.count == ranked.count - prefix)
                let expected = outside.map { bound + earlier[$0] - now[$0] }.max() ?? .min
                #expect(ranking.unreadBound(after: prefix, bound: bound) == expected)
            }
        }
    }
}
