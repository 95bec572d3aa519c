import Foundation
import Matching

/// Everything `tandem match` writes, as one folder: `pairs.csv`,
/// `unmatched.csv`, `report.md`, `report.html`, `summary.html` (figures
/// only, safe to circulate), `round.json` and `letters/`
/// (each letter as `.txt` and `.html`, and `index.csv`).
/// The same inputs and policy give byte-identical files.
public enum RoundOutputs {
    /// The files, as (relative path, bytes), in a fixed order; with
    /// `prices`, the report has a "Who to chase" section.
    public static func files(_ round: MatchingRound, prices: Prices? = nil) async -> [(path: String, data: Data)] {
        var files: [(String, Data)] = [
            ("pairs.csv", Data(_RoundTables.pairs(round).utf8)),
            ("unmatched.csv", Data(_RoundTables.unmatched(round).utf8)),
            ("report.md", Data(_CoordinatorReport.markdown(round, prices: prices).utf8)),
            ("report.html", Data(_CoordinatorReport.html(round, prices: prices).utf8)),
            ("summary.html", Data(_CoordinatorReport.summaryHTML(round).utf8)),
            ("round.json", _RoundJSON.json(round)),
        ]
        for letter in await _ParticipantLetters.letters(round) { files.append((letter.path, Data(letter.text.utf8))) }
        return files
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
            "certificate: \(round.certificate.isOptimal ? "optimal (verified)" : "FAILED")",
        ]
        if let floor = round.floorUnits { lines.insert("floor:       no pair below \(points(floor))", at: 2) }
        lines.append(
            "report:      \(folder)/report.html (also report.md, summary.html, pairs.csv, unmatched.csv, round.json, letters/)"
        )
        return lines.joined(separator: "\n")
    }
}
