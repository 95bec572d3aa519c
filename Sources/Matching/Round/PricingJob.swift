/// One pricing pass's reading of rows (``_RowPricer``), with everything it
/// needs: each mentor's slack, the value's terms, and each row's potential,
/// kept proposal and candidate mentors. The round runs it over every row it
/// must read, or sends it (``RowPassJob``) to be run over blocks of mentees
/// elsewhere; either way the rows come back as ``_PricedRows``.
struct _PricingJob {
    let terms: _PricingTerms
    /// The rows to read, ascending, and each one's potential, kept mentor (−1: none) and candidate mentors
    /// (`candidateMentors[candidateEnd[i − 1]..<candidateEnd[i]]`).
    let rows: [Int32]
    let potentials: [Int64]
    let kept: [Int32]
    let candidateEnd: [Int64]
    let candidateMentors: [Int32]
    /// Which rows are read against some mentors only (see ``_PartialRows``).
    var partial = _PartialRows()

    /// Reads the listed rows that fall in `block` (all of them by default),
    /// the rows of each subset of mentors in one pass, and gives them back
    /// in row order.
    func price(_ scores: any ScoreSource, block: Range<Int>? = nil) -> _PricedRows {
        let block = block ?? 0..<scores.mentees
        let first = rows.firstIndex { Int($0) >= block.lowerBound } ?? rows.count
        let end = rows.firstIndex { Int($0) >= block.upperBound } ?? rows.count
        var pricer = _RowPricer(terms)
        var groups: [Int32: [Int]] = [:]
        for index in first..<end { groups[partial.subset(ofRow: index), default: []].append(index) }
        let read = groups.keys.sorted().map { subset in
            let indices = groups[subset]!
            var priced = _PricedRows()
            var position = 0
            func price(_ row: ScoreRow, partialRow: _PartialRow?) {
                let index = indices[position]
                let candidates = index == 0 ? 0 : Int(candidateEnd[index - 1])
                pricer.read(
                    row, potential: potentials[index], kept: Int(kept[index]),
                    candidates: candidateMentors[candidates..<Int(candidateEnd[index])].lazy.map(Int.init),
                    partial: partialRow)
                priced.append(row: row.mentee, pricer)
                position += 1
            }
            let menteesOfGroup = indices.map { Int(rows[$0]) }
            if subset < 0 {
                pricer.useColumns(nil)
                scores.forEachRow(of: menteesOfGroup) { price($0, partialRow: nil) }
            } else {
                let mentors = partial.subset(Int(subset), of: terms.slack.count)
                pricer.useColumns(mentors.mentors)
                scores.forEachRow(of: menteesOfGroup, against: mentors) { row in
                    price(row, partialRow: partial.row(indices[position], mentorOfColumn: mentors.mentors))
                }
            }
            return (indices, priced)
        }
        guard read.count > 1 else { return read.first?.1 ?? _PricedRows() }
        // Back in row order: each group's rows are ascending, so a merge.
        var merged = _PricedRows(), next = [Int](repeating: 0, count: read.count)
        for index in first..<end {
            let group = read.indices.first { next[$0] < read[$0].0.count && read[$0].0[next[$0]] == index }!
            merged.append(read[group].1, entry: next[group])
            next[group] += 1
        }
        return merged
    }

    func write(to writer: inout _PassBytesWriter) {
        terms.write(to: &writer)
        writer.append(array: rows)
        writer.append(array: potentials)
        writer.append(array: kept)
        writer.append(array: candidateEnd)
        writer.append(array: candidateMentors)
        partial.write(to: &writer)
    }
}

extension _PricingJob {
    /// Reads what ``write(to:)`` wrote for a cohort of `mentees` × `mentors`.
    init(from reader: inout _PassBytesReader, mentees: Int, mentors: Int) throws(RowPassError) {
        let terms = try _PricingTerms(from: &reader, mentors: mentors)
        let rows: [Int32] = try reader.readArray(), potentials: [Int64] = try reader.readArray()
        let kept: [Int32] = try reader.readArray(), candidateEnd: [Int64] = try reader.readArray()
        let candidateMentors: [Int32] = try reader.readArray()
        guard potentials.count == rows.count, kept.count == rows.count, candidateEnd.count == rows.count,
            zip(rows, rows.dropFirst()).allSatisfy({ $0 < $1 }), rows.allSatisfy({ (0..<mentees).contains(Int($0)) }),
            kept.allSatisfy({ (-1..<mentors).contains(Int($0)) }),
            zip([0] + candidateEnd, candidateEnd).allSatisfy({ $0 <= $1 }),
            candidateEnd.last.map({ $0 == Int64(candidateMentors.count) }) ?? candidateMentors.isEmpty,
            candidateMentors.allSatisfy({ (0..<mentors).contains(Int($0)) })
        else { throw .malformed("holds an inconsistent pricing job") }
        self.init(
            terms: terms, rows: rows, potentials: potentials, kept: kept, candidateEnd: candidateEnd,
            candidateMentors: candidateMentors,
            partial: try _PartialRows(from: &reader, rows: rows.count, mentors: mentors))
    }
}

