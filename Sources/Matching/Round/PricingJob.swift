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
    /// Each row's pairs known before reading it (see
    /// ``_RowPricer/read(_:potential:kept:candidates:known:partial:)``).
    let known: _PairLists
    /// The most known pairs a row carries: its runners-up and its list in scoring's digest.
    static let mostKnown = _PricingMemory.runnersUp + _ScoreDigest.perMentee
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
                    known: known[index], partial: partialRow)
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
        known.write(to: &writer)
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
            known: try _PairLists(from: &reader, lists: rows.count, most: Self.mostKnown, mentors: mentors),
            partial: try _PartialRows(from: &reader, rows: rows.count, mentors: mentors))
    }
}

/// Rows pricing read: each one's improving pairs and runners-up (mentor and
/// score, in the order ``_RowPricer`` kept them) and the bound on the rest.
struct _PricedRows {
    private(set) var rows: [Int32] = []
    private(set) var bounds: [Int64] = []
    private var improvingPairs = _PairLists(), runnerPairs = _PairLists()

    init() {}

    mutating func append(row: Int, _ pricer: _RowPricer) {
        rows.append(Int32(row))
        bounds.append(pricer.bound)
        improvingPairs.append(pricer.improving.lazy.map { ($0.item, $0.score) })
        runnerPairs.append(pricer.runners.lazy.map { ($0.item, $0.score) })
    }

    /// Appends `other`'s `entry`-th row.
    mutating func append(_ other: _PricedRows, entry: Int) {
        rows.append(other.rows[entry])
        bounds.append(other.bounds[entry])
        let improving = other.improving(entry), runners = other.runners(entry)
        improvingPairs.append(zip(improving.mentors, improving.scores))
        runnerPairs.append(zip(runners.mentors, runners.scores))
    }

    /// The `index`-th row's improving pairs: mentors and scores.
    func improving(_ index: Int) -> (mentors: ArraySlice<Int32>, scores: ArraySlice<Int32>) { improvingPairs[index] }

    /// The `index`-th row's runners-up: mentors and scores.
    func runners(_ index: Int) -> (mentors: ArraySlice<Int32>, scores: ArraySlice<Int32>) { runnerPairs[index] }

    func write(to writer: inout _PassBytesWriter) {
        writer.append(array: rows)
        writer.append(array: bounds)
        improvingPairs.write(to: &writer)
        runnerPairs.write(to: &writer)
    }

    /// Reads what ``write(to:)`` wrote, for a cohort with `mentors` mentors
    /// and at most `runnersUp` runners-up and `limit` improving pairs a row.
    init(from reader: inout _PassBytesReader, mentors: Int, limit: Int) throws(RowPassError) {
        rows = try reader.readArray()
        bounds = try reader.readArray()
        guard bounds.count == rows.count else { throw .malformed("holds inconsistent priced rows") }
        improvingPairs = try _PairLists(from: &reader, lists: rows.count, most: limit, mentors: mentors)
        runnerPairs = try _PairLists(
            from: &reader, lists: rows.count, most: _PricingMemory.runnersUp, mentors: mentors)
    }
}
