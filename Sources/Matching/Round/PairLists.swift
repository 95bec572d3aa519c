/// Short lists of pairs — a mentor and the pair's score — one list a row,
/// stored one after another in flat arrays: what a pricing pass carries for
/// each row it reads (the pairs known before reading it) and gives back (its
/// improving pairs and runners-up), without an array a row.
struct _PairLists {
    private var ends: [Int64] = []
    private var mentors: [Int32] = []
    private var scores: [Int32] = []

    init() {}

    /// Appends the next row's list.
    mutating func append(_ pairs: some Sequence<(Int32, Int32)>) {
        for (mentor, score) in pairs {
            mentors.append(mentor)
            scores.append(score)
        }
        ends.append(Int64(mentors.count))
    }

    /// The `index`-th list: its mentors and scores.
    subscript(index: Int) -> (mentors: ArraySlice<Int32>, scores: ArraySlice<Int32>) {
        let range = (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
        return (mentors[range], scores[range])
    }

    func write(to writer: inout _PassBytesWriter) {
        writer.append(array: ends)
        writer.append(array: mentors)
        writer.append(array: scores)
    }

    /// Reads what ``write(to:)`` wrote: `lists` lists of at most `most`
    /// pairs each, with mentors of a cohort of `mentorCount`.
    init(from reader: inout _PassBytesReader, lists: Int, most: Int, mentors mentorCount: Int) throws(RowPassError) {
        ends = try reader.readArray()
        mentors = try reader.readArray()
        scores = try reader.readArray()
        guard ends.count == lists, scores.count == mentors.count,
            zip([0] + ends, ends).allSatisfy({ $0 <= $1 && $1 - $0 <= Int64(most) }),
            ends.last.map({ $0 == Int64(mentors.count) }) ?? mentors.isEmpty,
            mentors.allSatisfy({ (0..<mentorCount).contains(Int($0)) })
        else { throw .malformed("holds inconsistent lists of pairs") }
    }
}