/// Rows pricing read: each one's improving pairs and runners-up (mentor and
/// score, in the order ``_RowPricer`` kept them) and the bound on the rest.
struct _PricedRows {
    private(set) var rows: [Int32] = []
    private(set) var bounds: [Int64] = []
    private var improvingEnd: [Int32] = [], improvingMentors: [Int32] = [], improvingScores: [Int32] = []
    private var runnerEnd: [Int32] = [], runnerMentors: [Int32] = [], runnerScores: [Int32] = []

    init() {}

    mutating func append(row: Int, _ pricer: _RowPricer) {
        append(
            row: Int32(row), bound: pricer.bound, improving: pricer.improving.lazy.map { ($0.item, $0.score) },
            runners: pricer.runners.lazy.map { ($0.item, $0.score) })
    }

    /// Appends `other`'s `entry`-th row.
    mutating func append(_ other: _PricedRows, entry: Int) {
        let improving = other.improving(entry), runners = other.runners(entry)
        append(
            row: other.rows[entry], bound: other.bounds[entry], improving: zip(improving.mentors, improving.scores),
            runners: zip(runners.mentors, runners.scores))
    }

    private mutating func append(
        row: Int32, bound: Int64, improving: some Sequence<(Int32, Int32)>, runners: some Sequence<(Int32, Int32)>
    ) {
        rows.append(row)
        bounds.append(bound)
        for (mentor, score) in improving {
            improvingMentors.append(mentor)
            improvingScores.append(score)
        }
        improvingEnd.append(Int32(improvingMentors.count))
        for (mentor, score) in runners {
            runnerMentors.append(mentor)
            runnerScores.append(score)
        }
        runnerEnd.append(Int32(runnerMentors.count))
    }

    /// The `index`-th row's improving pairs: mentors and scores.
    func improving(_ index: Int) -> (mentors: ArraySlice<Int32>, scores: ArraySlice<Int32>) {
        Self.row(index, ends: improvingEnd, improvingMentors, improvingScores)
    }

    /// The `index`-th row's runners-up: mentors and scores.
    func runners(_ index: Int) -> (mentors: ArraySlice<Int32>, scores: ArraySlice<Int32>) {
        Self.row(index, ends: runnerEnd, runnerMentors, runnerScores)
    }

    /// Row `index`'s slice of lists stored one row after another, each row ending at `ends[index]`.
    private static func row(
        _ index: Int, ends: [Int32], _ mentors: [Int32], _ scores: [Int32]
    ) -> (mentors: ArraySlice<Int32>, scores: ArraySlice<Int32>) {
        let range = (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
        return (mentors[range], scores[range])
    }

    func write(to writer: inout _PassBytesWriter) {
        writer.append(array: rows)
        writer.append(array: bounds)
        for array in [improvingEnd, improvingMentors, improvingScores, runnerEnd, runnerMentors, runnerScores] {
            writer.append(array: array)
        }
    }

    /// Reads what ``write(to:)`` wrote, for a cohort with `mentors` mentors
    /// and at most `runnersUp` runners-up and `limit` improving pairs a row.
    init(from reader: inout _PassBytesReader, mentors: Int, limit: Int) throws(RowPassError) {
        rows = try reader.readArray()
        bounds = try reader.readArray()
        improvingEnd = try reader.readArray()
        improvingMentors = try reader.readArray()
        improvingScores = try reader.readArray()
        runnerEnd = try reader.readArray()
        runnerMentors = try reader.readArray()
        runnerScores = try reader.readArray()
        func consistent(_ ends: [Int32], _ mentorsOfRows: [Int32], _ scores: [Int32], most: Int) -> Bool {
            ends.count == rows.count && scores.count == mentorsOfRows.count
                && zip([0] + ends, ends).allSatisfy({ $0 <= $1 && $1 - $0 <= most })
                && (ends.last.map { Int($0) == mentorsOfRows.count } ?? mentorsOfRows.isEmpty)
                && mentorsOfRows.allSatisfy { (0..<mentors).contains(Int($0)) }
        }
        guard bounds.count == rows.count,
            consistent(improvingEnd, improvingMentors, improvingScores, most: limit),
            consistent(runnerEnd, runnerMentors, runnerScores, most: _PricingMemory.runnersUp)
        else { throw .malformed("holds inconsistent priced rows") }
    }
}
