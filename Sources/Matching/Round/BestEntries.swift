/// The `capacity` entries of highest key offered so far, each carrying a
/// score along with its key; an offer that does not beat the lowest kept
/// key is refused in O(1), so a row of thousands costs one comparison per
/// entry.
///
/// Kept as a binary heap with the lowest-ranked entry at the root: a
/// scoring pass offers each mentee's list of 30 about 200 winners a row (a
/// running top 30 of 32,000 in random order), and replacing the lowest
/// entry by scanning the list for the next lowest made those offers a sixth
/// of the 68,000 × 32,000 round's scoring samples once its rows were read
/// on every core; sifting down the heap touches about 5 of the 30.
///
/// Equal keys go to the smaller item, so the entries kept are the same
/// whatever order they were offered in: a pass split into blocks of mentees
/// (``_ScoringPass``) and merged by offering each block's entries again keeps
/// what one pass keeps. A pass offering items in increasing order, as every
/// pass over rows does, refuses an equal key by the one comparison
/// `key > threshold`. The entries' order in ``items`` is the heap's, which
/// depends on the order of the offers.
struct _BestEntries {
    let capacity: Int
    private(set) var items: [Int32] = []
    private(set) var scores: [Int32] = []
    private(set) var keys: [Int64] = []

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
    }

    /// The key an offer must exceed to be kept: the lowest kept key once
    /// full, `Int64.min` before. A caller scanning many offers in increasing
    /// item order keeps it in a flat array of its own and calls
    /// ``offer(_:_:score:)`` only above it.
    var threshold: Int64 { items.count < capacity ? .min : keys[0] }

    /// Whether the entry `key`, `item` ranks below entry `index`: a lower
    /// key, or an equal key and a larger item.
    @inline(__always)
    private func ranksBelow(_ key: Int64, _ item: Int32, _ index: Int) -> Bool {
        key < keys[index] || (key == keys[index] && item > items[index])
    }

    mutating func offer(_ key: Int64, _ item: Int, score: Int32) {
        let item = Int32(item)
        guard items.count == capacity else {
            items.append(item)
            scores.append(score)
            keys.append(key)
            siftUp(from: items.count - 1)
            return
        }
        guard !ranksBelow(key, item, 0) else { return }
        siftDown(key, item, score)
    }

    /// Moves the entry at `index` up while it ranks below its parent.
    private mutating func siftUp(from index: Int) {
        var child = index
        let (key, item, score) = (keys[child], items[child], scores[child])
        while child > 0 {
            let parent = (child - 1) / 2
            guard ranksBelow(key, item, parent) else { break }
            move(parent, to: child)
            child = parent
        }
        (keys[child], items[child], scores[child]) = (key, item, score)
    }

    /// Puts the entry in place of the root and moves it down while a child
    /// ranks below it.
    private mutating func siftDown(_ key: Int64, _ item: Int32, _ score: Int32) {
        var parent = 0
        let count = items.count
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count,
                keys[child + 1] < keys[child]
                    || (keys[child + 1] == keys[child] && items[child + 1] > items[child])
            {
                child += 1
            }
            // The entry stays here unless the lower child ranks below it.
            guard keys[child] < key || (keys[child] == key && items[child] > item) else { break }
            move(child, to: parent)
            parent = child
        }
        (keys[parent], items[parent], scores[parent]) = (key, item, score)
    }

    @inline(__always)
    private mutating func move(_ from: Int, to: Int) {
        keys[to] = keys[from]
        items[to] = items[from]
        scores[to] = scores[from]
    }
}
