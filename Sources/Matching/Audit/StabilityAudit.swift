/// The stability audit's test of one pair: it blocks the answer when it is
/// allowed, eligible and not proposed, mentee i is unmatched or scores j
/// above their mentor, and mentor j has a free place or scores i above one
/// of their mentees. Scores are each side's preferences; the caller offers
/// only allowed pairs the mentee prefers (every allowed pair of an
/// unmatched mentee).
struct _StabilityAudit: Sendable {
    /// Each mentee's mentor, or −1.
    private let mentorOfMentee: [Int32]
    /// The score a pair must beat to tempt each mentor: their weakest
    /// mentee's, below every score when a place is free, never without places.
    let mentorBar: [Int64]
    /// The lowest eligible score.
    private let lowest: Int64

    /// - Parameters:
    ///   - pairScores: Each matched mentee's pair score.
    ///   - load: How many mentees each mentor was given.
    init(mentorOfMentee: [Int?], pairScores: [Int32?], places: [Int], load: [Int], minimumUnits: Int64?) {
        self.mentorOfMentee = mentorOfMentee.map { Int32($0 ?? -1) }
        var weakest = [Int32](repeating: .max, count: places.count)
        for (mentee, mentor) in mentorOfMentee.enumerated() {
            guard let mentor, let units = pairScores[mentee] else { continue }
            weakest[mentor] = min(weakest[mentor], units)
        }
        mentorBar = places.indices.map { mentor in
            places[mentor] == 0 ? .max : load[mentor] < places[mentor] ? .min : Int64(weakest[mentor])
        }
        lowest = minimumUnits ?? .min
    }

    /// Whether the mentee's pair with the mentor, scoring `units`, blocks
    /// the answer (given the mentee prefers it).
    @inline(__always)
    func blocks(_ mentee: Int, _ mentor: Int, _ units: Int32) -> Bool {
        Int64(units) > mentorBar[mentor] && Int64(units) >= lowest && Int32(mentor) != mentorOfMentee[mentee]
    }
}
