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
        let rowLabels = Array(Set(rowNumbers + extraRows)).sorted()
        let columnLabels = Array(Set(columnNumbers)).sorted()
        func index(_ number: Int64, in labels: [Int64]) -> Int32 {
            var low = 0, high = labels.count - 1
            while low < high {
                let middle = (low + high) / 2
                if labels[middle] < number { low = middle + 1 } else { high = middle }
            }
            return Int32(low)
        }
        return SparseMatrixFile(
            rowLabels: rowLabels, columnLabels: columnLabels,
            arcRows: rowNumbers.map { index($0, in: rowLabels) },
            arcColumns: columnNumbers.map { index($0, in: columnLabels) },
            values: reals.map { .reals($0) } ?? .integers(integers))
    }
}
