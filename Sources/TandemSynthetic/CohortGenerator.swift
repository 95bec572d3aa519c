import Foundation
import MatchingReports
import _TandemUtilities

/// Seeded synthetic cohorts that look like real form exports: the sign-up
/// CSVs, a conflicts file and a policy, for tests, benchmarks and
/// `tandem generate`. The same settings and seed give the same bytes.
///
/// What it models: topics whose popularity falls off (a few are asked for by
/// many), mentors more senior than mentees on average, 1–3 places per mentor,
/// mixed meeting modes across twelve regions, a second language for some,
/// line managers within an organisation, a few people who sign up on both
/// sides, a few out-of-scope goals, and about one declared conflict per fifty
/// people.
///
/// Late joiners (`lateMentees`) are mentees who sign up after the first
/// round: `mentees.csv` and `conflicts.csv` leave them out, and
/// `mentees-later.csv` and `conflicts-later.csv` are the same files as a form
/// exports them later, with the late joiners' rows after everyone else's.
public struct CohortGenerator: Sendable {
    public var mentees: Int
    public var mentors: Int
    /// Mentees who sign up after the first round.
    public var lateMentees = 0
    /// Size of the taxonomy (at least 1).
    public var topics = 60
    public var seed: UInt64 = 1

    public init(mentees: Int, mentors: Int, lateMentees: Int = 0, topics: Int = 60, seed: UInt64 = 1) {
        self.mentees = mentees
        self.mentors = mentors
        self.lateMentees = max(0, lateMentees)
        self.topics = max(1, topics)
        self.seed = seed
    }

    /// The files of one generated cohort, as text.
    public struct Files: Sendable {
        public var mentors: String
        public var mentees: String
        public var conflicts: String
        public var policy: String
        /// With late joiners: the mentees' and conflicts' files including them.
        public var later: (mentees: String, conflicts: String)?
    }

    static let levels = ["intern", "associate", "analyst", "senior analyst", "lead", "principal", "director"]
    static let regions = [
        "London", "South East", "South West", "East of England", "West Midlands", "East Midlands",
        "Yorkshire", "North West", "North East", "Wales", "Scotland", "Northern Ireland",
    ]
    static let secondLanguages = ["Welsh", "French", "Spanish", "Urdu", "Polish", "Punjabi", "Mandarin", "Arabic"]
    static let namedTopics = [
        "career planning", "leadership", "presenting", "networking", "confidence", "project delivery",
        "stakeholder management", "python", "data analysis", "machine learning", "statistics", "policy making",
        "writing", "negotiation", "finance", "budgeting", "research methods", "grant writing", "teaching",
        "public engagement", "software engineering", "cloud computing", "cyber security", "user research",
        "product management", "line management", "coaching", "time management", "work-life balance",
        "international work", "procurement", "communications", "digital transformation", "innovation",
        "ethics", "law and regulation", "operations", "entrepreneurship", "sustainability", "diversity and inclusion",
    ]
    static let organisationNames = [
        "Northgate University", "Riverside Health Trust", "Department for Transport", "Harbour City Council",
        "Westbrook Institute", "Ashford Research Labs", "Valley Water", "Kingsmead College", "Office for Statistics",
        "Eastfield Hospital", "Greenway Energy", "Portside Museum",
    ]
    static let firstNames = [
        "Alex", "Sam", "Priya", "Tom", "Aisha", "Ben", "Chen", "Dara", "Ella", "Femi", "Grace",
        "Hugo", "Ines", "Jamal", "Kate", "Liam", "Maya", "Nia", "Omar", "Rosa", "Yusuf", "Zoe",
    ]
    static let lastNames = [
        "Smith", "Jones", "Patel", "Khan", "Williams", "Brown", "Taylor", "Davies", "Evans",
        "Wilson", "Chen", "Okafor", "Murphy", "Walsh", "Hughes", "Ali", "Clarke", "Novak",
    ]

    /// The topic names: real ones first, then numbered specialisms.
    func topicNames() -> [String] {
        (0..<topics).map { $0 < Self.namedTopics.count ? Self.namedTopics[$0] : "specialism \($0 + 1)" }
    }

