/// The `capacity` entries of highest key offered so far, kept as a small
/// unsorted list; an offer that does not beat the lowest kept key is refused
/// in O(1), so a row of thousands costs one comparison per entry. Ties keep
/// the entry offered first. Each entry carries a score along with its key.
struct _BestEntries {
    let capacity: Int
    private(set) var items: [Int32] = []
    private(set) var scores: [Int32] = []
    private var keys: [Int64] = []
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
    /// full, `Int64.min` before. A caller scanning many offers keeps it in a
    /// flat array of its own and calls ``offer(_:_:score:)`` only above it.
    var threshold: Int64 { items.count < capacity ? .min : keys[lowest] }

    mutating func offer(_ key: Int64, _ item: Int, score: Int32) {
        if items.count < capacity {
            items.append(Int32(item))
            scores.append(score)
            keys.append(key)
            if key < keys[lowest] { lowest = keys.count - 1 }
            return
        }
        guard key > keys[lowest] else { return }
        items[lowest] = Int32(item)
        scores[lowest] = score
        keys[lowest] = key
        for index in keys.indices where keys[index] < keys[lowest] { lowest = index }
    }
}
