/// The `capacity` entries of highest key offered so far, kept as a small
/// unsorted list; an offer that does not beat the lowest kept key is refused
/// in O(1), so a row of thousands costs one comparison per entry. Each entry
/// carries a score along with its key.
///
/// Equal keys go to the smaller item, so the entries kept are the same
/// whatever order they were offered in: a pass split into blocks of mentees
/// (``_ScoringPass``) and merged by offering each block's entries again keeps
/// what one pass keeps. A pass offering items in increasing order, as every
/// pass over rows does, refuses an equal key by the one comparison
/// `key > threshold`.
struct _BestEntries {
    let capacity: Int
    private(set) var items: [Int32] = []
    private(set) var scores: [Int32] = []
    private(set) var keys: [Int64] = []
    private var lowest = 0

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity)
        scores.reserveCapacity(capacity)
        keys.reserveCapacity(capacity)
    }

    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        scores.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        lowest = 0
    }

    /// The key an offer must exceed to be kept: the lowest kept key once
    /// full, `Int64.min` before. A caller scanning many offers in increasing
    /// item order keeps it in a flat array of its own and calls
    /// ``offer(_:_:score:)`` only above it.
    var threshold: Int64 { items.count < capacity ? .min : keys[lowest] }

    /// Whether entry `a` ranks below entry `b`: a lower key, or an equal key
    /// and a larger item.
    @inline(__always)
    private func ranksBelow(_ key: Int64, _ item: Int32, _ index: Int) -> Bool {
        key < keys[index] || (key == keys[index] && item > items[index])
    }

    mutating func offer(_ key: Int64, _ item: Int, score: Int32) {
        let item = Int32(item)
        if items.count < capacity {
            items.append(item)
            scores.append(score)
            keys.append(key)
            if ranksBelow(key, item, lowest) { lowest = keys.count - 1 }
            return
        }
        guard !ranksBelow(key, item, lowest) else { return }
        items[lowest] = item
        scores[lowest] = score
        keys[lowest] = key
        for index in keys.indices where ranksBelow(keys[index], items[index], lowest) { lowest = index }
    }
}
