import Foundation
import Matching
import _TandemUtilities

/// `report.md` and `report.html`: the round for the coordinator.
///
/// Both hold the same sections: headline figures, the score and rank
/// distributions, breakdowns per organisation and region, goals nobody
/// covers, out-of-scope goals to signpost, the stability audit and the
/// optimality certificate. The HTML is self-contained (inline CSS and SVG).
enum _CoordinatorReport {
    /// Each section as a title and Markdown-ish rows shared by both formats.
    private struct Table {
        var header: [String]
        var rows: [[String]]
    }

    static func scoreHistogram(_ round: MatchingRound) -> [(label: String, value: Int)] {
        let scores = round.pairs.map { Int64($0.units) }
        guard let low = scores.min(), let high = scores.max() else { return [] }
        let resolution = round.cohort.policy.resolution
        let bins = high == low ? 1 : 8
        let width = max(1, (high - low + Int64(bins)) / Int64(bins))
        var counts = [Int](repeating: 0, count: bins)
        for score in scores { counts[min(bins - 1, Int((score - low) / width))] += 1 }
        return counts.indices.map { bin in
            let from = low + Int64(bin) * width
            let label =
                bins == 1
                ? PointsFormat.string(units: low, resolution: resolution)
                : "\(PointsFormat.string(units: from, resolution: resolution))–"
            return (label, counts[bin])
        }
    }

    static func rankBars(_ figures: RoundFigures) -> [(label: String, value: Int)] {
        [("1st choice", figures.rankFirst), ("2nd–3rd", figures.rankTopThree), ("lower", figures.rankOther)]
    }

    private static func headline(_ round: MatchingRound, _ figures: RoundFigures) -> [(String, String)] {
        let policy = round.cohort.policy
        let points = { (units: Int64) in PointsFormat.string(units: units, resolution: policy.resolution) }
        var rows: [(String, String)] = [
            (
                "Mentees matched",
                "\(figures.matched) of \(figures.mentees) (\(RoundFigures.percent(figures.matchRate)))"
            ),
            ("Places filled", "\(figures.matched) of \(figures.places) (\(RoundFigures.percent(figures.fillRate)))"),
            (
                "Objective",
                policy.matching.objective == .coverage
                    ? "coverage: as many mentees as possible, then the best total" : "quality: the best total score"
            ),
            ("Total score", points(figures.totalUnits)),
            ("Lowest pair score", figures.minimumUnits.map { points(Int64($0)) } ?? "–"),
            ("Median pair score", figures.medianUnits.map { points(Int64($0)) } ?? "–"),
        ]
        if let floor = round.floorUnits { rows.append(("Fairness floor", "no pair below \(points(floor))")) }
        if let minimum = round.minimumUnits { rows.append(("Minimum score", points(minimum))) }
        if policy.matching.slotDiscount > 0 {
            rows.append(("Load spreading", "each further place counts \(policy.matching.slotDiscount) points less"))
        }
        rows.append(
            (
                "Blocking pairs",
                "\(round.blockingPairs) (pairs who would both rather be together than with their proposals)"
            ))
        let certificate = round.certificate
        rows.append(
            (
                "Optimality certificate",
                certificate.isOptimal
                    ? "verified: the proposals' total equals the dual bound, so no better matching exists under the policy"
                    : "FAILED: \(certificate.violations.joined(separator: "; "))"
            ))
        return rows
    }

    private static func tables(_ round: MatchingRound, _ figures: RoundFigures) -> [(title: String, table: Table)] {
        let cohort = round.cohort
        var sections: [(String, Table)] = []
        let breakdown = { (rows: [(name: String, mentees: Int, matched: Int)]) in
            rows.map {
                [
                    $0.name, String($0.mentees), String($0.matched),
                    RoundFigures.percent($0.mentees == 0 ? 0 : Double($0.matched) / Double($0.mentees)),
                ]
            }
        }
        sections.append(
            (
                "Matched mentees by organisation",
                Table(header: ["organisation", "mentees", "matched", "rate"], rows: breakdown(figures.byOrganisation))
            ))
        sections.append(
            (
                "Matched mentees by region",
                Table(header: ["region", "mentees", "matched", "rate"], rows: breakdown(figures.byRegion))
            ))
        if !cohort.policy.criteria.isEmpty {
            sections.append(("The policy's criteria in the proposed pairs", criteriaTable(round)))
        }
        sections.append(
            (
                "Goals no mentor offers",
                Table(
                    header: ["goal", "mentees asking"],
                    rows: figures.uncoveredGoals.map { [$0.topic, String($0.mentees)] })
            ))
        sections.append(
            (
                "Out-of-scope goals to signpost",
                Table(
                    header: ["mentee", "goals"],
                    rows: figures.outOfScope.map {
                        [
                            cohort.mentees[$0.mentee].id.rawValue + " (" + cohort.mentees[$0.mentee].name + ")",
                            $0.goals.joined(separator: "; "),
                        ]
                    })
            ))
        sections.append(
            (
                "Unmatched mentees",
                Table(
                    header: ["mentee", "reason"],
                    rows: round.unmatched.map {
                        [
                            cohort.mentees[$0.mentee].id.rawValue + " (" + cohort.mentees[$0.mentee].name + ")",
                            $0.reason.sentence,
                        ]
                    })
            ))
        sections.append(
            (
                "Mentors with free places",
                Table(
                    header: ["mentor", "free places"],
                    rows: round.freePlaces.map {
                        [
                            cohort.mentors[$0.mentor].id.rawValue + " (" + cohort.mentors[$0.mentor].name + ")",
                            "\($0.free) of \(round.places[$0.mentor])",
                        ]
                    })
            ))
        return sections
    }

