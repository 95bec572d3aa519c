/// A pair that must be in the answer: row `row` is placed in column `column`.
public struct AssignmentLock: Sendable, Hashable {
    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
