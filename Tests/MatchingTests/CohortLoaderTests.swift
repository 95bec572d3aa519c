import Diagnostics
import Foundation
import Matching
import Testing
import _TandemUtilities

@Suite struct CohortLoaderTests {
    @Test("The small cohort loads: people sorted by id, synonyms resolved, out-of-scope goals set aside")
    func smallCohort() throws {
        let loaded = try CohortLoader.load(Fixtures.small)
        let cohort = loaded.cohort
        #expect(cohort.mentors.map(\.id) == ["E101", "E102", "E103", "E104", "E105", "E106"])
        #expect(cohort.mentees.map(\.id) == ["E106", "E201", "E202", "E203", "E204", "E205", "E206", "E207", "E208"])
        let liam = cohort.mentees[cohort.menteeIndex(named: "E206")!]
        #expect(liam.goals.map { cohort.taxonomy.topics[$0.topic] } == ["machine learning", "python"])
        #expect(liam.outOfScopeGoals == ["job hunting"])
        let femi = cohort.mentees[cohort.menteeIndex(named: "femi.adeyemi@hmrc.gov.uk")!]
        #expect(femi.goals.map { cohort.taxonomy.topics[$0.topic] } == ["leadership", "career planning", "presenting"])
        #expect(cohort.mentors.map(\.capacity) == [2, 1, 3, 1, 2, 1])
        #expect(
            loaded.warnings.map(\.description) == [
                "\(Fixtures.small.mentees): warning: no mentor offers the goal \"confidence\" (1 mentee asks for it).",
                "\(Fixtures.small.mentees):3:11: warning: the goal \"mental health support\" is out of scope; it is not matched on; signpost the mentee to the right support.",
                "\(Fixtures.small.mentees):8:11: warning: the goal \"job hunting\" is out of scope; it is not matched on; signpost the mentee to the right support.",
            ])
    }

    @Test("Exclusions: the same person, line managers from either side, and every declared conflict")
    func exclusions() throws {
        let cohort = try CohortLoader.load(Fixtures.small).cohort
        let named = cohort.exclusions.map { "\($0.mentee)–\($0.mentor): \($0.reason.rawValue)" }
        #expect(
            named == [
                "E106–E102: line management",  // Femi's line manager is Bilal
                "E106–E106: same person",  // Femi signed up on both sides
                "E201–E104: line management",  // Grace's manager is Dev (by staff number)
                "E202–E102: declared conflict of interest",  // personal relationship
                "E207–E101: declared conflict of interest",  // person
                "E208–E105: declared conflict of interest",  // declared line management
            ])
        let kate = cohort.menteeIndex(named: "E205")!
        #expect(cohort.menteeOrganisationConflicts[kate] == ["cabinet office"])
    }

    @Test("Shuffled rows give the same cohort and the same scores")
    func rowOrderDoesNotMatter() throws {
        func shuffled(_ path: String, seed: UInt64) throws -> String {
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            var random = SeededGenerator(seed: seed)
            return ([lines[0]] + lines.dropFirst().shuffled(using: &random)).joined(separator: "\n") + "\n"
        }
        let policy = try String(contentsOfFile: Fixtures.small.policy!, encoding: .utf8)
        let original = try Fixtures.cohort(
            policy: policy, mentors: shuffled(Fixtures.small.mentors, seed: 0),
            mentees: shuffled(Fixtures.small.mentees, seed: 0),
            conflicts: shuffled(Fixtures.small.conflicts!, seed: 0)
        ).cohort
        for seed in UInt64(1)...5 {
            let other = try Fixtures.cohort(
                policy: policy, mentors: shuffled(Fixtures.small.mentors, seed: seed),
                mentees: shuffled(Fixtures.small.mentees, seed: seed),
                conflicts: shuffled(Fixtures.small.conflicts!, seed: seed)
            ).cohort
            #expect(other.mentees.map(\.id) == original.mentees.map(\.id))
            #expect(other.exclusions == original.exclusions)
            #expect(try ScoringModel(cohort: other).scoreMatrix() == ScoringModel(cohort: original).scoreMatrix())
        }
    }

    @Test("Without a taxonomy, topics come from the sign-ups, numbered in name order")
    func openTaxonomy() throws {
        let loaded = try Fixtures.cohort(
            policy: "",
            mentors: "email,skills\nb@x.org,Zoology:2; art\n",
            mentees: "email,goals\na@x.org,art; Machine-Learning\n")
        #expect(loaded.cohort.taxonomy.topics == ["art", "machine learning", "zoology"])
        #expect(loaded.cohort.mentors[0].skills.map(\.level) == [2, 1])
        #expect(loaded.cohort.mentees[0].id == "a@x.org")
    }

    @Test("A line manager given by an id that a mentor and a different mentee share is an error, not a silent miss")
    func ambiguousManager() {
        do {
            _ = try Fixtures.cohort(
                policy: "", mentors: "id,email,skills,manager\n1,m@x.org,art,\n2,n@x.org,art,1\n",
                mentees: "id,email,goals\n1,e@x.org,art\n")
            Issue.record("expected an error")
        } catch let error as InputDiagnostics {
            #expect(
                error.errors.map(\.description) == [
                    "mentors.csv:3:4: error: the line manager \"1\" is the id of a mentor and of a different mentee; give the manager's email."
                ])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("An organisation conflict naming an organisation nobody belongs to is an error with did-you-mean")
    func unknownOrganisationConflict() throws {
        let error = #expect(throws: InputDiagnostics.self) {
            try Fixtures.cohort(
                policy: "", mentors: "email,skills,organisation\nm@x.org,art,Acme Health\n",
                mentees: "email,goals,organisation\ne@x.org,art,Beta\n",
                conflicts: "person,other,kind\ne@x.org,Acme Helth,organisation\n")
        }
        #expect(
            error?.errors.map(\.description) == [
                "conflicts.csv:2:2: error: no participant belongs to the organisation \"Acme Helth\", so this conflict would exclude nobody; did you mean \"Acme Health\"? write the organisation as the sign-up files do, or remove the row."
            ])
    }

    @Test("A Microsoft Forms export: its response ID is not an id, its anonymous Email loses to the question")
    func microsoftForms() throws {
        let mentees = """
            ID,Start time,Completion time,Email,Name,Last modified time,Email address,Full name,Your goals
            1,1/10/27 9:30:00,1/10/27 9:34:12,anonymous,,,grace@x.org,Grace Hall,python
            2,1/10/27 9:31:00,1/10/27 9:35:40,anonymous,,,hamza@x.org,Hamza Ali,python

            """
        let loaded = try Fixtures.cohort(
            policy: "[columns.mentees]\ngoals = \"Your goals\"\n", mentors: "email,skills\nm@x.org,python\n",
            mentees: mentees)
        #expect(loaded.cohort.mentees.map(\.id.rawValue) == ["grace@x.org", "hamza@x.org"])
        #expect(loaded.cohort.mentees.map(\.name) == ["Grace Hall", "Hamza Ali"])
        // A form that asked nothing itself: the account's email and name are the person's.
        let signedIn = try Fixtures.cohort(
            policy: "", mentors: "email,skills\nm@x.org,python\n",
            mentees: "ID,Start time,Completion time,Email,Name,goals\n7,a,b,ivy@x.org,Ivy Lee,python\n")
        #expect(signedIn.cohort.mentees.map(\.id.rawValue) == ["ivy@x.org"])
        #expect(signedIn.cohort.mentees.map(\.name) == ["Ivy Lee"])
    }

    @Test("A field from several columns: names joined, lists joined, seniority from either ladder")
    func severalColumns() throws {
        let policy = """
            [seniority]
            levels = ["junior", "mid", "senior"]
            minimum_gap = 0
            equivalents = { "Lecturer" = "mid", "Professor" = "senior" }
            [columns]
            name = ["First name", "Last name"]
            seniority = ["Professional grade", "Academic grade"]
            [columns.mentees]
            goals = ["First goal", "Other goals"]

            """
        let loaded = try Fixtures.cohort(
            policy: policy,
            mentors:
                "First name,Last name,email,skills,Professional grade,Academic grade\nAda,Lovelace,a@x.org,art,,Professor\n",
            mentees: "First name,Last name,email,First goal,Other goals,Professional grade,Academic grade\n"
                + "Bo,,b@x.org,art,\"law; maths\",junior,Lecturer\n")
        #expect(loaded.cohort.mentors[0].name == "Ada Lovelace" && loaded.cohort.mentees[0].name == "Bo")
        #expect(loaded.cohort.mentors[0].seniority == 2 && loaded.cohort.mentees[0].seniority == 0)
        #expect(loaded.cohort.mentees[0].goals.count == 3)
    }

    @Test("Column lists and ladders that do not fit are located policy errors")
    func badColumnLists() {
        let text = """
            [seniority]
            levels = ["junior", "senior"]
            equivalents = { "Reader" = "seniour" }
            [columns]
            name = []
            region = ["Region", 3]
            [roles]
            mentor = ["Yes"]
            both = ["yes"]

            """
        let error = #expect(throws: InputDiagnostics.self) { try PolicyLoader.parse(text, path: "p.toml") }
        #expect(
            error?.sorted.map(\.description) == [
                "p.toml:3: error: seniority.equivalents reads \"Reader\" as \"seniour\", which is not one of seniority.levels (junior, senior); did you mean \"senior\"?",
                "p.toml:5: error: columns.name must be a header in quotes, or a list of headers such as [\"First name\", \"Last name\"], not an empty list.",
                "p.toml:6: error: columns.region lists a whole number; every entry must be a header in quotes.",
                "p.toml:9: error: the answer \"yes\" is under both roles.mentor and roles.both.",
            ])
    }

    @Test("A scheme that collects no email identifies people by id; the same id on both sides is one person")
    func idsWithoutEmails() throws {
        let loaded = try Fixtures.cohort(
            policy: "", mentors: "id,name,skills\nP7,Ada Lee,art\nP8,Ben Ode,art\n",
            mentees: "id,name,goals\nP7,Ada Lee,art\nP9,Cy Fox,art\n",
            conflicts: "person,other,kind\nP9,P8,person\n")
        #expect(loaded.cohort.mentees.map(\.id.rawValue) == ["P7", "P9"])
        #expect(
            Set(loaded.cohort.exclusions.map { "\($0.mentee)-\($0.mentor) \($0.reason)" }) == [
                "P7-P7 samePerson", "P9-P8 declaredConflict",
            ])
        do {
            _ = try Fixtures.cohort(
                policy: "", mentors: "id,email,skills\n,,art\n", mentees: "name,goals\nBo,art\n")
            Issue.record("expected errors")
        } catch let error as InputDiagnostics {
            #expect(
                error.errors.map(\.description).sorted() == [
                    "mentees.csv:1: error: the required column \"email\" (each mentee needs an email, an id, or both) is missing; name it in the header, or map the file's own header in the policy under [columns.mentees].",
                    "mentors.csv:2:1: error: the id and the email are both empty; every mentor needs one of them.",
                ])
        }
    }

    @Test("List cells written by scripts as list literals read as lists")
    func listLiterals() throws {
        let loaded = try Fixtures.cohort(
            policy: "",
            mentors:
                "email,skills,languages\nm@x.org,\"['python:3', 'art:2']\",\"[\"\"English\"\", 'Welsh, Cymraeg']\"\n",
            mentees: "email,goals\ne@x.org,['art']\nf@x.org,[]\n")
        #expect(loaded.cohort.mentors[0].skills.map(\.level) == [3, 2])
        #expect(loaded.cohort.mentors[0].languages == ["English", "Welsh, Cymraeg"])
        #expect(loaded.cohort.mentees.map(\.goals.count) == [1, 0])
    }

    @Test("A conflict naming a person by name suggests their id, with the name")
    func conflictByName() throws {
        let error = #expect(throws: InputDiagnostics.self) {
            try Fixtures.cohort(
                policy: "", mentors: "id,name,email,skills\nM1,Alice Archer,a@x.org,art\n",
                mentees: "id,name,email,goals\nE1,Bo Chan,b@x.org,art\n",
                conflicts: "person,other,kind\nE1,alice archer,person\nE1,Alice Archr,person\n")
        }
        #expect(
            error?.errors.map(\.description) == [
                "conflicts.csv:2:2: error: \"alice archer\" is a name; conflicts name people by id or email: did you mean \"M1\" (Alice Archer)?",
                "conflicts.csv:3:2: error: \"Alice Archr\" names nobody in the sign-ups; did you mean \"M1\" (Alice Archer)?",
            ])
    }

    @Test("Policy errors and sign-up errors come in one run whenever the policy is TOML")
    func policyAndFileErrorsTogether() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-together-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = [
            "policy.toml": "weights.goal_macth = 3\n[columns]\nemail = \"Email address\"\n",
            "mentors.csv": "Email address,skills,capacity\nm@x.org,art,many\n",
            "mentees.csv": "Email address,goals\nnot-an-email,art\n",
        ]
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        do {
            _ = try CohortLoader.load(
                Cohort.Sources(
                    mentors: folder + "/mentors.csv", mentees: folder + "/mentees.csv",
                    policy: folder + "/policy.toml"))
            Issue.record("expected errors")
        } catch {
            #expect(
                error.errors.map { $0.location.file.split(separator: "/").last.map(String.init) ?? "" }.sorted() == [
                    "mentees.csv", "mentors.csv", "policy.toml",
                ])
        }
    }

    @Test("A blank capacity takes the policy's default, with a warning at its cell")
    func blankCapacity() throws {
        let loaded = try Fixtures.cohort(
            policy: "default_capacity = 2\n", mentors: "email,skills,capacity\nm@x.org,art,\nn@x.org,art,3\n",
            mentees: "email,goals\ne@x.org,art\n")
        #expect(loaded.cohort.mentors.map(\.capacity) == [2, 3])
        #expect(
            loaded.warnings.map(\.description).contains(
                "mentors.csv:2:3: warning: the capacity is blank, so this mentor takes the default of 2 (default_capacity in the policy)."
            ))
    }

    @Test("The usual form-tool headers are recognised without a mapping; an ambiguous one is not guessed")
    func commonHeaders() throws {
        let loaded = try Fixtures.cohort(
            policy: "",
            mentors:
                "Timestamp,Email Address,Full Name,Company,Areas of expertise,Max mentees\nx,a@x.org,Ann Lee,Acme,python:3,2\n",
            mentees: "Timestamp,E-mail,Your name,Organization,Development goals\nx,b@x.org,Bo Chan,Beta,python\n")
        #expect(loaded.cohort.mentors[0].name == "Ann Lee" && loaded.cohort.mentors[0].organisation == "Acme")
        #expect(loaded.cohort.mentors[0].capacity == 2)
        #expect(loaded.cohort.mentees[0].name == "Bo Chan" && loaded.cohort.mentees[0].goals.count == 1)
        #expect(throws: InputDiagnostics.self) {
            try Fixtures.cohort(
                policy: "", mentors: "Email Address,E-mail,skills\na@x.org,b@x.org,art\n",
                mentees: "email,goals\nc@x.org,art\n")
        }
    }

    @Test(
        "Meeting modes as form tools write them, checkbox lists included",
        arguments: [
            ("Online, In person", MeetingMode.either), ("In-person", .inPerson), ("Video call", .online),
            ("online or face to face", .either),
            ("", .either), ("No preference", .either), ("Online; online only", .online),
        ])
    func meetingModes(cell: String, mode: MeetingMode) throws {
        let loaded = try Fixtures.cohort(
            policy: "", mentors: "email,skills,meeting\na@x.org,art,\"\(cell)\"\n",
            mentees: "email,goals\nb@x.org,art\n")
        #expect(loaded.cohort.mentors[0].meeting == mode)
    }

    @Test("People with nothing to match on are pointed out")
    func nothingToMatchOn() throws {
        let loaded = try Fixtures.cohort(
            policy: "", mentors: "email,skills\nm@x.org,\n", mentees: "email,goals\ne@x.org,job hunting\n")
        #expect(
            loaded.warnings.map(\.description) == [
                "mentees.csv:2: warning: the mentee \"e@x.org\" lists no goal in scope, so only seniority, region, language and organisation can score their pairs.",
                "mentees.csv:2:2: warning: the goal \"job hunting\" is out of scope; it is not matched on; signpost the mentee to the right support.",
                "mentors.csv:2: warning: the mentor \"m@x.org\" offers no skill in scope, so no goal can be matched with them.",
            ])
    }

    @Test("An id used by a mentor and a different mentee must be given as an email in the conflicts file")
    func ambiguousID() {
        do {
            _ = try Fixtures.cohort(
                policy: "", mentors: "id,email,skills\n1,m@x.org,art\n", mentees: "id,email,goals\n1,e@x.org,art\n",
                conflicts: "person,other,kind\n1,x@y.org,person\n")
            Issue.record("expected an error")
        } catch let error as InputDiagnostics {
            #expect(
                error.errors.map(\.description) == [
                    "conflicts.csv:2:1: error: the id \"1\" is used by a mentor and by a different mentee; give the email to say which.",
                    "conflicts.csv:2:2: error: \"x@y.org\" names nobody in the sign-ups; did you mean \"e@x.org\"?",
                ])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

@Suite struct InvalidInputTests {
    static let cases =
        (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path("datasets/invalid")))?
        .filter { !$0.hasSuffix(".md") }.sorted() ?? []

    @Test("Each broken cohort in datasets/invalid gives exactly the messages in its expected.txt", arguments: cases)
    func expectedMessages(name: String) throws {
        let folder = Fixtures.path("datasets/invalid/\(name)")
        let conflicts = folder + "/conflicts.csv"
        let sources = Cohort.Sources(
            mentors: folder + "/mentors.csv", mentees: folder + "/mentees.csv",
            conflicts: FileManager.default.fileExists(atPath: conflicts) ? conflicts : nil,
            policy: folder + "/policy.toml")
        let expected = try String(contentsOfFile: folder + "/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        do {
            _ = try ScoredCohort.run(sources)
            Issue.record("\(name) loaded without errors")
        } catch {
            #expect(error.sorted.map { $0.description.replacingOccurrences(of: folder + "/", with: "") } == expected)
        }
    }
}
