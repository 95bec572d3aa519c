/// A participant's stable identifier: their id from the sign-up (or their
/// email when the file has no id column), as written.
///
/// Pairs, exclusions and locks are keyed by it, so they keep their meaning
/// when the cohort changes (someone withdraws, a later round adds people) and
/// array indices move. Ordered as people read ids: "E3" < "E20" < "E112".
public struct ParticipantID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { rawValue }

    public static func < (lhs: ParticipantID, rhs: ParticipantID) -> Bool {
        _NaturalOrder.less(lhs.rawValue, rhs.rawValue)
    }

    /// Encoded as the plain string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
