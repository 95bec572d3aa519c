/// What scoring's one pass over every pair keeps so that a round need not
/// read every pair again: each mentee's best eligible mentors, each mentor's
/// best eligible mentees, and for each mentee a bound on the score of every
/// eligible mentor left off their list.
///
/// A round's solve starts from these lists (`_EligiblePairs`), and a row
/// whose potential already covers its bound holds no pair that could improve
/// the answer: pricing, the certificate and the answer's ranks read only the
/// rows it does not cover. "Eligible" here is what the cohort's own policy
/// allows: the mentor has places and the score is at or above the minimum
/// score; a round with other places or a lower cutoff asks
/// ``isValid(places:cutoff:)`` before trusting it.
struct _ScoreDigest: Sendable {
    /// Each mentee's best mentors in the lists (a round's first candidates
    /// are the best ``_EligiblePairs/menteeCandidates`` of them).
    static let perMentee = 30
    /// Each mentor's best mentees, this many per place.
    static let perPlace = _EligiblePairs.mentorCandidatesPerPlace

    /// Each mentee's listed mentors in increasing order and their scores:
    /// `mentors[start[i]..<start[i + 1]]`.
    private let menteeStart: [Int]
    private let listedMentors: [Int32]
    private let listedScores: [Int32]
    /// The score no eligible mentor left off the mentee's list exceeds (the
    /// lowest listed score when the list is full), or `Int64.min` when
    /// every eligible mentor is listed.
    let leftOutBound: [Int64]
    /// The best allowed score of a mentor without places, by mentee
    /// (`Int64.min` when none): what a mentee's ranks count besides the
    /// eligible mentors.
    let placelessBest: [Int64]
    /// Each mentor's listed mentees and their scores, the same way.
    private let mentorStart: [Int]
    private let listedMentees: [Int32]
    private let listedMenteeScores: [Int32]
    /// The eligibility the lists assumed: which mentors had places, and the minimum score.
    private let hadPlaces: [Bool]
    private let minimum: Int64?

    /// Whether the lists and bounds hold for a round with these places and
    /// this lowest eligible score: no mentor without places then has places
    /// now, and the cutoff is no lower.
    func isValid(places: [Int], cutoff: Int64?) -> Bool {
        guard places.count == hadPlaces.count else { return false }
        if let minimum, (cutoff ?? .min) < minimum { return false }
        return zip(places, hadPlaces).allSatisfy { $0 == 0 || $1 }
    }

    /// The mentee's listed mentors and scores.
    func mentors(of mentee: Int) -> (mentors: ArraySlice<Int32>, scores: ArraySlice<Int32>) {
        let range = menteeStart[mentee]..<menteeStart[mentee + 1]
        return (listedMentors[range], listedScores[range])
    }

    /// The mentor's listed mentees and scores.
    func mentees(of mentor: Int) -> (mentees: ArraySlice<Int32>, scores: ArraySlice<Int32>) {
        let range = mentorStart[mentor]..<mentorStart[mentor + 1]
        return (listedMentees[range], listedMenteeScores[range])
    }

    /// Builds the digest row by row, in mentee order.
    struct Builder {
        private let places: [Int]
        private let lowest: Int64
        private let placeless: [Int]
        /// Whether each mentor has places: one byte a mentor where `places`
        /// takes eight (see `mentorFloor`).
        private let hasPlaces: [Bool]
        private var best = _BestEntries(capacity: _ScoreDigest.perMentee)
        private var mentorBest: _BestEntriesTable
        /// Each mentor's key from other parts of the pass, less one: below
        /// it no entry can end in the mentor's list (see ``seed(lowerBounds:)``);
        /// `Int64.min` when none.
        private var mentorSeed: [Int64]
        /// The lowest score each mentor's list takes (``floor(above:)`` of
        /// its threshold, or of its seed when that is higher): what the
        /// pair-by-pair loop and ``_chunkMayReach(_:_:_:largest:)`` compare
        /// with.
        ///
        /// The loop once compared each pair with its mentor's threshold,
        /// kept beside these floors as `Int64`, and looked at the mentor's
        /// places as `Int`: arrays of 8 bytes a mentor, too large to stay in
        /// cache beside a row, read for every pair of a chunk that passes the
        /// chunk test (most pass for the mentee's own list, a mentor's pair
        /// at a time). At 140,000 × 60,000 those loads' misses took more
        /// than a third of the digest's samples (`perf annotate`); this
        /// array is the one the chunk test has just read.
        private var mentorFloor: [Int32]
        private var menteeStart = [0]
        private var listedMentors: [Int32] = []
        private var listedScores: [Int32] = []
        private var leftOutBound: [Int64] = []
        private var placelessBest: [Int64] = []

