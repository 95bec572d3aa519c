/// Why a particular mentee–mentor pair may never be proposed, whatever its score.
///
/// What a report may say about each is deliberately coarse: a declared
/// conflict is only ever "a conflict of interest is on record", never who
/// declared it or of what kind.
public enum ExclusionReason: String, Sendable, Hashable, Comparable {
    /// The same person signed up as mentor and as mentee.
    case samePerson = "same person"
    /// One line-manages the other (from the `manager` columns).
    case lineManagement = "line management"
    /// A declaration in the conflicts file (any kind).
    case declaredConflict = "declared conflict of interest"

    public static func < (lhs: ExclusionReason, rhs: ExclusionReason) -> Bool { lhs.rawValue < rhs.rawValue }
}
