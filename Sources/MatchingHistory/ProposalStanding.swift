/// Where a proposal stands after it was sent: the latest response to it, or
/// its ending.
public enum ProposalStanding: String, Sendable, CaseIterable {
    /// Nobody has answered yet.
    case awaiting = "awaiting a reply"
    case accepted, declined
    /// The reply-by day passed without an answer (recorded as such).
    case noReply = "no reply"
    /// Accepted, then ended early (`tandem end`).
    case ended

    /// Whether a follow-up round keeps the proposal where it can (nobody
    /// has said no to it).
    var isPending: Bool { self == .awaiting || self == .noReply }
}
