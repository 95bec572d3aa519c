/// The allowed pairs of a dense cost buffer as a graph, for sizing the
/// unassigned option of a maximum-cardinality solve.
struct _DenseAllowedPairs<Cost: AssignmentCost>: BipartiteGraph {
    let costs: UnsafeBufferPointer<Cost>
    let rowCount: Int
    let columnCount: Int

    func forEachNeighbour(of row: Int, _ body: (Int) -> Bool) {
        let start = row * columnCount
        for column in 0..<columnCount where costs[start + column] != Cost._forbidden {
            if !body(column) { return }
        }
    }
}
