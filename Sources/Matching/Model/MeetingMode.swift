import Foundation

/// How a participant can meet: online, in person, or either.
public enum MeetingMode: String, Sendable, Hashable, CaseIterable {
    case online
    case inPerson = "in person"
    case either

    /// Reads a sign-up cell; an empty cell means either. Accepts the usual
    /// form wordings ("in-person", "face to face", "both", "no preference",
    /// "virtual", "remote"), and checkbox answers listing several modes
    /// ("Online, In person" is either).
    init?(cell: String) {
        if let mode = Self.single(cell) {
            self = mode
            return
        }
        // A checkbox answer listing several modes, as "Online, In person".
        let parts = _Term.normalised(cell).replacingOccurrences(of: " or ", with: ",").replacingOccurrences(
            of: " and ", with: ","
        )
        .split(whereSeparator: { ",;&+".contains($0) }).map { String($0) }
        let modes = parts.map(Self.single)
        guard parts.count > 1, !modes.contains(nil) else { return nil }
        let online = modes.contains { $0!.allowsOnline }, inPerson = modes.contains { $0!.allowsInPerson }
        self = online && inPerson ? .either : (online ? .online : .inPerson)
    }

    private static func single(_ cell: some StringProtocol) -> MeetingMode? {
        switch _Term.normalised(cell) {
        case "", "either", "both", "any", "no preference", "online or in person", "in person or online", "hybrid":
            .either
        case "online", "virtual", "remote", "video", "online only", "video call", "phone":
            .online
        case "in person", "inperson", "face to face", "f2f", "in person only":
            .inPerson
        default:
            nil
        }
    }

    var allowsOnline: Bool { self != .inPerson }
    var allowsInPerson: Bool { self != .online }
}
