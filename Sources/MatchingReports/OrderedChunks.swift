/// `transform` of every index in `0..<count`, in order, computed on every
/// core in 16 chunks of consecutive indices put back in order: the result is
/// the same as a plain map's (5,000 letters: 90 ms on one core of this
/// machine; 16 chunks keep both cores busy without a task per item).
func _mapInOrderedChunks<Element: Sendable>(
    _ count: Int, _ transform: @escaping @Sendable (Int) -> Element
) async -> [Element] {
    let chunk = max(1, (count + 15) / 16)
    return await withTaskGroup(of: (first: Int, elements: [Element]).self) { group in
        for first in stride(from: 0, to: count, by: chunk) {
            group.addTask { (first, (first..<min(first + chunk, count)).map(transform)) }
        }
        var chunks: [(first: Int, elements: [Element])] = []
        for await done in group { chunks.append(done) }
        return chunks.sorted { $0.first < $1.first }.flatMap(\.elements)
    }
}