        /// - Parameters:
        ///   - places: Each mentor's places under the cohort's policy.
        ///   - minimum: The policy's minimum score in units, if any.
        init(places: [Int], minimum: Int64?) {
            self.places = places
            lowest = minimum ?? Int64(Int32.min)
            placeless = places.indices.filter { places[$0] == 0 }
            hasPlaces = places.map { $0 > 0 }
            mentorBest = _BestEntriesTable(capacities: places.map { $0 * _ScoreDigest.perPlace })
            mentorSeed = [Int64](repeating: .min, count: places.count)
            mentorFloor = [Int32](repeating: .min, count: places.count)
        }

        /// Starts each mentor's list refusing keys below `lowerBounds` (one
        /// a mentor; `Int64.min` for none): the lowest key of the mentor's
        /// full list in other parts of the pass, which no list over more
        /// mentees ends below. A key at the bound is still offered, as it may
        /// win on its item. The merged lists are those of an unseeded pass,
        /// while a part offers its mentors far fewer entries (see
        /// ``_MentorKeyBounds``). Before any row.
        mutating func seed(lowerBounds: [Int64]) {
            precondition(rows == 0 && lowerBounds.count == mentorSeed.count, "seeds before any row, one a mentor")
            for (mentor, bound) in lowerBounds.enumerated() where bound > .min {
                mentorSeed[mentor] = bound - 1
                mentorFloor[mentor] = Self.floor(above: bound - 1)
            }
        }

        /// Each mentor's lowest kept key when their list is full, else
        /// `Int64.min`: what ``seed(lowerBounds:)`` takes in other parts.
        var fullListKeys: [Int64] { (0..<mentorBest.lists).map(mentorBest.threshold) }

        /// The lowest `Int32` score above `threshold`: a score is above the
        /// threshold exactly when it is at or above this floor. At a
        /// threshold of `Int32.max` or more it is `Int32.max`, which a score
        /// of `Int32.max` passes, and the list then refuses that score as it
        /// refuses any equal key offered after its own.
        @inline(__always)
        static func floor(above threshold: Int64) -> Int32 {
            Int32(clamping: threshold == .max ? threshold : threshold + 1)
        }

        /// Offers the row's eligible pairs to the mentee's list and to each
        /// mentor's. The keys are the scores; ties keep the pair offered
        /// first. Most pairs lose on both sides and are refused a chunk at a
        /// time (``_chunkMayReach(_:_:_:largest:)``) or by two comparisons, before
        /// their eligibility is looked at (each mentor's floor in a flat
        /// array: asking each mentor's list instead took 45 ms a pass on the
        /// 3,400-mentee round).
        ///
        /// - Returns: The row's largest score magnitude, found on the same
        ///   sweep.
        mutating func add(_ row: ScoreRow) -> UInt32 {
            best.removeAll()
            var menteeFloor = Int32.min, largest: UInt32 = 0
            let lowest = lowest, count = row.mentors
            mentorFloor.withUnsafeMutableBufferPointer { mentorFloor in
                var start = 0
                while start < count {
                    let end = min(count, start + _scoreChunk)
                    defer { start = end }
                    if end - start == _scoreChunk {
                        if !_chunkMayReach(
                            row.scores + start, menteeFloor, mentorFloor.baseAddress! + start, largest: &largest)
                        {
                            continue
                        }
                    } else {
                        for mentor in start..<end { largest = max(largest, row[mentor].magnitude) }
                    }
                    for mentor in start..<end {
                        let score = row[mentor]
                        let menteeWants = score >= menteeFloor, mentorWants = score >= mentorFloor[mentor]
                        guard menteeWants || mentorWants, Int64(score) >= lowest, hasPlaces[mentor],
                            !row.isForbidden(mentor)
                        else { continue }
                        if menteeWants {
                            best.offer(Int64(score), mentor, score: score)
                            menteeFloor = Self.floor(above: best.threshold)
                        }
                        if mentorWants {
                            mentorBest.offer(mentor, Int64(score), row.mentee, score: score)
                            mentorFloor[mentor] = Self.floor(
                                above: max(mentorBest.threshold(mentor), mentorSeed[mentor]))
                        }
                    }
                }
            }
            // A full list may have left eligible mentors off, none above its lowest score.
            leftOutBound.append(best.threshold)
            var placelessScore = Int64.min
            for mentor in placeless where !row.isForbidden(mentor) {
                placelessScore = max(placelessScore, Int64(row[mentor]))
            }
            placelessBest.append(placelessScore)
            for entry in best.entries.sorted(by: { $0.item < $1.item }) {
                listedMentors.append(entry.item)
                listedScores.append(entry.score)
            }
            menteeStart.append(listedMentors.count)
            return largest
        }

