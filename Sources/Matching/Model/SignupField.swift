/// A column of a sign-up file, by its canonical name.
public enum SignupField: String, Sendable, Hashable, CaseIterable, Comparable {
    case id, name, email, organisation, department, seniority, region, meeting, languages, manager
    /// Mentors only: `topic:level` entries.
    case skills
    /// Mentors only: how many mentees they can take.
    case capacity
    /// Mentees only: topics in the mentee's order of priority.
    case goals

    /// Headers form tools commonly use for this field (normalised as
    /// `_Term.normalised`), recognised when the policy maps nothing for it.
    var commonHeaders: Set<String> {
        switch self {
        case .id: ["participant id", "respondent id", "staff number", "employee id", "employee number", "student id"]
        case .name: ["full name", "your name", "your full name", "name (first and last)"]
        case .email:
            [
                "email address", "e mail", "e mail address", "your email", "your email address",
                "what is your email address?", "email address:",
            ]
        case .organisation:
            ["organization", "company", "employer", "institution", "your organisation", "your organization"]
        case .department: ["team", "division", "faculty", "directorate"]
        case .seniority: ["grade", "level", "career stage", "job level"]
        case .region: ["location", "city", "where are you based?", "office location"]
        case .meeting: ["meeting preference", "meeting mode", "how would you like to meet?", "preferred meeting type"]
        case .languages: ["language", "languages spoken", "languages you speak"]
        case .manager:
            ["line manager", "line manager email", "line manager's email", "manager email", "manager's email"]
        case .skills: ["skills you can offer", "areas of expertise", "expertise", "skills offered"]
        case .capacity:
            ["how many mentees can you take?", "number of mentees", "max mentees", "maximum mentees", "mentees"]
        case .goals:
            [
                "goals", "areas you want help with", "what would you like help with?", "development goals",
                "mentoring goals",
            ]
        }
    }

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
