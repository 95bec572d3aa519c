/// Which mentee–mentor pairs may never be proposed: one bit per pair.
///
/// A forbidden pair is a missing edge for the solver, never a low score. Rows
/// are mentees; each row starts on a fresh 64-bit word so rows can be written
/// independently.
public struct ForbiddenMask: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// 64-bit words per row.
    let wordsPerRow: Int
    var words: [UInt64]

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        wordsPerRow = (columns + 63) / 64
        words = [UInt64](repeating: 0, count: rows * wordsPerRow)
    }

    public subscript(row: Int, column: Int) -> Bool {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "pair out of range")
            return words[row * wordsPerRow + column / 64] >> UInt64(column % 64) & 1 == 1
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "pair out of range")
            let bit = UInt64(1) << UInt64(column % 64)
            if newValue { words[row * wordsPerRow + column / 64] |= bit } else { words[row * wordsPerRow + column / 64] &= ~bit }
        }
    }

    /// How many pairs of `row` are not forbidden.
    public func allowedCount(inRow row: Int) -> Int {
        var forbidden = 0
        for word in words[row * wordsPerRow..<(row + 1) * wordsPerRow] { forbidden += word.nonzeroBitCount }
        return columns - forbidden
    }

    /// How many pairs are forbidden in all.
    public var forbiddenCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
