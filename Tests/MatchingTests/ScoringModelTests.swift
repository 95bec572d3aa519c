import Foundation
import Matching
import TandemSynthetic
import TestSupport
import Testing
import _TandemUtilities

@Suite struct ScoringModelTests {
    static let small = Result { try ScoredCohort.run(Fixtures.small) }

    private func units(_ check: ScoredCohort, _ mentee: String, _ mentor: String) -> Int32? {
        check.scores.score(
            mentee: check.cohort.menteeIndex(named: mentee)!, mentor: check.cohort.mentorIndex(named: mentor)!)
    }

    @Test(
        "Hand-checked scores of the small cohort, in hundredths of a point",
        arguments: [
            // 10×3 + 8×2 goals, 3 grades up (ideal 2 ± 1: +2), London +2, English +1, same department −3
            ("E201", "E101", Int32?.some(4800)),
            // career planning is Grace's 3rd goal: 6.40 × 3; then +2 +2 +1
            ("E201", "E105", 2420),
            // no goal met; ideal gap +4, English +1
            ("E201", "E102", 500),
            ("E201", "E104", nil),  // Dev is Grace's line manager
            ("E201", "E103", nil),  // Chloe meets in person only, in Wales
            // 10×2 + 8×2 goals, ideal gap +4, North West +2, English +1, both HMRC −3
            ("E202", "E106", 4000),
            ("E202", "E102", nil),  // a declared personal relationship
            // 10×3 + 8×3 goals, 3 grades up +2, Wales +2, English/Welsh +1, both DWP −3
            ("E203", "E103", 5600),
            ("E204", "E101", nil),  // Jack meets in person only, in Scotland
            ("E205", "E105", nil),  // Kate declared a conflict with the Cabinet Office
            ("E106", "E106", nil),  // Femi himself
            ("E106", "E102", nil),  // Femi's line manager
        ])
    func goldenScores(mentee: String, mentor: String, expected: Int32?) throws {
        #expect(units(try Self.small.get(), mentee, mentor) == expected)
    }

