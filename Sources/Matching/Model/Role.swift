/// Which side of the scheme a sign-up is on.
public enum Role: String, Sendable, Hashable, CaseIterable {
    case mentor, mentee

    /// `mentors` / `mentees`: the policy's section and the file's usual name.
    public var plural: String { rawValue + "s" }
}
