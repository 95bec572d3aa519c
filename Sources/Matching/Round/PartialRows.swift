/// The rows of a pricing pass (``_PricingJob``) that are read against some
/// mentors only, and what each such read carries: the subsets of mentors
/// (each ascending), each row's subset (−1: every mentor), and for a row
/// read in part the bound on the pairs outside its subset that are not
/// among its known pairs (see ``_PartialRow``). Empty when every row is read
/// whole.
struct _PartialRows {
    private var subsetEnd: [Int64] = []
    private var subsetMentors: [Int32] = []
    /// By row of the job; empty when no row is read in part.
    private var subsetOfRow: [Int32] = []
    private var unreadBounds: [Int64] = []

    init() {}

    /// Adds a subset of mentors (ascending) and returns its number.
    mutating func add(subset mentors: [Int32]) -> Int32 {
        subsetMentors += mentors
        subsetEnd.append(Int64(subsetMentors.count))
        return Int32(subsetEnd.count - 1)
    }

    /// Appends the job's next row: read against `subset` (−1: every
    /// mentor), with the bound on the pairs it leaves out.
    mutating func append(row subset: Int32, unreadBound: Int64) {
        subsetOfRow.append(subset)
        unreadBounds.append(unreadBound)
    }

    /// The subset the job's `index`-th row is read against, or −1.
    func subset(ofRow index: Int) -> Int32 { subsetOfRow.isEmpty ? -1 : subsetOfRow[index] }

    /// Subset `number`, for a cohort of `mentors` mentors.
    func subset(_ number: Int, of mentors: Int) -> _MentorSubset {
        let start = number == 0 ? 0 : Int(subsetEnd[number - 1])
        return _MentorSubset(Array(subsetMentors[start..<Int(subsetEnd[number])]), of: mentors)
    }

    /// What the read of the job's `index`-th row needs besides the row.
    func row(_ index: Int, mentorOfColumn: [Int32]) -> _PartialRow {
        _PartialRow(mentorOfColumn: mentorOfColumn, unreadBound: unreadBounds[index])
    }

    func write(to writer: inout _PassBytesWriter) {
        writer.append(array: subsetEnd)
        writer.append(array: subsetMentors)
        writer.append(array: subsetOfRow)
        writer.append(array: unreadBounds)
    }

    /// Reads what ``write(to:)`` wrote, for a job of `rows` rows over `mentors` mentors.
    init(from reader: inout _PassBytesReader, rows: Int, mentors: Int) throws(RowPassError) {
        subsetEnd = try reader.readArray()
        subsetMentors = try reader.readArray()
        subsetOfRow = try reader.readArray()
        unreadBounds = try reader.readArray()
        let subsets = subsetEnd.count
        let ascending = zip([0] + subsetEnd, subsetEnd).allSatisfy { start, end in
            start <= end && end <= Int64(subsetMentors.count)
                && zip(subsetMentors[Int(start)..<Int(end)], subsetMentors[Int(start)..<Int(end)].dropFirst())
                    .allSatisfy { $0 < $1 }
        }
        guard ascending, subsetEnd.last.map({ $0 == Int64(subsetMentors.count) }) ?? subsetMentors.isEmpty,
            subsetMentors.allSatisfy({ (0..<mentors).contains(Int($0)) }),
            subsetOfRow.isEmpty || subsetOfRow.count == rows,
            subsetOfRow.allSatisfy({ (-1..<Int32(subsets)).contains($0) }),
            unreadBounds.count == subsetOfRow.count
        else { throw .malformed("holds inconsistent partial rows") }
    }
}

/// A row a pricing pass reads against a prefix of a ``_RiseRanking``: its
/// place among the pass's rows, the round it was last read in (`nil` when
/// it was never read: the ranking is then by slack, see
/// ``_SlackProfiles/firstReadRanking(pairs:)``), the prefix's length, and
/// the bound the ranking's falls add to for the mentors left out.
struct _PartialRead {
    let position: Int
    let round: Int?
    let prefix: Int
    let bound: Int64
}
