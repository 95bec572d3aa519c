/// What scoring's one pass over every pair learns, row by row: how many
/// pairs the rules allow, the mentees every mentor is forbidden to, the
/// largest score, and the digest of the best pairs (``_ScoreDigest``).
///
/// One process adds every row in order; a pass split into blocks of mentees
/// (``RowPassJob``) adds each block's rows in a part of its own, and the
/// parts, merged in block order, give the same figures and the same digest:
/// a mentee's list depends on their row alone, and a mentor's list keeps the
/// same entries whatever order they are offered in (``_BestEntries``).
struct _ScoringPass {
    /// Each mentor's places and the minimum score the digest's lists assume.
    let places: [Int], minimum: Int64?
    private(set) var allowedPairs = 0
    private(set) var stranded: [Int] = []
    private(set) var largest: UInt32 = 0
    private(set) var digest: _ScoreDigest.Builder

    /// - Parameters:
    ///   - places: Each mentor's places under the cohort's policy.
    ///   - minimum: The policy's minimum score in units, if any.
    init(places: [Int], minimum: Int64?) {
        self.places = places
        self.minimum = minimum
        digest = _ScoreDigest.Builder(places: places, minimum: minimum)
    }

    /// How many rows were added.
    var rows: Int { digest.rows }
    /// The first row's mentee, once a row is added: a part's first row must
    /// follow the rows merged before it.
    private var firstMentee: Int?

    /// Starts the digest's mentor lists from other parts' keys (see
    /// ``_MentorKeyBounds``); before any row.
    mutating func seedMentorLists(from bounds: _MentorKeyBounds) {
        digest.seed(lowerBounds: bounds.current)
    }

    mutating func add(_ row: ScoreRow) {
        if firstMentee == nil { firstMentee = row.mentee }
        let allowed = row.allowedCount
        allowedPairs += allowed
        if allowed == 0 { stranded.append(row.mentee) }
        largest = max(largest, digest.add(row))
    }

    /// The figures and lists of the rows added, as a part's bytes.
    func part() -> [UInt8] {
        var writer = _PassBytesWriter()
        writer.append(Int64(firstMentee ?? -1))
        writer.append(Int64(allowedPairs))
        writer.append(array: stranded.map(Int64.init))
        writer.append(largest)
        digest.write(to: &writer)
        return writer.bytes
    }

    /// Adds a part's rows, which must follow the rows added so far.
    mutating func merge(part bytes: [UInt8]) throws(RowPassError) {
        var reader = _PassBytesReader(bytes)
        let first = try reader.read(Int64.self)
        let start = rows
        allowedPairs += Int(try reader.read(Int64.self))
        stranded += try reader.readArray(Int64.self).map(Int.init)
        largest = max(largest, try reader.read(UInt32.self))
        try digest.merge(from: &reader)
        guard reader.isAtEnd else { throw .malformed("holds more than a scoring part") }
        guard rows == start || first == Int64(start) else {
            throw .malformed("starts at mentee \(first), not \(start): the parts are out of order")
        }
    }
}