        /// How many rows were added.
        var rows: Int { leftOutBound.count }

        /// The digest of every row added, which must be every mentee in order.
        func finish(minimum: Int64?) -> _ScoreDigest {
            var mentorStart = [0], mentees: [Int32] = [], scores: [Int32] = []
            for mentor in 0..<mentorBest.lists {
                for entry in mentorBest.entries(mentor).sorted(by: { $0.item < $1.item }) {
                    mentees.append(entry.item)
                    scores.append(entry.score)
                }
                mentorStart.append(mentees.count)
            }
            return _ScoreDigest(
                menteeStart: menteeStart, listedMentors: listedMentors, listedScores: listedScores,
                leftOutBound: leftOutBound, placelessBest: placelessBest, mentorStart: mentorStart,
                listedMentees: mentees, listedMenteeScores: scores, hadPlaces: places.map { $0 > 0 },
                minimum: minimum)
        }
    }
}

extension _ScoreDigest.Builder {
    /// The rows added so far, and each mentor's best entries among them, for
    /// a part of a pass split into blocks of mentees (``_ScoringPass``).
    func write(to writer: inout _PassBytesWriter) {
        writer.append(array: menteeStart.map(Int64.init))
        writer.append(array: listedMentors)
        writer.append(array: listedScores)
        writer.append(array: leftOutBound)
        writer.append(array: placelessBest)
        writer.append(Int64(mentorBest.lists))
        for mentor in 0..<mentorBest.lists {
            let entries = mentorBest.entries(mentor)
            writer.append(array: entries.map(\.item))
            writer.append(array: entries.map(\.score))
            writer.append(array: entries.map(\.key))
        }
    }

    /// Adds the rows of a part written by ``write(to:)``, which must follow
    /// the rows added so far, and offers its mentors' entries to theirs.
    mutating func merge(from reader: inout _PassBytesReader) throws(RowPassError) {
        let starts = try reader.readArray(Int64.self)
        let mentors = try reader.readArray(Int32.self), scores = try reader.readArray(Int32.self)
        let bounds = try reader.readArray(Int64.self), placeless = try reader.readArray(Int64.self)
        guard starts.first == 0, starts.last == Int64(mentors.count), scores.count == mentors.count,
            bounds.count == starts.count - 1, placeless.count == bounds.count,
            zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
            mentors.allSatisfy({ $0 >= 0 && Int($0) < places.count })
        else { throw .malformed("holds inconsistent mentee lists") }
        let base = listedMentors.count
        menteeStart += starts.dropFirst().map { base + Int($0) }
        listedMentors += mentors
        listedScores += scores
        leftOutBound += bounds
        placelessBest += placeless
        guard try reader.read(Int64.self) == Int64(mentorBest.lists) else {
            throw .malformed("was made for another number of mentors")
        }
        for mentor in 0..<mentorBest.lists {
            let mentees = try reader.readArray(Int32.self), scores = try reader.readArray(Int32.self)
            let keys = try reader.readArray(Int64.self)
            guard scores.count == mentees.count, keys.count == mentees.count else {
                throw .malformed("holds inconsistent mentor lists")
            }
            for index in mentees.indices {
                mentorBest.offer(mentor, keys[index], Int(mentees[index]), score: scores[index])
            }
            mentorFloor[mentor] = Self.floor(above: mentorBest.threshold(mentor))
        }
    }
}
