/// The stability audit: allowed pairs (i, j), eligible and not proposed,
/// where mentee i is unmatched or scores j above their mentor, and mentor j
/// has a free place or scores i above one of their mentees. Scores are each
/// side's preferences; one streaming pass over the scores.
enum _StabilityAudit {
    /// How many pairs block the answer.
    ///
    /// - Parameters:
    ///   - pairs: (mentee, mentor, units) of every proposed pair.
    ///   - places: each mentor's places.
    ///   - minimumUnits: pairs below it are not eligible.
    static func blockingPairs(
        _ scores: any ScoreSource, pairs: [(mentee: Int, mentor: Int, units: Int32)],
        places: [Int], minimumUnits: Int64?
    ) -> Int {
        var mentorOf = [Int?](repeating: nil, count: scores.mentees)
        var scoreOf = [Int32](repeating: 0, count: scores.mentees)
        var load = [Int](repeating: 0, count: scores.mentors)
        var weakest = [Int32](repeating: .max, count: scores.mentors)
        for pair in pairs {
            mentorOf[pair.mentee] = pair.mentor
            scoreOf[pair.mentee] = pair.units
            load[pair.mentor] += 1
            weakest[pair.mentor] = min(weakest[pair.mentor], pair.units)
        }
        // A mentor wants any eligible pair scoring above this (their weakest
        // mentee, or below every score when a place is free; never without places).
        let mentorBar: [Int64] = places.indices.map { mentor in
            places[mentor] == 0 ? .max : load[mentor] < places[mentor] ? .min : Int64(weakest[mentor])
        }
        let lowest = minimumUnits ?? .min
        var count = 0
        scores.forEachRow { row in
            // An unmatched mentee wants every eligible mentor.
            let menteeBar = mentorOf[row.mentee] == nil ? Int64.min : Int64(scoreOf[row.mentee])
            for mentor in 0..<row.mentors {
                let units = Int64(row[mentor])
                guard units > menteeBar, units > mentorBar[mentor], units >= lowest,
                    !row.isForbidden(mentor), mentor != mentorOf[row.mentee]
                else { continue }
                count += 1
            }
        }
        return count
    }
}
