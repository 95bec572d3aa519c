import Matching

/// `comparison.md` and `comparison.html`: every scenario beside the
/// baseline, regressions marked, coverage against total score as a chart,
/// and the prices of the baseline's constraints.
enum _ComparisonReport {
    static func document(_ comparison: Comparison, policyName: String) -> _ReportDocument {
        let baseline = comparison.baseline
        let count = comparison.scenarios.count
        var document = _ReportDocument(
            title: "What-if comparison: \(policyName)",
            lead:
                "\(count) scenario\(count == 1 ? "" : "s") beside the baseline (the inputs as given). Each round was solved exactly and its optimality certificate checked, so every difference below is the exact difference of two proven optima."
        )
        document.sections.append(sideBySide(comparison))
        let regressions = comparison.scenarios.filter { $0.isRegression(against: baseline) }
        if !regressions.isEmpty {
            document.sections.append(
                .init(
                    title: "Regressions", blocks: [.list(regressions.map { .init(text: regression($0, baseline)) })],
                    isAction: true))
        }
        document.sections.append(chart(comparison))
        if let prices = comparison.prices {
            document.sections += _PricesSections.sections(prices)
        }
        document.sections.append(
            .init(
                title: "Inputs",
                blocks: [
                    .table(
                        .init(
                            header: ["Input", "File", "SHA-256"],
                            rows: comparison.inputs.map { [$0.role, $0.file, $0.sha256] }, unwrapped: 2)),
                    .paragraph("All inputs together: \(comparison.inputsSHA256). Tandem \(comparison.tandemVersion)."),
                ]))
        return document
    }

    /// One row per figure, one column per scenario.
    private static func sideBySide(_ comparison: Comparison) -> _ReportDocument.Section {
        let baseline = comparison.baseline
        let all = [baseline] + comparison.scenarios
        func row(_ name: String, _ cell: (ScenarioOutcome) -> String) -> [String] { [name] + all.map(cell) }
        func marked(_ outcome: ScenarioOutcome, worse: Bool, _ text: String) -> String {
            outcome.name != baseline.name && outcome.isRegression(against: baseline) && worse ? "▼ " + text : text
        }
        let rows = [
            row("Changes") { $0.changes.isEmpty ? "(the inputs as given)" : $0.changes.joined(separator: "; ") },
            row("Mentees matched") {
                let delta = $0.matched - baseline.matched
                let text =
                    "\($0.matched) of \($0.mentees)"
                    + ($0.name == baseline.name || delta == 0 ? "" : " (\(_Signed.count(delta)))")
                return marked($0, worse: delta < 0, text)
            },
            row("Places filled") {
                "\($0.matched) of \($0.places) (\(RoundFigures.percent($0.places == 0 ? 0 : Double($0.matched) / Double($0.places))))"
            },
            row("Total score") {
                let delta = PointsFormat.difference($0.totalScore, baseline.totalScore) ?? "0"
                let sign = PointsFormat.compare(delta, "0") ?? 0
                let text = $0.totalScore + ($0.name == baseline.name || sign == 0 ? "" : " (\(_Signed.points(delta)))")
                return marked($0, worse: sign < 0, text)
            },
            row("Lowest score") { $0.lowestScore ?? "–" },
            row("Median score") { $0.medianScore ?? "–" },
            row("First choices") {
                "\($0.firstChoices) (\(RoundFigures.percent($0.matched == 0 ? 0 : Double($0.firstChoices) / Double($0.matched))))"
            },
            row("Pairs changed") { $0.name == baseline.name ? "–" : String($0.pairsChanged) },
            row("Better off") { $0.name == baseline.name ? "–" : shift($0.gains, newly: "newly matched", sign: "+") },
            row("Worse off") {
                $0.name == baseline.name ? "–" : shift($0.losses, newly: "no longer matched", sign: "−")
            },
            row("Why pairs changed") { outcome in
                outcome.causes.isEmpty
                    ? "–" : outcome.causes.map { "\($0.mentees) \($0.reason)" }.joined(separator: "; ")
            },
            row("Certificate") { $0.optimal ? "optimal (verified)" : "FAILED" },
        ]
        return .init(
            title: "Scenarios side by side",
            blocks: [
                .table(.init(header: [""] + all.map(\.name), rows: rows, unwrapped: 1, scrolls: true)),
                .paragraph(
                    "▼ marks what makes a scenario worse than the baseline: fewer mentees matched, or as many and a lower total. People who withdraw in a scenario are not counted among those better or worse off."
                ),
            ])
    }

    private static func shift(_ shift: ScenarioOutcome.Shift, newly: String, sign: String) -> String {
        guard shift.mentees > 0 else { return "none" }
        var parts: [String] = []
        if shift.matchedOrUnmatched > 0 { parts.append("\(shift.matchedOrUnmatched) \(newly)") }
        if PointsFormat.compare(shift.points, "0") != 0 { parts.append("\(sign)\(shift.points) points for the others") }
        return "\(shift.mentees)" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
    }

    private static func regression(_ outcome: ScenarioOutcome, _ baseline: ScenarioOutcome) -> String {
        var parts: [String] = []
        let fewer = baseline.matched - outcome.matched
        if fewer > 0 { parts.append("matches \(fewer) fewer mentee\(fewer == 1 ? "" : "s")") }
        let delta = PointsFormat.difference(outcome.totalScore, baseline.totalScore) ?? "0"
        if PointsFormat.compare(delta, "0") == -1 { parts.append("totals \(delta.dropFirst()) points less") }
        let cause = outcome.changes.isEmpty ? "" : " (\(outcome.changes.joined(separator: "; ")))"
        return "\(outcome.name)\(cause) " + parts.joined(separator: " and ") + " than the baseline."
    }

    /// Mentees matched against total score, a sweep's values joined.
    private static func chart(_ comparison: Comparison) -> _ReportDocument.Section {
        let baseline = comparison.baseline
        let points = ([baseline] + comparison.scenarios).map { outcome in
            _SVGScatterChart.Point(
                label: outcome.name, x: Double(outcome.totalScore) ?? 0, y: Double(outcome.matched),
                series: outcome.sweep?.name, isMarked: outcome.isRegression(against: baseline))
        }
        return .init(
            title: "Coverage against total score",
            blocks: [
                .scatter(
                    .init(
                        chart: _SVGScatterChart(
                            title: "Mentees matched and total score, by scenario", points: points,
                            xAxis: "total score (points)", yAxis: "mentees matched"))),
                .paragraph(
                    "Up is more mentees matched, right a higher total; a sweep's values are joined in the order written."
                ),
            ])
    }
}
