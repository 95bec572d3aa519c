import Diagnostics
import Foundation
import Synchronization

/// Loads and validates a round's inputs: the policy, both sign-up files and
/// the conflicts file, into a ``Cohort``.
///
/// Every problem in every file is reported at once. Errors are thrown
/// together as one `InputDiagnostics`; warnings (out-of-scope goals, goals
/// nobody offers, too few places) come back with the cohort.
public enum CohortLoader {
    /// A loaded cohort and what is worth telling the coordinator about it.
    public struct Loaded: Sendable {
        public var cohort: Cohort
        public var warnings: [InputProblem]
        /// Which header fed which field, mentors' file first.
        public var columns: [FileColumns] = []
    }

    /// Loads the files named in `sources`; a `nil` policy path means the default policy.
    ///
    /// - Throws: `InputDiagnostics` with every error (and the warnings found
    ///   so far) when any file has an error.
    /// - Complexity: O(total size of the files + exclusions · log exclusions).
    public static func load(_ sources: Cohort.Sources) throws(InputDiagnostics) -> Loaded {
        try load(sources, policy: nil)
    }

    /// Loads the sign-up and conflicts files of `sources` under `policy`
    /// instead of the policy file: a what-if variant whose policy reads
    /// the sign-ups differently.
    ///
    /// - Throws: `InputDiagnostics` with every error, as ``load(_:)``.
    public static func load(_ sources: Cohort.Sources, policy given: Policy?) throws(InputDiagnostics) -> Loaded {
        var diagnostics = InputDiagnostics()
        var sources = sources
        var policy: Policy? = given ?? Policy()
        if given == nil, let policyPath = sources.policy {
            // A policy with errors in some keys still says how to read the
            // files, so their problems are reported in the same run.
            let file = PolicyLoader.read(path: policyPath)
            policy = file.policy
            sources.digests[policyPath] = file.sha256
            diagnostics.append(contentsOf: file.problems)
        }
        var mentorTable: CSVTable?
        var menteeTable: CSVTable?
        var conflictTable: CSVTable?
        var roleColumn: FileColumns.Use?
        // The sign-ups (one file, or one per side) and the conflicts, read together.
        let signupPaths = sources.signups.map { [$0] } ?? [sources.mentors, sources.mentees]
        let tables = Self.tables(signupPaths + (sources.conflicts.map { [$0] } ?? []))
        func table(_ index: Int) -> CSVTable? {
            switch tables[index] {
            case .success(let table): return table
            case .failure(let problems):
                diagnostics.append(contentsOf: problems)
                return nil
            }
        }
        if sources.signups != nil {
            // One file for everybody: its role column says who is on which side.
            if let table = table(0), let policy,
                let split = _RoleColumn.split(table, policy: policy, diagnostics: &diagnostics)
            {
                (mentorTable, menteeTable, roleColumn) = split
            }
        } else {
            mentorTable = table(0)
            menteeTable = table(1)
        }
        conflictTable = sources.conflicts == nil ? nil : table(signupPaths.count)
        guard let policy, let mentorTable, let menteeTable, conflictTable != nil || sources.conflicts == nil else {
            throw diagnostics
        }
        // What `round.json` records: the bytes that were read, not the files as they are later.
        for table in [mentorTable, menteeTable] + (conflictTable.map { [$0] } ?? []) {
            sources.digests[table.path] = table.sha256
        }
        var loaded = try build(
            policy: policy, mentors: mentorTable, mentees: menteeTable, conflicts: conflictTable,
            sources: sources, diagnostics: diagnostics)
        if let roleColumn {
            for index in loaded.columns.indices {
                loaded.columns[index].used.insert(roleColumn, at: 0)
                loaded.columns[index].unread.removeAll { $0 == roleColumn.headers[0] }
            }
        }
        return loaded
    }

