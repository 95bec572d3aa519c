/// Each proposed pair's score and the mentor's place in the mentee's own list
/// of eligible mentors (1 = their best; equal scores share a rank), in one
/// streaming pass over the scores.
enum _PairRanks {
    /// - Returns: For each mentee with a mentor, the pair's score and rank.
    static func compute(_ scores: any ScoreSource, mentorOfMentee: [Int?]) -> [Int: (units: Int32, rank: Int)] {
        var result: [Int: (units: Int32, rank: Int)] = [:]
        scores.forEachRow { row in
            guard let mentor = mentorOfMentee[row.mentee] else { return }
            let units = row[mentor]
            var better = 0
            for other in 0..<row.mentors where row[other] > units && !row.isForbidden(other) { better += 1 }
            result[row.mentee] = (units, better + 1)
        }
        return result
    }
}