    /// For each criterion, how many proposed pairs it counted in (points,
    /// or a required rule met): counts only, so private criteria show no answer.
    private static func criteriaTable(_ round: MatchingRound) -> Table {
        let criteria = round.cohort.policy.criteria
        var counted = [Int](repeating: 0, count: criteria.count)
        for pair in round.pairs {
            for part in round.check.model.explain(mentee: pair.mentee, mentor: pair.mentor).parts {
                if let index = part.criterion { counted[index] += 1 }
            }
        }
        return Table(
            header: ["criterion", "kind", "rule", "pairs it counted in"],
            rows: criteria.enumerated().map { index, criterion in
                [
                    criterion.label + (criterion.isPrivate ? " (private)" : ""), criterion.kind.rawValue,
                    criterion.rule.rawValue, "\(counted[index]) of \(round.pairs.count)",
                ]
            })
    }

    static func markdown(_ round: MatchingRound) -> String {
        let figures = RoundFigures(round)
        var lines = ["# \(round.cohort.policy.name): matching report", ""]
        lines.append("| | |")
        lines.append("|---|---|")
        for (name, value) in headline(round, figures) { lines.append("| \(cell(name)) | \(cell(value)) |") }
        lines.append("")
        lines.append("## Score distribution (points)")
        lines.append("")
        lines.append("| from | pairs |")
        lines.append("|---|---|")
        for bar in scoreHistogram(round) { lines.append("| \(bar.label) | \(bar.value) |") }
        lines.append("")
        lines.append("## The mentor's place in each mentee's own list")
        lines.append("")
        lines.append("| rank | pairs |")
        lines.append("|---|---|")
        for bar in rankBars(figures) { lines.append("| \(bar.label) | \(bar.value) |") }
        for (title, table) in tables(round, figures) {
            lines.append("")
            lines.append("## \(title)")
            lines.append("")
            if table.rows.isEmpty {
                lines.append("None.")
                continue
            }
            lines.append("| " + table.header.map(cell).joined(separator: " | ") + " |")
            lines.append("|" + String(repeating: "---|", count: table.header.count))
            for row in table.rows { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
        }
        return _Markdown.escapingHTML(lines.joined(separator: "\n") + "\n")
    }

    static func html(_ round: MatchingRound) -> String {
        let figures = RoundFigures(round)
        let title = _HTML.escape("\(round.cohort.policy.name): matching report")
        var body = ["<h1>\(title)</h1>", "<table>"]
        for (name, value) in headline(round, figures) {
            body.append("<tr><th>\(_HTML.escape(name))</th><td>\(_HTML.escape(value))</td></tr>")
        }
        body.append("</table>")
        body.append("<div class=\"charts\">")
        body.append(_SVGBarChart(title: "Pairs by score (points)", bars: scoreHistogram(round)).svg())
        body.append(_SVGBarChart(title: "The mentor's place in the mentee's own list", bars: rankBars(figures)).svg())
        body.append("</div>")
        for (title, table) in tables(round, figures) {
            body.append("<h2>\(_HTML.escape(title))</h2>")
            if table.rows.isEmpty {
                body.append("<p>None.</p>")
                continue
            }
            body.append("<table><tr>" + table.header.map { "<th>\(_HTML.escape($0))</th>" }.joined() + "</tr>")
            for row in table.rows {
                body.append("<tr>" + row.map { "<td>\(_HTML.escape($0))</td>" }.joined() + "</tr>")
            }
            body.append("</table>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(title)</title>
            <style>
            body { font-family: sans-serif; max-width: 60em; margin: 2em auto; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
            .charts svg { margin: 0.5em 1em 0.5em 0; }
            </style></head><body>
            \(body.joined(separator: "\n"))
            <p><small>Tandem \(TandemVersion.current)</small></p>
            </body></html>

            """
    }

    /// A Markdown table cell: pipes escaped, line breaks as spaces.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