    /// Validates already-parsed tables; the entry point for tests and generators.
    public static func build(
        policy: Policy, mentors mentorTable: CSVTable, mentees menteeTable: CSVTable,
        conflicts conflictTable: CSVTable?, sources: Cohort.Sources,
        diagnostics: InputDiagnostics = InputDiagnostics()
    ) throws(InputDiagnostics) -> Loaded {
        var diagnostics = diagnostics
        var taxonomy = Taxonomy(policy.taxonomy)
        var mentorLoader = _SignupLoader(table: mentorTable, role: .mentor, policy: policy)
        var menteeLoader = _SignupLoader(table: menteeTable, role: .mentee, policy: policy)
        var mentors = mentorLoader.load(taxonomy: &taxonomy, diagnostics: &diagnostics)
        var mentees = menteeLoader.load(taxonomy: &taxonomy, diagnostics: &diagnostics)
        // Without both files' columns, checks across files would only repeat the same error.
        guard mentorLoader.hasColumns, menteeLoader.hasColumns else { throw diagnostics }
        let newTopic = taxonomy.sortOpenTopics()
        for index in mentors.indices {
            for skill in mentors[index].skills.indices {
                mentors[index].skills[skill].topic = newTopic[mentors[index].skills[skill].topic]
            }
        }
        for index in mentees.indices {
            for goal in mentees[index].goals.indices {
                mentees[index].goals[goal].topic = newTopic[mentees[index].goals[goal].topic]
            }
        }
        // Indices follow sorted ids (digits by value: E3 before E20), so
        // shuffled rows give the same cohort (`Cohort` sorts them too; the
        // exclusions below are found by index).
        mentors.sort { $0.id < $1.id }
        mentees.sort { $0.id < $1.id }

        for (index, criterion) in policy.criteria.enumerated() where criterion.kind == .preferences {
            if criterion.namingSide == .mentee {
                var resolver = _PreferenceResolver(people: mentors, side: .mentor)
                resolver.resolve(
                    &mentees, criterion: index, label: criterion.label,
                    location: { menteeLoader.location(row: $0, criterion: index) }, &diagnostics)
            } else {
                var resolver = _PreferenceResolver(people: mentees, side: .mentee)
                resolver.resolve(
                    &mentors, criterion: index, label: criterion.label,
                    location: { mentorLoader.location(row: $0, criterion: index) }, &diagnostics)
            }
        }
        let directory = _PersonDirectory(mentors: mentors, mentees: mentees)
        var exclusions = Set<_IndexedExclusion>()
        var menteeOrganisations = [Set<String>](repeating: [], count: mentees.count)
        var mentorOrganisations = [Set<String>](repeating: [], count: mentors.count)
        func exclude(_ a: _PersonDirectory.Person, _ b: _PersonDirectory.Person, _ reason: ExclusionReason) {
            if let mentee = a.mentee, let mentor = b.mentor {
                exclusions.insert(_IndexedExclusion(mentee: mentee, mentor: mentor, reason: reason))
            }
            if let mentee = b.mentee, let mentor = a.mentor {
                exclusions.insert(_IndexedExclusion(mentee: mentee, mentor: mentor, reason: reason))
            }
        }
        for (index, mentee) in mentees.enumerated() {
            if let mentor = directory.person(of: mentee).mentor {
                exclusions.insert(_IndexedExclusion(mentee: index, mentor: mentor, reason: .samePerson))
            }
        }
        for person in mentors + mentees where !person.manager.isEmpty {
            // A manager outside the scheme is normal and excludes nobody; an
            // ambiguous one could hide a line-management pair, so it is an error.
            if directory.isAmbiguous(person.manager) {
                let loader = person.role == .mentor ? mentorLoader : menteeLoader
                diagnostics.error(
                    SourceLocation(
                        file: loader.table.path, row: person.row,
                        column: loader.columnsOf[.manager]?.first.map { $0 + 1 }),
                    "the line manager \"\(person.manager)\" is the id of a mentor and of a different mentee; give the manager's email."
                )
                continue
            }
            let me = directory.person(of: person)
            guard let manager = directory.find(person.manager), manager != me
            else { continue }
            exclude(me, manager, .lineManagement)
        }
        if let conflictTable {
            let declarations = _ConflictLoader(table: conflictTable, policy: policy).load(
                directory: directory, diagnostics: &diagnostics)
            for declaration in declarations {
                switch declaration {
                case .people(let a, let b): exclude(a, b, .declaredConflict)
                case .organisation(let person, let organisation):
                    if let mentee = person.mentee { menteeOrganisations[mentee].insert(organisation) }
                    if let mentor = person.mentor { mentorOrganisations[mentor].insert(organisation) }
                }
            }
        }
        // Coverage figures from rows that had errors would mislead; they come once the errors are fixed.
        if diagnostics.hasErrors { throw diagnostics }
        warnAboutCoverage(
            mentors: mentors, mentees: mentees, taxonomy: taxonomy, sources: sources,
            topicsAsked: mentorLoader.columnsOf[.skills] != nil && menteeLoader.columnsOf[.goals] != nil,
            &diagnostics)
        func byID(_ organisations: [Set<String>], _ people: [Participant]) -> [ParticipantID: [String]] {
            Dictionary(
                uniqueKeysWithValues: zip(people.map(\.id), organisations.map { $0.sorted() }).filter { !$0.1.isEmpty })
        }
        let cohort = try Cohort(
            policy: policy, taxonomy: taxonomy, mentors: mentors, mentees: mentees,
            exclusions: exclusions.sorted().map {
                PairExclusion(mentee: mentees[$0.mentee].id, mentor: mentors[$0.mentor].id, reason: $0.reason)
            },
            menteeOrganisationConflicts: byID(menteeOrganisations, mentees),
            mentorOrganisationConflicts: byID(mentorOrganisations, mentors), sources: sources)
        return Loaded(
            cohort: cohort, warnings: diagnostics.sorted,
            columns: [mentorLoader.columnReport, menteeLoader.columnReport])
    }

