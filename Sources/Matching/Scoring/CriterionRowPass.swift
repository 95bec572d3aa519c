/// The criteria's rules, written once: each a branch-free function of two
/// people's keys, used lane by lane by the row pass below and for one pair
/// by explanations (as `_HardRules` is for the built-in fields).
enum _CriterionRules {
    /// A `same` / `share` / `requested` / required `overlap` rule fails:
    /// it applies to both (`active` = 1), and the comparison (`matches`:
    /// equal, or a value in common) is not what the rule wants
    /// (`wanted` = 1 for required, 0 for forbidden).
    @inline(__always)
    static func keysFail(active: Int32, matches: Int32, wanted: Int32) -> Int32 {
        active & (matches ^ wanted)
    }

    /// A `levels` / `difference` gap (mentor minus mentee) outside the
    /// allowed bounds (±∞ when the policy sets none).
    @inline(__always)
    static func gapFails(active: Int32, gap: Double, minimum: Double, maximum: Double) -> Int32 {
        active & ((gap < minimum ? 1 : 0) | (gap > maximum ? 1 : 0))
    }

    /// The bonus of a gap: `full` within `fullWithin` of the ideal, `half`
    /// within `halfWithin` (levels: the ideal gap, one level off).
    @inline(__always)
    static func gapUnits(
        active: Int32, gap: Double, ideal: Double, fullWithin: Double, halfWithin: Double, full: Int32, half: Int32
    ) -> Int32 {
        let off = abs(gap - ideal)
        return (off <= fullWithin ? full : (off <= halfWithin ? half : 0)) &* active
    }

    /// An "only those named" preference fails: the rule binds the pair
    /// (the mentee named someone, or the mentor did) and this pair was not named.
    @inline(__always)
    static func notNamed(binds: Int32, named: Int32) -> Int32 { binds & (named ^ 1) }
}

extension _CriterionTerms.Term {
    /// How close to the ideal a gap must be for the whole bonus, and for half.
    var bonusBands: (full: Double, half: Double) {
        criterion.kind == .levels ? (0, 1) : (criterion.tolerance, criterion.tolerance)
    }

    /// The rule's wanted comparison: 1 = must match, 0 = must not.
    var wanted: Int32 { criterion.rule == .forbidden ? 0 : 1 }
}

/// Applies the criteria that are not part of the GEMM to one row of scores
/// and forbidden flags, right after the fused built-in pass wrote them.
///
/// Each criterion is one loop over the row's mentors on contiguous `Int32`
/// or `Double` keys, with selects rather than branches, so it vectorises like
/// `_fusedRow`; preferences touch only the mentors named. Scores of pairs
/// forbidden here are cleared by a last masking loop.
struct _CriterionRowPass {
    private let terms: [_CriterionTerms.Term]
    /// Per-row scratch: 1 for the columns of the mentors a mentee's preferences name.
    private var mark: [Int32]
    /// The column of each mentor a preference names, when the row's columns
    /// are a subset of the mentors (``_MentorSubset``); `nil` when every
    /// mentor is a column.
    private let columnOf: [Int32]?

    /// - Parameters:
    ///   - terms: The criteria, their mentor-side keys in column order.
    ///   - mentors: The row's columns.
    ///   - columnOf: Each mentor's column (−1: none), for a subset of the mentors.
    init(terms: _CriterionTerms, mentors: Int, columnOf: [Int32]? = nil) {
        self.terms = terms.terms.filter(\.needsRowPass)
        mark = [Int32](repeating: 0, count: self.terms.contains { $0.criterion.kind == .preferences } ? mentors : 0)
        self.columnOf = columnOf
    }

    /// The column of a mentor a preference names, or −1 when not a column.
    @inline(__always)
    private func column(_ mentor: Int32) -> Int { Int(columnOf?[Int(mentor)] ?? mentor) }

    var isEmpty: Bool { terms.isEmpty }

