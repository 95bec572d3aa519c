/// Why scores cannot be computed.
public enum ScoringError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The largest possible score, in units, does not fit the exact range.
    case scoresTooLarge(bound: Int64, resolution: Double)

    public var description: String {
        switch self {
        case .scoresTooLarge(let bound, let resolution):
            "scores could reach \(bound) units of \(resolution) points, more than can be held exactly; use a coarser resolution or smaller weights."
        }
    }
}