    /// The files' tables, in order, each read, parsed and hashed on a core
    /// of its own (the 68,000 mentees' and 32,000 mentors' files of a generated
    /// round: parsing and hashing them took a fifth of reading the sign-ups).
    private static func tables(_ paths: [String]) -> [Result<CSVTable, InputDiagnostics>] {
        let tables = Mutex([Result<CSVTable, InputDiagnostics>?](repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let table = Result { () throws(InputDiagnostics) in try CSVTable.load(path: paths[index]) }
            tables.withLock { $0[index] = table }
        }
        return tables.withLock { $0.map { $0! } }
    }

    /// Goals no mentor offers, and fewer places than mentees.
    private static func warnAboutCoverage(
        mentors: [Participant], mentees: [Participant], taxonomy: Taxonomy,
        sources: Cohort.Sources, topicsAsked: Bool, _ diagnostics: inout InputDiagnostics
    ) {
        let places = mentors.reduce(0) { $0 + $1.capacity }
        if !mentees.isEmpty, places < mentees.count {
            diagnostics.warning(
                SourceLocation(file: sources.mentors),
                "the mentors offer \(places) places in all for \(mentees.count) mentees, so at least \(mentees.count - places) mentee\(mentees.count - places == 1 ? "" : "s") cannot be matched."
            )
        }
        // A form that asks for no skills or goals (the policy's criteria match instead) has nothing to warn about.
        guard topicsAsked else { return }
        var offered = [Bool](repeating: false, count: taxonomy.topics.count)
        for mentor in mentors { for skill in mentor.skills { offered[skill.topic] = true } }
        var askers = [Int](repeating: 0, count: taxonomy.topics.count)
        for mentee in mentees { for goal in mentee.goals { askers[goal.topic] += 1 } }
        for topic in taxonomy.topics.indices where askers[topic] > 0 && !offered[topic] {
            let who = askers[topic] == 1 ? "1 mentee asks" : "\(askers[topic]) mentees ask"
            diagnostics.warning(
                SourceLocation(file: sources.mentees),
                "no mentor offers the goal \"\(taxonomy.topics[topic])\" (\(who) for it).")
        }
        for mentor in mentors where mentor.skills.isEmpty {
            diagnostics.warning(
                SourceLocation(file: sources.mentors, row: mentor.row),
                "the mentor \"\(mentor.id)\" offers no skill in scope, so no goal can be matched with them.")
        }
        for mentee in mentees where mentee.goals.isEmpty {
            diagnostics.warning(
                SourceLocation(file: sources.mentees, row: mentee.row),
                "the mentee \"\(mentee.id)\" lists no goal in scope, so only seniority, region, language and organisation can score their pairs."
            )
        }
    }
}
