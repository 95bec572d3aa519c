import Foundation
import Matching
import TandemSynthetic
import TestSupport
import Testing

@testable import MatchingReports

/// Letters as one mail-merge file, and what round.json says of the scores
/// and the certificate.
@Suite struct MailMergeTests {
    @Test("A mail-merge round writes every letter as one row of letters/mail-merge.csv and no letter files")
    func mailMerge() async throws {
        let round = try await MatchingRound.run(RoundOutputsTests.small)
        let files = await RoundOutputs.files(round, letters: .mailMerge)
        let letterFiles = files.filter { $0.path.hasPrefix("letters/") }.map(\.path)
        #expect(letterFiles == ["letters/mail-merge.csv"])
        let merge = try CSVTable.parse(
            try #require(files.first { $0.path == "letters/mail-merge.csv" }).data, path: "m")
        #expect(merge.header == ["role", "id", "name", "email", "subject", "body"])
        let letters = await RoundLetters.letters(round)
        #expect(merge.records.count == letters.count)
        #expect(letters.count == round.cohort.mentees.count + round.cohort.mentors.count)
        for (record, letter) in zip(merge.records, letters) {
            #expect(record.cell(1) == letter.id.rawValue)
            #expect(record.cell(4) == letter.subject)
            #expect(record.cell(5) == letter.body)
        }
        let report = String(decoding: try #require(files.first { $0.path == "report.md" }).data, as: UTF8.self)
        #expect(report.contains("letters/mail-merge.csv holds all \(letters.count)"))
        #expect(!report.contains("letters/index.csv"))
    }

    @Test("The mail-merge file composed a few people at a time is the file composed in one piece")
    func chunks() async throws {
        let round = try await MatchingRound.run(RoundOutputsTests.small)
        let explanations = await _PairExplanations(round)
        let whole = await _ParticipantLetters.mailMerge(round, explanations: explanations)
        #expect(round.cohort.mentees.count + round.cohort.mentors.count < _ParticipantLetters.mailMergeChunk)
        for chunk in [1, 7] {
            let pieces = await _ParticipantLetters.mailMerge(round, explanations: explanations, chunk: chunk)
            #expect(pieces.data == whole.data, "chunks of \(chunk)")
        }
    }

    @Test("Automatic letters are files up to the limit and one mail-merge file beyond")
    func automatic() {
        #expect(!LetterLayout.automatic.mergesLetters(recipients: LetterLayout.filesLimit))
        #expect(LetterLayout.automatic.mergesLetters(recipients: LetterLayout.filesLimit + 1))
        #expect(!LetterLayout.files.mergesLetters(recipients: 1_000_000))
        #expect(LetterLayout.mailMerge.mergesLetters(recipients: 1))
    }

    @Test("round.json says whether scores were stored and how many rows the certificate settled by bounds")
    func roundJSON() async throws {
        for storage in [ScoreStorage.stored, .streamed] {
            let check = try ScoredCohort.run(RoundOutputsTests.small, storage: storage)
            let round = await MatchingRound.run(check)
            let files = await RoundOutputs.files(round)
            let json = try #require(files.first { $0.path == "round.json" }).data
            let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            #expect(object["scores"] as? String == (storage == .stored ? "stored" : "streamed"))
            let certificate = try #require(object["certificate"] as? [String: Any])
            let settled = try #require(certificate["rows_settled_by_bound"] as? Int)
            let read = try #require(certificate["rows_read"] as? Int)
            #expect(settled + read == round.cohort.mentees.count)
            #expect(settled > 0)
            #expect(certificate["method"] as? String == RoundFigures.certificateMethod)
        }
    }
}

/// A national cohort's report: long lists cut, with where the whole lists are.
@Suite struct LongReportTests {
    @Test("Above 1,000 pairs the report lists the first 1,000 and points to pairs.csv, which has every one")
    func pairsTableCut() async throws {
        let files = CohortGenerator(mentees: 1_500, mentors: 800, seed: 2).generate()
        let loaded = try CohortLoader.build(
            policy: try PolicyLoader.parse(files.policy, path: "policy.toml"),
            mentors: try CSVTable.parse(Data(files.mentors.utf8), path: "mentors.csv"),
            mentees: try CSVTable.parse(Data(files.mentees.utf8), path: "mentees.csv"),
            conflicts: try CSVTable.parse(Data(files.conflicts.utf8), path: "conflicts.csv"),
            sources: Cohort.Sources(mentors: "mentors.csv", mentees: "mentees.csv", conflicts: "conflicts.csv"))
        let round = await MatchingRound.run(try ScoredCohort.run(loaded))
        let pairCount = round.pairs.count
        #expect(pairCount > _CoordinatorReport.listedAtMost)
        let outputs = await RoundOutputs.files(round)
        let report = String(decoding: try #require(outputs.first { $0.path == "report.md" }).data, as: UTF8.self)
        #expect(
            report.contains(
                "The first 1000 of \(pairCount) pairs, by mentor; pairs.csv has every pair with its reasons."))
        let pairsSection = try #require(report.components(separatedBy: "## The proposed pairs, by mentor").last)
        let tableRows = pairsSection.components(separatedBy: "\n## ")[0].split(separator: "\n")
            .filter { $0.hasPrefix("| ") && !$0.hasPrefix("| mentor ") }
        #expect(tableRows.count == _CoordinatorReport.listedAtMost)
        let pairs = String(decoding: try #require(outputs.first { $0.path == "pairs.csv" }).data, as: UTF8.self)
        #expect(pairs.split(separator: "\n").count == pairCount + 1)
    }
}