    /// Generates the four files.
    ///
    /// - Complexity: O(mentees + mentors + topics).
    public func generate() -> Files {
        var random = SeededGenerator(seed: seed)
        let names = topicNames()
        let organisations = (0..<max(4, (mentees + mentors) / 150)).map {
            $0 < Self.organisationNames.count ? Self.organisationNames[$0] : "Organisation \($0 + 1)"
        }
        // Popular topics first: topic t is drawn with weight 1/(t+3).
        let weights = (0..<topics).map { 1.0 / Double($0 + 3) }
        let total = weights.reduce(0, +)
        var cumulative: [Double] = []
        var running = 0.0
        for weight in weights {
            running += weight / total
            cumulative.append(running)
        }
        func topic(_ random: inout SeededGenerator) -> Int {
            let draw = random.nextUnit()
            var low = 0, high = cumulative.count - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] < draw { low = mid + 1 } else { high = mid }
            }
            return low
        }
        func distinctTopics(_ count: Int, _ random: inout SeededGenerator) -> [Int] {
            var chosen: [Int] = []
            var attempts = 0
            while chosen.count < min(count, topics), attempts < 50 * count {
                let next = topic(&random)
                if !chosen.contains(next) { chosen.append(next) }
                attempts += 1
            }
            return chosen
        }
        func person(
            _ index: Int, _ random: inout SeededGenerator
        ) -> (name: String, email: String, organisation: String, region: String, meeting: String, languages: String) {
            let first = Self.firstNames[Int(random.next() % UInt64(Self.firstNames.count))]
            let last = Self.lastNames[Int(random.next() % UInt64(Self.lastNames.count))]
            let organisation = organisations[Int(random.next() % UInt64(organisations.count))]
            let region = Self.regions[Int(random.next() % UInt64(Self.regions.count))]
            let mode = random.nextUnit()
            let meeting = mode < 0.6 ? "Either" : (mode < 0.85 ? "Online" : "In person")
            var languages = "English"
            if random.nextUnit() < 0.2 {
                languages += "; " + Self.secondLanguages[Int(random.next() % UInt64(Self.secondLanguages.count))]
            }
            let domain = organisation.lowercased().filter { $0.isLetter || $0.isNumber }
            let email = "\(first.lowercased()).\(last.lowercased()).\(index)@\(domain).example.org"
            return ("\(first) \(last)", email, organisation, region, meeting, languages)
        }

        let header = [
            "Timestamp", "Participant ID", "Full name", "What is your email address?", "Organisation", "Level",
            "Region", "How would you like to meet?", "Languages", "Line manager (email)",
        ]
        var mentorCSV = CSVWriter(
            header: header + ["Skills you can offer (skill:level 1-3)", "How many mentees can you take?"])
        var menteeCSV = CSVWriter(header: header + ["Your goals, most important first"])
        var conflictCSV = CSVWriter(header: ["person", "other", "kind"])
        // The first round's files are kept aside when the late joiners' rows begin.
        var firstRound: (mentees: String, conflicts: String)?
        var mentorEmails: [String] = [], mentorOrganisations: [String] = [], mentorNames: [String] = []
        for index in 0..<mentors {
            let who = person(index, &random)
            let level = Self.levels[2 + Int(random.next() % UInt64(Self.levels.count - 2))]
            let skills = distinctTopics(3 + Int(random.next() % 6), &random)
                .map { "\(names[$0]):\(1 + random.next() % 3)" }.joined(separator: "; ")
            var manager = ""
            if index > 0, random.nextUnit() < 0.1 {
                let candidate = Int(random.next() % UInt64(index))
                if mentorOrganisations[candidate] == who.organisation { manager = mentorEmails[candidate] }
            }
            mentorCSV.append([
                timestamp(index, &random), "M\(index + 1)", who.name, who.email, who.organisation, level,
                who.region, who.meeting, who.languages, manager, skills, String(1 + random.next() % 3),
            ])
            mentorEmails.append(who.email)
            mentorOrganisations.append(who.organisation)
            mentorNames.append(who.name)
        }
        var mentorsAlsoMentees = Set<Int>()
        for index in 0..<(mentees + lateMentees) {
            if index == mentees, lateMentees > 0 { firstRound = (menteeCSV.text, conflictCSV.text) }
            // About one in a hundred mentees is also a mentor (same email and name).
            var who = person(mentors + index, &random)
            if mentors > 0, random.nextUnit() < 0.01,
                case let mentor = Int(random.next() % UInt64(mentors)), mentorsAlsoMentees.insert(mentor).inserted
            {
                who.email = mentorEmails[mentor]
                who.organisation = mentorOrganisations[mentor]
                who.name = mentorNames[mentor]
            }
            let level = Self.levels[Int(random.next() % UInt64(Self.levels.count - 2))]
            var goals = distinctTopics(2 + Int(random.next() % 4), &random).map { names[$0] }
            if random.nextUnit() < 0.04 {
                goals.append(random.nextUnit() < 0.5 ? "job hunting" : "mental health support")
            }
            var manager = ""
            if mentors > 0, random.nextUnit() < 0.1 {
                let candidate = Int(random.next() % UInt64(mentors))
                if mentorOrganisations[candidate] == who.organisation { manager = mentorEmails[candidate] }
            }
            menteeCSV.append([
                timestamp(index, &random), "E\(index + 1)", who.name, who.email, who.organisation, level,
                who.region, who.meeting, who.languages, manager, goals.joined(separator: "; "),
            ])
            if mentors > 0, random.nextUnit() < 0.02 {
                let kinds = ["person", "personal-relationship", "line-management", "organisation"]
                let kind = kinds[Int(random.next() % 4)]
                let other =
                    kind == "organisation"
                    ? organisations[Int(random.next() % UInt64(organisations.count))]
                    : "M\(1 + random.next() % UInt64(mentors))"
                conflictCSV.append(["E\(index + 1)", other, kind])
            }
        }
        guard let firstRound else {
            return Files(
                mentors: mentorCSV.text, mentees: menteeCSV.text, conflicts: conflictCSV.text, policy: policy(names))
        }
        return Files(
            mentors: mentorCSV.text, mentees: firstRound.mentees, conflicts: firstRound.conflicts,
            policy: policy(names), later: (menteeCSV.text, conflictCSV.text))
    }

    private func timestamp(_ index: Int, _ random: inout SeededGenerator) -> String {
        let day = 1 + Int(random.next() % 28), minute = Int(random.next() % 1440)
        let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "2027-01-\(pad(day)) \(pad(minute / 60)):\(pad(minute % 60))"
    }

    private func policy(_ names: [String]) -> String {
        let quoted = { (items: [String]) in items.map { "\"\($0)\"" }.joined(separator: ", ") }
        let synonyms = [("ML", "machine learning"), ("public speaking", "presenting")]
            .filter { names.contains($0.1) }.map { "\"\($0.0)\" = \"\($0.1)\"" }.joined(separator: ", ")
        return """
            # Generated by tandem generate (seed \(seed)): \(mentees) mentees\(lateMentees > 0 ? " (and \(lateMentees) late)" : ""), \(mentors) mentors, \(topics) topics.
            name = "Generated cohort (seed \(seed))"
            start_date = 2027-02-01

            [rules]
            same_organisation = "penalise 3"

            [seniority]
            levels = [\(quoted(Self.levels))]
            minimum_gap = 1
            ideal_gap = 2

            [taxonomy]
            topics = [\(quoted(names))]
            synonyms = { \(synonyms) }

            [columns]
            id = "Participant ID"
            name = "Full name"
            email = "What is your email address?"
            seniority = "Level"
            meeting = "How would you like to meet?"
            manager = "Line manager (email)"

            [columns.mentors]
            skills = "Skills you can offer (skill:level 1-3)"
            capacity = "How many mentees can you take?"

            [columns.mentees]
            goals = "Your goals, most important first"

            """
    }
}

extension CohortGenerator.Files {
    /// Writes `mentors.csv`, `mentees.csv`, `conflicts.csv` and `policy.toml`
    /// (and, with late joiners, `mentees-later.csv` and `conflicts-later.csv`)
    /// as the folder `path`, atomically.
    public func write(to path: String) throws {
        let later = later.map {
            [("mentees-later.csv", Data($0.mentees.utf8)), ("conflicts-later.csv", Data($0.conflicts.utf8))]
        }
        try AtomicDirectory.write(
            [
                ("mentors.csv", Data(mentors.utf8)), ("mentees.csv", Data(mentees.utf8)),
                ("conflicts.csv", Data(conflicts.utf8)), ("policy.toml", Data(policy.utf8)),
            ] + (later ?? []), to: path)
    }
}
