import Assignment

/// The round's whole assignment problem, read from the score matrix without
/// being stored again: one row per mentee and one column per mentor (or, with
/// a slot discount, per place), each eligible pair worth its score plus the
/// objective's offset, and every unmatched mentee or empty place worth 0.
///
/// The solver works on a few candidate pairs per mentee; this view is what
/// the candidates are priced against and what the optimality certificate
/// checks, so the answer is proven optimal over every eligible pair.
struct _EligiblePairs: AssignmentRowSource {
    typealias Cost = Int64

    let matrix: ScoreMatrix
    /// Each mentor's places this round.
    let places: [Int]
    /// The lowest score a pair may have (the minimum score and the fairness
    /// floor), if any.
    let cutoff: Int64?
    /// Added to every eligible score: the coverage bonus, or minus the quality
    /// objective's minimum score.
    let offset: Int64
    /// Units taken off a mentor's second place, twice that off the third, …
    let discount: Int64
    /// Whether columns are places (with a discount) rather than mentors.
    let placeColumns: Bool
    /// Mentor → the column of their first place, when columns are places.
    let firstPlace: [Int]
    /// Place (counting every mentor's places in mentor order) → mentor.
    let mentorOfPlace: [Int]

    init(matrix: ScoreMatrix, places: [Int], cutoff: Int64?, offset: Int64, discount: Int64) {
        self.matrix = matrix
        self.places = places
        self.cutoff = cutoff
        self.offset = offset
        self.discount = discount
        placeColumns = discount > 0
        var first = 0
        firstPlace = places.map { count in
            defer { first += count }
            return first
        }
        mentorOfPlace = places.indices.flatMap { Array(repeating: $0, count: places[$0]) }
    }

    /// The mentor a column stands for.
    func mentor(ofColumn column: Int) -> Int { placeColumns ? mentorOfPlace[column] : column }

    var rowCount: Int { matrix.mentees }
    var columnCount: Int { placeColumns ? mentorOfPlace.count : matrix.mentors }
    /// Each column's capacity: 1 per place, or the mentor's places.
    var capacities: [Int] { placeColumns ? Array(repeating: 1, count: columnCount) : places }

    /// Writes each mentor's worth for the mentee (its score plus the offset,
    /// before any discount) and whether the pair is eligible: allowed by the
    /// rules, at or above the cutoff, and the mentor has a place.
    func worths(mentee: Int, values: UnsafeMutableBufferPointer<Int64>, eligible: UnsafeMutableBufferPointer<Bool>) {
        withRow(mentee) { scores, bits, lowest in
            for mentor in 0..<matrix.mentors {
                let score = Int64(scores[mentor])
                values[mentor] = score &+ offset
                eligible[mentor] = !_isForbidden(bits, mentor) && score >= lowest && places[mentor] > 0
            }
        }
    }

    /// Offers the mentee's eligible mentors to `best`, and the mentee to each
    /// eligible mentor's `mentorBest`, valued by score.
    func offerEligible(mentee: Int, to best: inout _BestEntries, andToMentors mentorBest: inout [_BestEntries]) {
        withRow(mentee) { scores, bits, lowest in
            for mentor in 0..<matrix.mentors {
                let score = Int64(scores[mentor])
                // Most pairs lose to the kept ones on both sides: only winners
                // are checked for eligibility.
                let menteeWants = best.admits(score), mentorWants = mentorBest[mentor].admits(score)
                guard menteeWants || mentorWants, score >= lowest, places[mentor] > 0,
                      !_isForbidden(bits, mentor) else { continue }
                if menteeWants { best.offer(score, mentor) }
                if mentorWants { mentorBest[mentor].offer(score, mentee) }
            }
        }
    }

    /// Offers `best` each eligible mentor whose pair prices negative:
    /// `worth + rowDual − slack[mentor] > 0`, valued by that excess. A mentor
    /// without places has slack `Int64.max` and is never offered.
    func offerImproving(mentee: Int, rowDual: Int64, slack: UnsafeBufferPointer<Int64>, to best: inout _BestEntries) {
        withRow(mentee) { scores, bits, lowest in
            let base = offset &+ rowDual
            for mentor in 0..<matrix.mentors {
                let score = Int64(scores[mentor])
                // Slack is Int64.max for mentors without places, so the subtraction
                // saturates below 0 instead of overflowing: base and scores are small.
                let excess = (score &+ base) - min(slack[mentor], Int64.max / 2)
                guard excess > 0, score >= lowest, !_isForbidden(bits, mentor) else { continue }
                best.offer(excess, mentor)
            }
        }
    }

    /// The mentee's scores and forbidden bits, and the lowest eligible score.
    @inline(__always)
    private func withRow(_ mentee: Int, _ body: (UnsafePointer<Int32>, UnsafePointer<UInt64>, Int64) -> Void) {
        let lowest = cutoff ?? Int64(Int32.min)
        matrix.withRow(mentee) { scores, bits in body(scores, bits, lowest) }
    }

    func readRow(_ row: Int, values: UnsafeMutableBufferPointer<Int64>, allowed: UnsafeMutableBufferPointer<Bool>) {
        guard placeColumns else { return worths(mentee: row, values: values, eligible: allowed) }
        let mentors = matrix.mentors
        let worth = UnsafeMutableBufferPointer<Int64>.allocate(capacity: mentors)
        let eligible = UnsafeMutableBufferPointer<Bool>.allocate(capacity: mentors)
        defer {
            worth.deallocate()
            eligible.deallocate()
        }
        worths(mentee: row, values: worth, eligible: eligible)
        for mentor in 0..<mentors {
            for place in 0..<places[mentor] {
                values[firstPlace[mentor] + place] = worth[mentor] - Int64(place) * discount
                allowed[firstPlace[mentor] + place] = eligible[mentor]
            }
        }
    }
}
