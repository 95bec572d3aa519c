/// The arcs of a sparse file as they are read: each arc's row and column
/// number as written and its value, integers kept exact until a value that
/// is not a whole number turns them all into doubles.
struct _SparseArcs {
    var rowNumbers: [Int64] = []
    var columnNumbers: [Int64] = []
    private var integers: [Int64] = []
    private var reals: [Double]?

    var count: Int { rowNumbers.count }

    mutating func append(row: Int64, column: Int64, value: _Number) {
        rowNumbers.append(row)
        columnNumbers.append(column)
        switch (value, reals) {
        case (.integer(let whole), nil): integers.append(whole)
        case (_, nil):
            reals = integers.map(Double.init) + [value.double]
            integers = []
        case (_, .some):
            reals!.append(value.double)
        }
    }

    /// The file's matrix: rows and columns numbered by the distinct numbers
    /// written, in increasing order; `extraRows` are rows with no arc (a
    /// DIMACS source node that no arc leaves).
    func matrix(extraRows: [Int64] = []) -> SparseMatrixFile {
        let rows = Self.numbering(rowNumbers, extra: extraRows)
        let columns = Self.numbering(columnNumbers, extra: [])
        return SparseMatrixFile(
            rowLabels: rows.labels, columnLabels: columns.labels, arcRows: rows.indices,
            arcColumns: columns.indices, values: reals.map { .reals($0) } ?? .integers(integers))
    }

    /// The distinct numbers among `numbers` and `extra`, ascending, and each
    /// of `numbers`' place among them.
    ///
    /// Files number their nodes 1…N or close to it, so where the numbers
    /// span at most about twice as many values as there are numbers, a
    /// table over that span marks them and gives each its place in one pass,
    /// instead of hashing every number into a set and finding each by binary
    /// search (see `DIMACSFormat` for the figures). Numbers spread wider
    /// (identifiers such as 10¹² + i) are sorted and searched.
    static func numbering(_ numbers: [Int64], extra: [Int64]) -> (labels: [Int64], indices: [Int32]) {
        guard let low = [numbers.min(), extra.min()].compactMap({ $0 }).min(),
            let high = [numbers.max(), extra.max()].compactMap({ $0 }).max()
        else { return ([], []) }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if !overflow, span / 2 <= Int64(numbers.count + extra.count) + 1_024 {
            var place = [Int32](repeating: -1, count: Int(span) + 1)
            for number in numbers { place[Int(number &- low)] = 0 }
            for number in extra { place[Int(number &- low)] = 0 }
            var labels: [Int64] = []
            for offset in place.indices where place[offset] == 0 {
                place[offset] = Int32(labels.count)
                labels.append(low + Int64(offset))
            }
            return (labels, numbers.map { place[Int($0 &- low)] })
        }
        let labels = Array(Set(numbers + extra)).sorted()
        func index(_ number: Int64) -> Int32 {
            var low = 0, high = labels.count - 1
            while low < high {
                let middle = (low + high) / 2
                if labels[middle] < number { low = middle + 1 } else { high = middle }
            }
            return Int32(low)
        }
        return (labels, numbers.map(index))
    }
}
