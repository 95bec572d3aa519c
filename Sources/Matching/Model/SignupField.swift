/// A column of a sign-up file, by its canonical name.
public enum SignupField: String, Sendable, Hashable, CaseIterable, Comparable {
    case id, name, email, organisation, department, seniority, region, meeting, languages, manager
    /// Mentors only: `topic:level` entries.
    case skills
    /// Mentors only: how many mentees they can take.
    case capacity
    /// Mentees only: topics in the mentee's order of priority.
    case goals

    /// Whether a file for `role` may have this column.
    public func applies(to role: Role) -> Bool {
        switch self {
        case .skills, .capacity: role == .mentor
        case .goals: role == .mentee
        default: true
        }
    }

    public static func < (lhs: SignupField, rhs: SignupField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
