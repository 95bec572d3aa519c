/// Which header of a sign-up file feeds which field, and how Tandem found
/// it: what `tandem validate` shows, so that a coordinator can check that
/// the right column was read before anything is sent.
public struct FileColumns: Sendable, Equatable {
    /// How a field's column was found.
    public enum Source: String, Sendable {
        /// Named under `[columns]` in the policy.
        case mapped = "mapped in the policy"
        /// The header is the field's own name ("email").
        case named = "by its name"
        /// One of the usual wordings of form tools ("Email address").
        case recognised = "recognised by its usual wording"
        /// A form tool's own column ("Email" of Microsoft Forms), used
        /// because the form asked for nothing else.
        case formTool = "the form tool's own column"
    }

    /// One field and the headers it is read from.
    public struct Use: Sendable, Equatable {
        public var field: String
        public var headers: [String]
        public var source: Source
    }

    /// The file, as given.
    public var file: String
    /// Whose rows: mentors or mentees (a one-file export is listed per side).
    public var role: Role
    /// Fields in the canonical order, with their headers.
    public var used: [Use]
    /// Headers no field reads (timestamps, consent, free text).
    public var unread: [String]
}
