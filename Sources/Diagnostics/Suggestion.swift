/// "Did you mean …?" for a misspelt key, topic, level or id.
public enum Suggestion {
    /// The candidate most likely meant by `word`, if any is likely enough.
    ///
    /// A candidate qualifies when it is a few typing slips away (edit
    /// distance with swaps of neighbours counted once: none for words of up to
    /// 3 letters, 1 up to 5, 2 up to 12, 3 beyond) or when the two share a
    /// clear beginning (one is a prefix of the other, or they share at least
    /// 5 leading letters and half the shorter word): "middle" → "mid",
    /// "presentation" → "presenting". The closest by edit distance wins;
    /// ties go to the earlier candidate, so suggestions are stable.
    ///
    /// The work stays linear in the input: a word or candidate longer than
    /// 64 (`longest`) letters is never compared (a 1 MB goal once took 9 s), and
    /// a candidate is only measured when its length is within reach of the
    /// word's or it shares a beginning with it, both told in a few steps;
    /// the distance itself is then at most `longest`² steps.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars.prefix(longest + 1))
        guard !target.isEmpty, target.count <= longest else { return nil }
        let allowed = target.count <= 3 ? 0 : target.count <= 5 ? 1 : target.count <= 12 ? 2 : 3
        var best: (candidate: String, distance: Int)?
        var measured = 0
        for candidate in candidates {
            if !mayQualify(candidate, target: target, allowed: allowed) { continue }
            // A bound on the work for hostile inputs (thousands of near-identical
            // terms): the first candidates measured are the ones suggested from.
            measured += 1
            if measured > mostMeasured { break }
            let other = Array(candidate.lowercased().unicodeScalars)
            guard other.count <= longest else { continue }
            guard !other.isEmpty, other != target else { continue }
            let shorter = min(target.count, other.count)
            let shared = zip(target, other).prefix { $0 == $1 }.count
            let sharesBeginning = (shared == shorter && shorter >= 3) || (shared >= 5 && 2 * shared >= shorter)
            guard sharesBeginning || abs(target.count - other.count) <= allowed else { continue }
            let distance = editDistance(target, other)
            guard distance <= allowed || sharesBeginning else { continue }
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Words and candidates longer than this many letters are not compared.
    static let longest = 64
    /// At most this many candidates are measured for one word.
    static let mostMeasured = 1_000

    /// Whether an ASCII candidate could qualify at all, told without
    /// allocating: its length within `allowed` of the word's, or its first
    /// three letters the word's (what any shared beginning needs). Other
    /// candidates are measured in full. (30,000 topics and 450 unknown
    /// goals: 40 s before the index of terms was sorted once and this test
    /// came first.)
    private static func mayQualify(_ candidate: String, target: [Unicode.Scalar], allowed: Int) -> Bool {
        let utf8 = candidate.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return true }
        guard utf8.count <= longest else { return false }
        if abs(utf8.count - target.count) <= allowed { return true }
        guard utf8.count >= 3, target.count >= 3 else { return false }
        for (byte, scalar) in zip(utf8.prefix(3), target.prefix(3)) {
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if UInt32(lower) != scalar.value { return false }
        }
        return true
    }

    /// `; did you mean "x"?` or nothing.
    public static func clause(for word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { "; did you mean \"\($0)\"?" } ?? ""
    }

    /// Optimal-string-alignment distance: insertions, deletions,
    /// substitutions and swaps of two neighbouring letters each cost 1. Three
    /// rows of the table are kept (the swap looks two rows back).
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in stride(from: 1, through: a.count, by: 1) {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], twoBack[j - 2] + 1)
                }
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
