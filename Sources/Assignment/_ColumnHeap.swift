/// A binary min-heap of (distance, column) entries for the sparse search,
/// ordered by distance and then by a tie-break key, in flat buffers that grow
/// by doubling and are reused across searches.
///
/// Entries are never updated in place: the search pushes a column again when
/// its distance drops and skips stale entries when they come out.
internal struct _ColumnHeap<Cost: AssignmentCost> {
    private var keys: UnsafeMutablePointer<Cost>
    private var tieBreaks: UnsafeMutablePointer<Int>
    private var columns: UnsafeMutablePointer<Int>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        keys = .allocate(capacity: capacity)
        tieBreaks = .allocate(capacity: capacity)
        columns = .allocate(capacity: capacity)
    }

    /// Frees the buffers; the owner calls it once, from its `deinit`.
    func deallocate() {
        keys.deallocate()
        tieBreaks.deallocate()
        columns.deallocate()
    }

    mutating func removeAll() { count = 0 }

    @inline(__always)
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        keys[a] < keys[b] || (keys[a] == keys[b] && tieBreaks[a] < tieBreaks[b])
    }

    @inline(__always)
    private func swapAt(_ a: Int, _ b: Int) {
        swap(&keys[a], &keys[b])
        swap(&tieBreaks[a], &tieBreaks[b])
        swap(&columns[a], &columns[b])
    }

    mutating func push(_ key: Cost, column: Int, tieBreak: Int) {
        if count == capacity { grow() }
        keys[count] = key
        tieBreaks[count] = tieBreak
        columns[count] = column
        var child = count
        count += 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(child, parent) else { break }
            swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMinimum() -> (Cost, Int)? {
        guard count > 0 else { return nil }
        let top = (keys[0], columns[0])
        count -= 1
        if count > 0 {
            keys[0] = keys[count]
            tieBreaks[0] = tieBreaks[count]
            columns[0] = columns[count]
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < count else { break }
                var smallest = left
                if left + 1 < count && precedes(left + 1, left) { smallest = left + 1 }
                guard precedes(smallest, parent) else { break }
                swapAt(smallest, parent)
                parent = smallest
            }
        }
        return top
    }

    private mutating func grow() {
        let larger = capacity * 2
        let newKeys = UnsafeMutablePointer<Cost>.allocate(capacity: larger)
        newKeys.moveInitialize(from: keys, count: count)
        keys.deallocate()
        keys = newKeys
        let newTieBreaks = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        newTieBreaks.moveInitialize(from: tieBreaks, count: count)
        tieBreaks.deallocate()
        tieBreaks = newTieBreaks
        let newColumns = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        newColumns.moveInitialize(from: columns, count: count)
        columns.deallocate()
        columns = newColumns
        capacity = larger
    }
}
