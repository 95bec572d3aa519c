/// A column of the conflicts file.
public enum ConflictField: String, Sendable, Hashable, CaseIterable {
    case person, other, kind
}