    @Test("Every explanation adds up to its pair's score, and says forbidden exactly for forbidden pairs")
    func explanationsAddUp() throws {
        let check = try Self.small.get()
        for mentee in check.cohort.mentees.indices {
            for mentor in check.cohort.mentors.indices {
                let explanation = check.model.explain(mentee: mentee, mentor: mentor)
                let score = check.scores.score(mentee: mentee, mentor: mentor)
                #expect(explanation.isForbidden == (score == nil))
                if let score { #expect(explanation.units == Int64(score)) }
                let goals = explanation.parts.first { $0.factor == .goals }?.units ?? 0
                #expect(goals == explanation.goalMatches.reduce(0) { $0 + $1.units })
            }
        }
    }

    @Test("A conflict's explanation says only that one is on record")
    func conflictsStayPrivate() throws {
        let check = try Self.small.get()
        let explanation = check.model.explain(
            mentee: check.cohort.menteeIndex(named: "E202")!, mentor: check.cohort.mentorIndex(named: "E102")!)
        #expect(explanation.forbiddenBecause.map(\.sentence) == ["a conflict of interest is on record"])
    }

    @Test("The double-precision path (scores of 2²³ units or more) agrees with the single-precision one")
    func doublePrecisionPath() throws {
        var policy = try PolicyLoader.load(path: Fixtures.small.policy!)
        let coarse = try ScoringModel(cohort: Self.load(policy)).scoreMatrix()
        policy.resolution = 0.000_001
        let fine = try ScoringModel(cohort: Self.load(policy)).scoreMatrix()
        for mentee in 0..<coarse.mentees {
            for mentor in 0..<coarse.mentors {
                let (a, b) = (coarse.score(mentee: mentee, mentor: mentor), fine.score(mentee: mentee, mentor: mentor))
                #expect(b.map(Int64.init) == a.map { Int64($0) * 10_000 })
            }
        }
    }

    @Test("Weights too large for exact 32-bit scores are refused")
    func tooLarge() throws {
        var policy = try PolicyLoader.load(path: Fixtures.small.policy!)
        policy.resolution = 0.000_001
        policy.weights.goalMatch = 1_000
        #expect(throws: ScoringError.self) { try ScoringModel(cohort: Self.load(policy)) }
    }

    @Test(
        "Points are printed with the resolution's decimals, exactly",
        arguments: [
            (Int64(4800), 0.01, "48.00"), (-300, 0.01, "-3.00"), (5, 0.01, "0.05"), (7, 0.5, "3.5"), (12, 1.0, "12"),
            (-1, 0.001, "-0.001"),
        ])
    func pointsFormat(units: Int64, resolution: Double, text: String) {
        #expect(PointsFormat.string(units: units, resolution: resolution) == text)
    }

    static func load(_ policy: Policy) throws -> Cohort {
        let small = Fixtures.small
        return try CohortLoader.build(
            policy: policy, mentors: CSVTable.load(path: small.mentors), mentees: CSVTable.load(path: small.mentees),
            conflicts: CSVTable.load(path: small.conflicts!), sources: small
        ).cohort
    }
}

@Suite struct ScoringPropertyTests {
    /// A generated cohort under a randomly varied policy.
    static func randomCase(seed: UInt64, random: inout SeededGenerator) throws -> (Cohort, NaivePairScorer) {
        let generator = CohortGenerator(
            mentees: Int.random(in: 1...40, using: &random), mentors: Int.random(in: 1...25, using: &random),
            topics: Int.random(in: 1...50, using: &random), seed: seed)
        let files = generator.generate()
        var policy = try PolicyLoader.parse(files.policy, path: "policy.toml")
        policy.sameOrganisation = Policy.OrganisationRule.allCases.randomElement(using: &random)!
        policy.inPersonNeedsSameRegion = Bool.random(using: &random)
        policy.sharedLanguageRequired = Bool.random(using: &random)
        if Bool.random(using: &random) { policy.seniority.levels = [] }
        policy.seniority.minimumGap = Int.random(in: 0...2, using: &random)
        policy.seniority.idealGap = Int.random(in: 0...3, using: &random)
        policy.resolution = [0.001, 0.01, 0.25, 1].randomElement(using: &random)!
        policy.weights.goalMatch = Double(Int.random(in: 1...200, using: &random)) / 10
        policy.weights.goalPriorityDecay = Double(Int.random(in: 1...10, using: &random)) / 10
        // A top weight of 128 or more keeps the sparse product's skill columns wide (`_SkillColumns`).
        policy.weights.skillLevel = [
            1, Int.random(in: 1...4, using: &random), [2, 9, 128, 300].randomElement(using: &random)!,
        ]
        policy.weights.sameRegion = Double(Int.random(in: -5...5, using: &random))
        policy.weights.organisation = Double(Int.random(in: 0...8, using: &random))
        let loaded = try CohortLoader.build(
            policy: policy, mentors: CSVTable.parse(Data(files.mentors.utf8), path: "mentors.csv"),
            mentees: CSVTable.parse(Data(files.mentees.utf8), path: "mentees.csv"),
            conflicts: CSVTable.parse(Data(files.conflicts.utf8), path: "conflicts.csv"),
            sources: Cohort.Sources(mentors: "mentors.csv", mentees: "mentees.csv", conflicts: "conflicts.csv"))
        let conflicts = files.conflicts.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (person: cells[0], other: cells[1], kind: cells[2])
        }
        return (loaded.cohort, NaivePairScorer(cohort: loaded.cohort, conflicts: conflicts))
    }

