/// "Did you mean …?" for a misspelt key, topic, level or id.
enum _Suggestion {
    /// The candidate most likely meant by `word`, if any is likely enough.
    ///
    /// A candidate qualifies when it is a few typing slips away (edit
    /// distance with swaps of neighbours counted once: none for words of up to
    /// 3 letters, 1 up to 5, 2 up to 12, 3 beyond) or when the two share a
    /// clear beginning (one is a prefix of the other, or they share at least
    /// 5 leading letters and half the shorter word): "middle" → "mid",
    /// "presentation" → "presenting". The closest by edit distance wins;
    /// ties go to the earlier candidate, so suggestions are stable.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        guard !target.isEmpty else { return nil }
        let allowed = target.count <= 3 ? 0 : target.count <= 5 ? 1 : target.count <= 12 ? 2 : 3
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard !other.isEmpty, other != target else { continue }
            let distance = editDistance(target, other)
            let shorter = min(target.count, other.count)
            let shared = zip(target, other).prefix { $0 == $1 }.count
            let sharesBeginning = (shared == shorter && shorter >= 3) || (shared >= 5 && 2 * shared >= shorter)
            guard distance <= allowed || sharesBeginning else { continue }
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// `; did you mean "x"?` or nothing.
    static func clause(for word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { "; did you mean \"\($0)\"?" } ?? ""
    }

    /// Optimal-string-alignment distance: insertions, deletions,
    /// substitutions and swaps of two neighbouring letters each cost 1.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
