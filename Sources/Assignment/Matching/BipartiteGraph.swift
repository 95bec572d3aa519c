/// A bipartite graph of rows and columns, read one row's neighbours at a
/// time: which pairs may be matched, with nothing said of their values.
///
/// ``CapacitatedMatching`` grows matchings over it; a conformer can derive a
/// row's neighbours on the fly (pairs scoring above a threshold, say) rather
/// than store them.
public protocol BipartiteGraph {
    /// The number of rows.
    var rowCount: Int { get }
    /// The number of columns.
    var columnCount: Int { get }
    /// Calls `body` with each column adjacent to `row`, in increasing order,
    /// until it returns `false`.
    func forEachNeighbour(of row: Int, _ body: (Int) -> Bool)
}
