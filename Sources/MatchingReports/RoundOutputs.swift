import Diagnostics
import Foundation
import Matching

/// Everything `tandem match` writes, as one folder: `pairs.csv`,
/// `unmatched.csv`, `report.md`, `report.html`, `summary.html` (figures
/// only, safe to circulate), `round.json` and `letters/` (each letter as
/// `.txt` and `.html`, and `index.csv`; or `mail-merge.csv`, see
/// ``LetterLayout``) and, when the inputs gave warnings, `warnings.txt`.
/// The same inputs and policy give byte-identical files.
public enum RoundOutputs {
    /// The files, as (relative path, bytes), in a fixed order; with
    /// `prices`, the report has a "Who to chase" section.
    ///
    /// - Parameters:
    ///   - round: The round.
    ///   - prices: What one more place would be worth, for the report.
    ///   - letters: A file per letter, or one mail-merge file.
    public static func files(
        _ round: MatchingRound, prices: Prices? = nil, letters: LetterLayout = .automatic
    ) async -> [(path: String, data: Data)] {
        let merged = letters.mergesLetters(recipients: round.cohort.mentees.count + round.cohort.mentors.count)
        // Each document is built on its own task, the pairs explained once
        // for all of them: at 68,000 × 32,000 the files took 5.3–6.4 s one
        // after another, with one core busy.
        let explanations = await _PairExplanations(round)
        async let pairs = Data(_RoundTables.pairs(round, explanations: explanations).utf8)
        async let unmatched = Data(_RoundTables.unmatched(round).utf8)
        async let report = _CoordinatorReport.report(
            round, prices: prices, mergedLetters: merged, explanations: explanations)
        async let summary = Data(_CoordinatorReport.summary(round, explanations: explanations).html.utf8)
        async let json = _RoundJSON.json(round)
        async let letterFiles = letterFiles(round, merged: merged, explanations: explanations)
        let document = await report
        async let markdown = Data(document.markdown.utf8)
        let html = Data(document.html.utf8)
        var files: [(String, Data)] = [
            ("pairs.csv", await pairs), ("unmatched.csv", await unmatched), ("report.md", await markdown),
            ("report.html", html), ("summary.html", await summary), ("round.json", await json),
        ]
        if let warnings = warningsFile(round.check.warnings) { files.append(warnings) }
        return files + (await letterFiles)
    }

    /// The letters' files: one mail-merge file when `merged`, else a file per letter.
    private static func letterFiles(
        _ round: MatchingRound, merged: Bool, explanations: _PairExplanations
    ) async -> [(String, Data)] {
        if merged {
            return [await _ParticipantLetters.mailMerge(round, explanations: explanations)]
        }
        return await _ParticipantLetters.letters(round, explanations: explanations).map {
            ($0.path, Data($0.text.utf8))
        }
    }

    /// `warnings.txt`: every warning of the inputs, one per line as the
    /// terminal prints them (which, when there are many, shows only the
    /// first few of each kind); `nil` without warnings.
    public static func warningsFile(_ warnings: [InputProblem]) -> (path: String, data: Data)? {
        guard !warnings.isEmpty else { return nil }
        return (warningsPath, Data((warnings.map(\.description).joined(separator: "\n") + "\n").utf8))
    }

    /// Where ``warningsFile(_:)`` goes in an output folder.
    public static let warningsPath = "warnings.txt"

    /// The `scoring:` line: whether the scores were stored, and their size.
    static func scoring(_ round: MatchingRound) -> String {
        let cohort = round.cohort
        let bytes = ScoreStorage.storedBytes(mentees: cohort.mentees.count, mentors: cohort.mentors.count)
        let size =
            bytes >= 1 << 30 ? String(format: "%.1f GB", Double(bytes) / 1e9) : "\((bytes + 999_999) / 1_000_000) MB"
        guard let streamed = round.check.scores as? StreamedScores, !cohort.mentees.isEmpty else {
            return "scoring:     every pair's score kept in memory (\(size))"
        }
        let passes = Double(streamed.rowsComputed) / Double(cohort.mentees.count)
        return "scoring:     scores computed again for each pass, not stored (\(size) spared; "
            + String(format: "%.1f", passes) + " passes' worth of rows so far)"
    }

    /// The headline figures as a few lines for the terminal.
    public static func summary(_ round: MatchingRound, folder: String) -> String {
        let figures = RoundFigures(round)
        let policy = round.cohort.policy
        let points = { (units: Int64) in PointsFormat.string(units: units, resolution: policy.resolution) }
        var lines = [
            "matched:     \(figures.matched) of \(figures.mentees) mentees (\(RoundFigures.percent(figures.matchRate))); \(figures.matched) of \(figures.places) places filled (\(RoundFigures.percent(figures.fillRate)))",
            "scores:      total \(points(figures.totalUnits)), lowest \(figures.minimumUnits.map { points(Int64($0)) } ?? "–"), median \(figures.medianUnits.map { points(Int64($0)) } ?? "–")",
            "ranks:       \(figures.rankFirst) first choice, \(figures.rankTopThree) second or third, \(figures.rankOther) lower",
            "stability:   \(round.blockingPairs) blocking pair\(round.blockingPairs == 1 ? "" : "s")",
            "certificate: \(round.certificate.isOptimal ? "optimal (verified)" : "FAILED")"
                + " — \(round.certificate.rowsSettledByBound) of \(figures.mentees) rows settled by their bounds, the rest read",
            scoring(round),
        ]
        if let floor = round.floorUnits { lines.insert("floor:       no pair below \(points(floor))", at: 2) }
        lines.append(
            "report:      \(folder)/report.html (also report.md, summary.html, pairs.csv, unmatched.csv, round.json, letters/)"
        )
        return lines.joined(separator: "\n")
    }
}