    mutating func apply(
        _ row: Int, count: Int, output: UnsafeMutablePointer<Int32>, flags: UnsafeMutablePointer<UInt8>
    ) {
        for term in terms {
            switch term.criterion.kind {
            case .same:
                guard term.menteeActive[row] == 1 else { continue }
                let mine = term.menteeCategory[row], wanted = term.wanted
                term.mentorCategory.withUnsafeBufferPointer { theirs in
                    term.mentorActive.withUnsafeBufferPointer { active in
                        for column in 0..<count {
                            let matches: Int32 = theirs[column] == mine ? 1 : 0
                            flags[column] |= UInt8(
                                truncatingIfNeeded: _CriterionRules.keysFail(
                                    active: active[column], matches: matches, wanted: wanted))
                        }
                    }
                }
            case .share, .requested, .overlap:
                guard term.menteeActive[row] == 1 else { continue }
                applyShared(term, row, count: count, flags: flags)
            case .levels, .difference:
                guard term.menteeActive[row] == 1 else { continue }
                applyGap(term, row, count: count, output: output, flags: flags)
            case .preferences:
                applyPreferences(term, row, count: count, output: output, flags: flags)
            }
        }
        for column in 0..<count { output[column] &= Int32(flags[column]) &- 1 }
    }

    private func applyShared(
        _ term: _CriterionTerms.Term, _ row: Int, count: Int, flags: UnsafeMutablePointer<UInt8>
    ) {
        let words = term.words, wanted = term.wanted
        term.mentorBits.withUnsafeBufferPointer { theirs in
            term.mentorActive.withUnsafeBufferPointer { active in
                if words == 1 {
                    let mine = term.menteeBits[row]
                    for column in 0..<count {
                        let matches: Int32 = theirs[column] & mine != 0 ? 1 : 0
                        flags[column] |= UInt8(
                            truncatingIfNeeded: _CriterionRules.keysFail(
                                active: active[column], matches: matches, wanted: wanted))
                    }
                    return
                }
                for column in 0..<count {
                    var common: UInt64 = 0
                    for word in 0..<words {
                        common |= theirs[column * words + word] & term.menteeBits[row * words + word]
                    }
                    flags[column] |= UInt8(
                        truncatingIfNeeded: _CriterionRules.keysFail(
                            active: active[column], matches: common != 0 ? 1 : 0, wanted: wanted))
                }
            }
        }
    }

    private func applyGap(
        _ term: _CriterionTerms.Term, _ row: Int, count: Int, output: UnsafeMutablePointer<Int32>,
        flags: UnsafeMutablePointer<UInt8>
    ) {
        let mine = term.menteeNumber[row]
        let minimum = term.criterion.minimum ?? -.infinity, maximum = term.criterion.maximum ?? .infinity
        let ideal = term.criterion.ideal ?? 0, (fullWithin, halfWithin) = term.bonusBands
        let full = term.units, half = term.halfUnits
        term.mentorNumber.withUnsafeBufferPointer { theirs in
            term.mentorActive.withUnsafeBufferPointer { active in
                for column in 0..<count {
                    let gap = theirs[column] - mine
                    flags[column] |= UInt8(
                        truncatingIfNeeded: _CriterionRules.gapFails(
                            active: active[column], gap: gap, minimum: minimum, maximum: maximum))
                    output[column] &+= _CriterionRules.gapUnits(
                        active: active[column], gap: gap, ideal: ideal, fullWithin: fullWithin,
                        halfWithin: halfWithin, full: full, half: half)
                }
            }
        }
    }

    private mutating func applyPreferences(
        _ term: _CriterionTerms.Term, _ row: Int, count: Int, output: UnsafeMutablePointer<Int32>,
        flags: UnsafeMutablePointer<UInt8>
    ) {
        let named = term.named[row]
        for (mentor, rank) in named where column(mentor) >= 0 {
            output[column(mentor)] &+= Int32(truncatingIfNeeded: term.rankUnits[Int(rank) - 1])
        }
        guard term.criterion.rule == .required else { return }
        let menteeNamed: Int32 = term.criterion.namingSide == .mentee && !named.isEmpty ? 1 : 0
        for (mentor, _) in named where column(mentor) >= 0 { mark[column(mentor)] = 1 }
        mark.withUnsafeBufferPointer { mark in
            if term.criterion.namingSide == .mentee {
                for column in 0..<count {
                    flags[column] |= UInt8(
                        truncatingIfNeeded: _CriterionRules.notNamed(binds: menteeNamed, named: mark[column]))
                }
            } else {
                term.mentorNamedAnyone.withUnsafeBufferPointer { binds in
                    for column in 0..<count {
                        flags[column] |= UInt8(
                            truncatingIfNeeded: _CriterionRules.notNamed(binds: binds[column], named: mark[column]))
                    }
                }
            }
        }
        for (mentor, _) in named where column(mentor) >= 0 { mark[column(mentor)] = 0 }
    }
}
