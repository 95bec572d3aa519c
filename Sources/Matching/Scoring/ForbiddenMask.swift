/// Which mentee–mentor pairs may never be proposed, one bit per pair, as
/// scoring writes them.
///
/// A forbidden pair is a missing edge for the solver, never a low score. Rows
/// are mentees; each row starts on a fresh 64-bit word so rows can be written
/// independently. Readers see the bits through ``ScoreRow/isForbidden(_:)``.
struct ForbiddenMask: Sendable, Equatable {
    let rows: Int
    let columns: Int
    /// 64-bit words per row.
    let wordsPerRow: Int
    var words: [UInt64]

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        wordsPerRow = (columns + 63) / 64
        words = [UInt64](repeating: 0, count: rows * wordsPerRow)
    }

    /// Whether the pair is forbidden.
    func contains(row: Int, column: Int) -> Bool {
        words[row * wordsPerRow + column / 64] & (UInt64(1) << UInt64(column % 64)) != 0
    }

    /// Marks the pair forbidden.
    mutating func forbid(row: Int, column: Int) {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "pair out of range")
        words[row * wordsPerRow + column / 64] |= UInt64(1) << UInt64(column % 64)
    }
}
