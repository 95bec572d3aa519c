import _TandemUtilities

/// Some of a cohort's mentors, in ascending order, as the columns of a pass
/// that scores rows against them alone (``ScoreSource/forEachBlock(of:mentors:_:)``):
/// column `c` is mentor `mentors[c]`.
///
/// Pricing's later passes need a row's pairs only with the mentors whose
/// slack fell enough since the row was last read (``_EligiblePairs/improvingPairs(duals:limit:candidates:)``);
/// scoring those alone costs their share of the row.
struct _MentorSubset: Sendable {
    /// The mentors, ascending, without repeats.
    let mentors: [Int32]
    /// Each of the cohort's mentors' column, or −1 when not in the subset.
    let columnOf: [Int32]

    /// - Parameters:
    ///   - mentors: Ascending, without repeats, each below `total`.
    ///   - total: The cohort's mentors.
    init(_ mentors: [Int32], of total: Int) {
        self.mentors = mentors
        var columnOf = [Int32](repeating: -1, count: total)
        for (column, mentor) in mentors.enumerated() { columnOf[Int(mentor)] = Int32(column) }
        self.columnOf = columnOf
    }

    var count: Int { mentors.count }

    /// The subset's entries of a per-mentor array.
    func gather<Element>(_ values: [Element]) -> [Element] { mentors.map { values[Int($0)] } }

    /// The subset's entries of a per-mentor array of `width` values a mentor.
    func gather<Element>(_ values: [Element], width: Int) -> [Element] {
        var gathered: [Element] = []
        gathered.reserveCapacity(mentors.count * width)
        for mentor in mentors { gathered += values[Int(mentor) * width..<(Int(mentor) + 1) * width] }
        return gathered
    }
}

extension _PersonKeys {
    /// The keys of the subset's mentors, in its order.
    func gathered(_ subset: _MentorSubset) -> _PersonKeys {
        _PersonKeys(
            region: subset.gather(region), organisation: subset.gather(organisation), level: subset.gather(level),
            meeting: subset.gather(meeting), languages: subset.gather(languages, width: languageWords),
            languageWords: languageWords)
    }
}

extension _CriterionTerms {
    /// The criteria with each mentor-side key of the subset's mentors only,
    /// in its order. A preference's named mentors stay numbered as in the
    /// cohort (the row pass maps them to columns, and a mentee who named
    /// only others still named someone).
    func gathered(_ subset: _MentorSubset) -> _CriterionTerms {
        var gathered = self
        for index in gathered.terms.indices {
            var term = gathered.terms[index]
            term.mentorActive = subset.gather(term.mentorActive)
            if !term.mentorCategory.isEmpty { term.mentorCategory = subset.gather(term.mentorCategory) }
            if !term.mentorBits.isEmpty { term.mentorBits = subset.gather(term.mentorBits, width: term.words) }
            if !term.mentorNumber.isEmpty { term.mentorNumber = subset.gather(term.mentorNumber) }
            if !term.mentorNamedAnyone.isEmpty { term.mentorNamedAnyone = subset.gather(term.mentorNamedAnyone) }
            gathered.terms[index] = term
        }
        return gathered
    }
}

extension ScoreSource {
    /// Calls `body` with the rows of the listed mentees (ascending, without
    /// repeats) against the subset's mentors alone, in order: a row's
    /// column `c` is mentor `subset.mentors[c]`. Streamed scores compute
    /// only those columns; stored ones are copied out of their rows. Each
    /// block read is reported to the task's `ProgressReporter`.
    func forEachRow(of mentees: [Int], against subset: _MentorSubset, _ body: (ScoreRow) -> Void) {
        if let streamed = self as? StreamedScores {
            streamed.forEachBlock(of: mentees, against: subset) { block in
                for offset in 0..<block.count { body(block.row(offset)) }
                ProgressReporter.advance(by: block.count)
            }
            return
        }
        let columns = subset.count
        var scores = [Int32](repeating: 0, count: max(1, columns))
        var words = [UInt64](repeating: 0, count: max(1, (columns + 63) / 64))
        forEachRow(of: mentees) { row in
            scores.withUnsafeMutableBufferPointer { scores in
                words.withUnsafeMutableBufferPointer { words in
                    words.update(repeating: 0)
                    for (column, mentor) in subset.mentors.enumerated() {
                        scores[column] = row[Int(mentor)]
                        if row.isForbidden(Int(mentor)) { words[column >> 6] |= 1 << UInt64(column & 63) }
                    }
                    body(
                        ScoreRow(
                            mentee: row.mentee, mentors: columns, scores: UnsafePointer(scores.baseAddress!),
                            forbidden: UnsafePointer(words.baseAddress!)))
                }
            }
        }
    }
}
