/// One kept entry of a list of best entries: its key (what ranks it), its
/// item and the score it carries.
struct _RankedEntry: Sendable, Equatable {
    var key: Int64
    var item: Int32
    var score: Int32
}

/// Many lists, each keeping the entries of highest key offered to it up to
/// its own capacity, in one flat array: list `l` holds
/// `entries[start[l] ..< start[l] + count[l]]`. An offer that does not beat
/// a full list's lowest key is refused in O(1), so a row of thousands costs
/// one comparison per entry.
///
/// Each list is a binary heap with the lowest-ranked entry at its root: a
/// scoring pass offers each mentee's list of 30 about 200 winners a row (a
/// running top 30 of 32,000 in random order), and replacing the lowest
/// entry by scanning the list for the next lowest made those offers a sixth
/// of the 68,000 × 32,000 round's scoring samples once its rows were read
/// on every core; sifting down the heap touches about 5 of the 30.
///
/// Every mentor's list in one array, entries interleaved. Each part of
/// scoring's pass starts its mentors' lists empty, so most of a row's offers
/// go to mentors' lists (250 a mentee row at 34,000 × 16,000, counted), each
/// to a list far from the last one. As three arrays of its own per mentor an
/// offer touched about seven cache lines (the array of lists, three
/// arrays' headers and their elements), and the offers, their sifting and
/// the arrays' uniqueness checks were 16 % of the samples of `tandem
/// validate` on 68,000 × 32,000 (whose time is scoring's pass); here an offer
/// touches the list's start, count and entries, and the run took 4 % fewer
/// samples (22.8 against 23.7 billion). The wall time of the round's scoring
/// did not move beyond this machine's noise (9.0 and 9.7 s against 9.0 and
/// 10 s): what is left of an offer is the miss on its list, and fewer
/// offers, not cheaper ones, is what would count. So the parts of one
/// process now start their mentors' lists from the keys of the parts done
/// before them (``_MentorKeyBounds``).
///
/// Equal keys go to the smaller item, so the entries kept are the same
/// whatever order they were offered in: a pass split into blocks of mentees
/// (``_ScoringPass``) and merged by offering each block's entries again keeps
/// what one pass keeps. A pass offering items in increasing order, as every
/// pass over rows does, refuses an equal key by the one comparison
/// `key > threshold`. The entries' order in a list is the heap's, which
/// depends on the order of the offers.
struct _BestEntriesTable {
    private var entries: [_RankedEntry]
    private let start: [Int]
    private var count: [Int32]

    /// Lists of these capacities (each at least 1).
    init(capacities: [Int]) {
        var start = [Int](repeating: 0, count: capacities.count + 1)
        for (list, capacity) in capacities.enumerated() { start[list + 1] = start[list] + max(1, capacity) }
        self.start = start
        entries = [_RankedEntry](repeating: _RankedEntry(key: 0, item: 0, score: 0), count: start.last!)
        count = [Int32](repeating: 0, count: capacities.count)
    }

    var lists: Int { count.count }

    func capacity(_ list: Int) -> Int { start[list + 1] - start[list] }

    /// The list's entries, in heap order.
    func entries(_ list: Int) -> ArraySlice<_RankedEntry> { entries[start[list]..<start[list] + Int(count[list])] }

    mutating func removeAll(_ list: Int) { count[list] = 0 }

    /// The key an offer must exceed to be kept: the lowest kept key once
    /// full, `Int64.min` before. A caller scanning many offers in increasing
    /// item order keeps it in a flat array of its own and calls
    /// ``offer(_:_:_:score:)`` only above it.
    func threshold(_ list: Int) -> Int64 {
        Int(count[list]) < capacity(list) ? .min : entries[start[list]].key
    }

    mutating func offer(_ list: Int, _ key: Int64, _ item: Int, score: Int32) {
        let entry = _RankedEntry(key: key, item: Int32(item), score: score)
        let first = start[list], capacity = start[list + 1] - first, kept = Int(count[list])
        entries.withUnsafeMutableBufferPointer { entries in
            let heap = entries.baseAddress! + first
            guard kept == capacity else {
                Self.siftUp(entry, from: kept, in: heap)
                return
            }
            guard !Self.ranksBelow(entry, heap[0]) else { return }
            Self.siftDown(entry, in: heap, count: kept)
        }
        if kept < capacity { count[list] += 1 }
    }

    /// Whether `entry` ranks below `other`: a lower key, or an equal key
    /// and a larger item.
    @inline(__always)
    static func ranksBelow(_ entry: _RankedEntry, _ other: _RankedEntry) -> Bool {
        entry.key < other.key || (entry.key == other.key && entry.item > other.item)
    }

    /// Puts the entry at `index` (one past the heap) and moves it up while
    /// it ranks below its parent.
    private static func siftUp(_ entry: _RankedEntry, from index: Int, in heap: UnsafeMutablePointer<_RankedEntry>) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard ranksBelow(entry, heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }

    /// Puts the entry in place of the root and moves it down while a child
    /// ranks below it.
    private static func siftDown(_ entry: _RankedEntry, in heap: UnsafeMutablePointer<_RankedEntry>, count: Int) {
        var parent = 0
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, ranksBelow(heap[child + 1], heap[child]) { child += 1 }
            // The entry stays here unless the lower child ranks below it.
            guard ranksBelow(heap[child], entry) else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = entry
    }
}

/// One list of the `capacity` entries of highest key offered so far, each
/// carrying a score along with its key (see ``_BestEntriesTable``).
struct _BestEntries {
    private var table: _BestEntriesTable

    init(capacity: Int) { table = _BestEntriesTable(capacities: [capacity]) }

    /// The kept entries, in heap order (which depends on the order of the offers).
    var entries: ArraySlice<_RankedEntry> { table.entries(0) }

    mutating func removeAll() { table.removeAll(0) }

    /// See ``_BestEntriesTable/threshold(_:)``.
    var threshold: Int64 { table.threshold(0) }

    mutating func offer(_ key: Int64, _ item: Int, score: Int32) { table.offer(0, key, item, score: score) }
}
