/// Why a particular mentee–mentor pair may never be proposed, whatever its score.
///
/// What a report may say about each is deliberately coarse: a declared
/// conflict is only ever "a conflict of interest is on record", never who
/// declared it or of what kind; a declined proposal or an earlier pairing is
/// "excluded for this round", never more.
public enum ExclusionReason: String, Sendable, Hashable, Comparable, Codable, CaseIterable {
    /// The same person signed up as mentor and as mentee.
    case samePerson = "same person"
    /// One line-manages the other (from the `manager` columns).
    case lineManagement = "line management"
    /// A declaration in the conflicts file (any kind).
    case declaredConflict = "declared conflict of interest"
    /// The mentee or mentor declined this pair when it was proposed.
    case declined = "declined proposal"
    /// They were paired in an earlier round (a reassigned mentee is never
    /// re-paired with the previous mentor).
    case earlierPair = "earlier pairing"
    /// The coordinator excluded the pair for this round.
    case coordinator = "excluded by the coordinator"

    public static func < (lhs: ExclusionReason, rhs: ExclusionReason) -> Bool { lhs.rawValue < rhs.rawValue }
}
