/// How a participant can meet: online, in person, or either.
public enum MeetingMode: String, Sendable, Hashable, CaseIterable {
    case online
    case inPerson = "in person"
    case either

    /// Reads a sign-up cell; an empty cell means either. Accepts the usual
    /// form wordings ("in-person", "face to face", "both", "no preference",
    /// "virtual", "remote").
    init?(cell: String) {
        switch _Term.normalised(cell) {
        case "", "either", "both", "any", "no preference", "online or in person", "in person or online", "hybrid":
            self = .either
        case "online", "virtual", "remote", "video", "online only":
            self = .online
        case "in person", "inperson", "face to face", "f2f", "in person only":
            self = .inPerson
        default:
            return nil
        }
    }

    var allowsOnline: Bool { self != .inPerson }
    var allowsInPerson: Bool { self != .online }
}
