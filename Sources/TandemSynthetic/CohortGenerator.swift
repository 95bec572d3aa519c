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

    /// One of the files a cohort is written as.
    public enum File: String, CaseIterable, Sendable {
        case mentors = "mentors.csv"
        case mentees = "mentees.csv"
        case conflicts = "conflicts.csv"
        case policy = "policy.toml"
        /// With late joiners: everyone's sign-ups, the late joiners' rows last.
        case menteesLater = "mentees-later.csv"
        /// With late joiners: everyone's conflicts, the late joiners' rows last.
        case conflictsLater = "conflicts-later.csv"
    }

    /// The files this cohort is written as: the later ones only with late joiners.
    public var files: [File] {
        File.allCases.filter { lateMentees > 0 || ($0 != .menteesLater && $0 != .conflictsLater) }
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

    /// Generates the files, held whole as text.
    ///
    /// - Complexity: O(mentees + mentors + topics).
    public func generate() -> Files {
        var texts: [File: String] = [:]
        generate { file, text in texts[file, default: ""] += text }
        let later = lateMentees > 0 ? (texts[.menteesLater] ?? "", texts[.conflictsLater] ?? "") : nil
        return Files(
            mentors: texts[.mentors] ?? "", mentees: texts[.mentees] ?? "", conflicts: texts[.conflicts] ?? "",
            policy: texts[.policy] ?? "", later: later)
    }

    /// Writes the files as the folder `path`, atomically, a row at a time:
    /// memory stays a few megabytes whatever the cohort's size (each mentor
    /// is remembered by three small numbers, for the mentees who name one as
    /// a line manager or a conflict).
    public func write(to path: String) throws {
        try AtomicDirectory.write(to: path) { folder in
            var streams: [File: StreamedFile] = [:]
            for file in files { streams[file] = try folder.create(file.rawValue) }
            try generate { file, text in try streams[file]!.append(text) }
            for stream in streams.values { try stream.close() }
        }
    }

    /// Generates the files in order, a piece at a time: `emit` gets each
    /// file's text, header first, one row per call.
    ///
    /// - Complexity: O(mentees + mentors + topics) time; O(mentors + topics)
    ///   memory besides what `emit` keeps.
    public func generate<Failure: Error>(_ emit: (File, String) throws(Failure) -> Void) throws(Failure) {
        var random = SeededGenerator(seed: seed)
        let names = topicNames()
        let organisations = (0..<max(4, (mentees + mentors) / 150)).map {
            $0 < Self.organisationNames.count ? Self.organisationNames[$0] : "Organisation \($0 + 1)"
        }
        let domains = organisations.map { $0.lowercased().filter { $0.isLetter || $0.isNumber } }
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
        func name(_ who: Identity) -> String { "\(Self.firstNames[Int(who.first)]) \(Self.lastNames[Int(who.last)])" }
        func email(_ who: Identity) -> String {
            let first = Self.firstNames[Int(who.first)].lowercased(), last = Self.lastNames[Int(who.last)].lowercased()
            return "\(first).\(last).\(who.index)@\(domains[Int(who.organisation)]).example.org"
        }
        func person(
            _ index: Int, _ random: inout SeededGenerator
        ) -> (identity: Identity, region: String, meeting: String, languages: String) {
            let first = UInt8(random.next() % UInt64(Self.firstNames.count))
            let last = UInt8(random.next() % UInt64(Self.lastNames.count))
            let organisation = Int32(random.next() % UInt64(organisations.count))
            let region = Self.regions[Int(random.next() % UInt64(Self.regions.count))]
            let mode = random.nextUnit()
            let meeting = mode < 0.6 ? "Either" : (mode < 0.85 ? "Online" : "In person")
            var languages = "English"
            if random.nextUnit() < 0.2 {
                languages += "; " + Self.secondLanguages[Int(random.next() % UInt64(Self.secondLanguages.count))]
            }
            return (
                Identity(first: first, last: last, organisation: organisation, index: Int32(index)), region, meeting,
                languages
            )
        }
        // A row before the late joiners' goes to the first round's file and,
        // with late joiners, to the later one too.
        func emitRow(_ line: String, _ file: File, _ later: File, late: Bool) throws(Failure) {
            if !late { try emit(file, line) }
            if lateMentees > 0 { try emit(later, line) }
        }

        let byteOrderMark = "\u{FEFF}"
        let header = [
            "Timestamp", "Participant ID", "Full name", "What is your email address?", "Organisation", "Level",
            "Region", "How would you like to meet?", "Languages", "Line manager (email)",
        ]
        try emit(
            .mentors,
            byteOrderMark
                + CSVWriter.line(
                    header + ["Skills you can offer (skill:level 1-3)", "How many mentees can you take?"]))
        var mentorIdentities: [Identity] = []
        mentorIdentities.reserveCapacity(mentors)
        for index in 0..<mentors {
            let who = person(index, &random)
            let level = Self.levels[2 + Int(random.next() % UInt64(Self.levels.count - 2))]
            let skills = distinctTopics(3 + Int(random.next() % 6), &random)
                .map { "\(names[$0]):\(1 + random.next() % 3)" }.joined(separator: "; ")
            var manager = ""
            if index > 0, random.nextUnit() < 0.1 {
                let candidate = Int(random.next() % UInt64(index))
                if mentorIdentities[candidate].organisation == who.identity.organisation {
                    manager = email(mentorIdentities[candidate])
                }
            }
            try emit(
                .mentors,
                CSVWriter.line([
                    timestamp(index, &random), "M\(index + 1)", name(who.identity), email(who.identity),
                    organisations[Int(who.identity.organisation)], level, who.region, who.meeting, who.languages,
                    manager, skills, String(1 + random.next() % 3),
                ]))
            mentorIdentities.append(who.identity)
        }
        try emitRow(
            byteOrderMark + CSVWriter.line(header + ["Your goals, most important first"]), .mentees, .menteesLater,
            late: false)
        try emitRow(
            byteOrderMark + CSVWriter.line(["person", "other", "kind"]), .conflicts, .conflictsLater, late: false)
        var mentorsAlsoMentees = Set<Int>()
        for index in 0..<(mentees + lateMentees) {
            let late = index >= mentees
            // About one in a hundred mentees is also a mentor (same email and name).
            var who = person(mentors + index, &random)
            if mentors > 0, random.nextUnit() < 0.01,
                case let mentor = Int(random.next() % UInt64(mentors)), mentorsAlsoMentees.insert(mentor).inserted
            {
                who.identity = mentorIdentities[mentor]
            }
            let level = Self.levels[Int(random.next() % UInt64(Self.levels.count - 2))]
            var goals = distinctTopics(2 + Int(random.next() % 4), &random).map { names[$0] }
            if random.nextUnit() < 0.04 {
                goals.append(random.nextUnit() < 0.5 ? "job hunting" : "mental health support")
            }
            var manager = ""
            if mentors > 0, random.nextUnit() < 0.1 {
                let candidate = Int(random.next() % UInt64(mentors))
                if mentorIdentities[candidate].organisation == who.identity.organisation {
                    manager = email(mentorIdentities[candidate])
                }
            }
            let row = CSVWriter.line([
                timestamp(index, &random), "E\(index + 1)", name(who.identity), email(who.identity),
                organisations[Int(who.identity.organisation)], level, who.region, who.meeting, who.languages,
                manager, goals.joined(separator: "; "),
            ])
            try emitRow(row, .mentees, .menteesLater, late: late)
            if mentors > 0, random.nextUnit() < 0.02 {
                let kinds = ["person", "personal-relationship", "line-management", "organisation"]
                let kind = kinds[Int(random.next() % 4)]
                let other =
                    kind == "organisation"
                    ? organisations[Int(random.next() % UInt64(organisations.count))]
                    : "M\(1 + random.next() % UInt64(mentors))"
                try emitRow(CSVWriter.line(["E\(index + 1)", other, kind]), .conflicts, .conflictsLater, late: late)
            }
        }
        try emit(.policy, policy(names))
    }

    /// Who someone is, as a few indices: the name and email follow from them.
    private struct Identity {
        var first: UInt8, last: UInt8, organisation: Int32, index: Int32
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