    @Test(
        "Every pair's score and every hard rule agree with an independent per-pair scorer (200 random cohorts and policies)"
    )
    func agreesWithNaiveScorer() throws {
        try forEverySeed(0..<200) { seed, random in
            let (cohort, naive) = try Self.randomCase(seed: seed, random: &random)
            let matrix = try ScoringModel(cohort: cohort).scoreMatrix()
            for mentee in cohort.mentees.indices {
                for mentor in cohort.mentors.indices {
                    let fast = matrix.score(mentee: mentee, mentor: mentor)
                    let expected = naive.verdict(mentee: mentee, mentor: mentor)
                    let actual = NaivePairScorer.Verdict(forbidden: fast == nil, units: Int64(fast ?? 0))
                    #expect(
                        actual == expected,
                        "seed \(seed): mentee \(cohort.mentees[mentee].id), mentor \(cohort.mentors[mentor].id)")
                }
            }
        }
    }

    @Test("Rows longer than a tile of the sparse product score as the per-pair scorer says")
    func wideRows() throws {
        let files = CohortGenerator(mentees: 7, mentors: 9_000, topics: 60, seed: 11).generate()
        let loaded = try CohortLoader.build(
            policy: PolicyLoader.parse(files.policy, path: "policy.toml"),
            mentors: CSVTable.parse(Data(files.mentors.utf8), path: "mentors.csv"),
            mentees: CSVTable.parse(Data(files.mentees.utf8), path: "mentees.csv"), conflicts: nil,
            sources: Cohort.Sources(mentors: "mentors.csv", mentees: "mentees.csv", conflicts: nil))
        #expect(loaded.cohort.mentors.count > 8_192)  // more than two tiles of 4,096
        let naive = NaivePairScorer(cohort: loaded.cohort, conflicts: [])
        let matrix = try ScoringModel(cohort: loaded.cohort).scoreMatrix()
        var disagreements = 0
        for mentee in loaded.cohort.mentees.indices {
            for mentor in loaded.cohort.mentors.indices {
                let fast = matrix.score(mentee: mentee, mentor: mentor)
                let actual = NaivePairScorer.Verdict(forbidden: fast == nil, units: Int64(fast ?? 0))
                if actual != naive.verdict(mentee: mentee, mentor: mentor) { disagreements += 1 }
            }
        }
        #expect(disagreements == 0)
    }

    @Test("Explanations agree with the matrix on random cohorts and policies")
    func explanationsAgree() throws {
        try forEverySeed(1_000..<1_050) { seed, random in
            let (cohort, _) = try Self.randomCase(seed: seed, random: &random)
            let model = try ScoringModel(cohort: cohort)
            let matrix = model.scoreMatrix()
            for mentee in cohort.mentees.indices {
                for mentor in cohort.mentors.indices {
                    let explanation = model.explain(mentee: mentee, mentor: mentor)
                    let score = matrix.score(mentee: mentee, mentor: mentor)
                    #expect(explanation.isForbidden == (score == nil), "seed \(seed)")
                    if let score { #expect(explanation.units == Int64(score), "seed \(seed)") }
                }
            }
        }
    }
}

@Suite struct ManyLanguagesTests {
    @Test(
        "Cohorts with more than 32 and more than 64 languages score as the per-pair scorer says",
        arguments: [40, 70, 150])
    func manyLanguages(languageCount: Int) throws {
        var random = SeededGenerator(seed: UInt64(languageCount))
        func languages() -> String {
            (0..<Int.random(in: 0...3, using: &random)).map { _ in
                "lang\(Int.random(in: 0..<languageCount, using: &random))"
            }
            .joined(separator: "; ")
        }
        var mentors = "email,skills,languages\n", mentees = "email,goals,languages\n"
        for index in 0..<30 { mentors += "m\(index)@x.org,art:\(1 + index % 3),\(languages())\n" }
        for index in 0..<40 { mentees += "e\(index)@x.org,art,\(languages())\n" }
        // Every language name once, so the cohort really has `languageCount` of them.
        mentors += "all@x.org,art," + (0..<languageCount).map { "lang\($0)" }.joined(separator: "; ") + "\n"
        let loaded = try Fixtures.cohort(
            policy: "[rules]\nshared_language_required = true\n", mentors: mentors, mentees: mentees)
        let naive = NaivePairScorer(cohort: loaded.cohort, conflicts: [])
        let matrix = try ScoringModel(cohort: loaded.cohort).scoreMatrix()
        for mentee in loaded.cohort.mentees.indices {
            for mentor in loaded.cohort.mentors.indices {
                let fast = matrix.score(mentee: mentee, mentor: mentor)
                #expect(
                    NaivePairScorer.Verdict(forbidden: fast == nil, units: Int64(fast ?? 0))
                        == naive.verdict(mentee: mentee, mentor: mentor))
            }
        }
    }
}
