import _TandemUtilities

/// A report as content — sections of paragraphs, lists, tables and charts —
/// rendered as Markdown (`report.md`) and as one self-contained HTML page
/// (inline CSS and SVG, nothing from the network, printable on A4).
struct _ReportDocument {
    struct Table {
        var header: [String]
        var rows: [[String]]
        /// Leading columns kept on one line (names), so a long last column wraps instead.
        var unwrapped = 0
        /// Scrolls sideways on a narrow page instead of squeezing its columns
        /// (one column per scenario of a comparison).
        var scrolls = false
    }

    struct Chart {
        var title: String
        var bars: [(label: String, value: Int)]
        var xAxis: String
        var yAxis: String
    }

    /// Points on two axes (see `_SVGScatterChart`); Markdown shows them as a table.
    struct Scatter {
        var chart: _SVGScatterChart
    }

    /// One item of a list, with the items under it.
    struct Item {
        var text: String
        var children: [String] = []
    }

    enum Block {
        case paragraph(String)
        case list([Item])
        case table(Table)
        case chart(Chart)
        case scatter(Scatter)
        /// Two figures side by side: name and value.
        case figures([(name: String, value: String)])
    }

    struct Section {
        var title: String
        var blocks: [Block]
        /// Drawn as something to act on (the to-do list).
        var isAction = false
    }

    var title: String
    var lead: String
    var sections: [Section] = []

    // MARK: Markdown

    var markdown: String {
        var lines = ["# \(title)", "", lead]
        for section in sections {
            lines += ["", "## \(section.title)"]
            for block in section.blocks {
                lines.append("")
                switch block {
                case .paragraph(let text): lines.append(text)
                case .list(let items):
                    for item in items {
                        lines.append("- \(item.text)")
                        lines += item.children.map { "  - \($0)" }
                    }
                case .table(let table): lines += Self.markdownTable(table)
                case .chart(let chart):
                    lines.append("\(chart.title):")
                    lines.append("")
                    lines += Self.markdownTable(
                        Table(
                            header: [chart.xAxis, chart.yAxis], rows: chart.bars.map { [$0.label, String($0.value)] }))
                case .scatter(let scatter):
                    let chart = scatter.chart
                    lines.append("\(chart.title):")
                    lines.append("")
                    lines += Self.markdownTable(
                        Table(
                            header: ["", chart.xAxis, chart.yAxis],
                            rows: chart.points.map { [$0.label, Self.plain($0.x), Self.plain($0.y)] }))
                case .figures(let figures):
                    lines += Self.markdownTable(Table(header: ["", ""], rows: figures.map { [$0.name, $0.value] }))
                }
            }
        }
        return _Markdown.escapingHTML(lines.joined(separator: "\n") + "\n")
    }

    /// A chart's number as written: whole numbers without decimals.
    private static func plain(_ value: Double) -> String {
        value.rounded() == value && value.magnitude < 1e15 ? String(Int64(value)) : String(value)
    }

    private static func markdownTable(_ table: Table) -> [String] {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        return [
            "| " + table.header.map(cell).joined(separator: " | ") + " |",
            "|" + String(repeating: "---|", count: table.header.count),
        ]
            + table.rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
    }

    // MARK: HTML

    var html: String {
        var body = ["<header><h1>\(_HTML.escape(title))</h1><p class=\"lead\">\(_HTML.escape(lead))</p></header>"]
        for section in sections {
            body.append(section.isAction ? "<section class=\"action\">" : "<section>")
            body.append("<h2>\(_HTML.escape(section.title))</h2>")
            for block in section.blocks {
                switch block {
                case .paragraph(let text): body.append("<p>\(_HTML.escape(text))</p>")
                case .list(let items):
                    body.append("<ul>")
                    for item in items {
                        let children =
                            item.children.isEmpty
                            ? ""
                            : "<ul>" + item.children.map { "<li>\(_HTML.escape($0))</li>" }.joined() + "</ul>"
                        body.append("<li>\(_HTML.escape(item.text))\(children)</li>")
                    }
                    body.append("</ul>")
                case .table(let table):
                    body.append(
                        (table.scrolls ? "<div class=\"scroll\">" : "") + "<table><thead><tr>"
                            + table.header.map { "<th>\(_HTML.escape($0))</th>" }.joined()
                            + "</tr></thead><tbody>")
                    for row in table.rows {
                        body.append(
                            "<tr>"
                                + row.enumerated().map { column, text in
                                    column < table.unwrapped
                                        ? "<td class=\"name\">\(_HTML.escape(text))</td>"
                                        : "<td>\(_HTML.escape(text))</td>"
                                }.joined() + "</tr>")
                    }
                    body.append("</tbody></table>" + (table.scrolls ? "</div>" : ""))
                case .chart(let chart):
                    body.append(
                        _SVGBarChart(title: chart.title, bars: chart.bars, xAxis: chart.xAxis, yAxis: chart.yAxis)
                            .svg())
                case .scatter(let scatter): body.append(scatter.chart.svg())
                case .figures(let figures):
                    body.append("<dl class=\"figures\">")
                    for figure in figures {
                        body.append(
                            "<div><dt>\(_HTML.escape(figure.name))</dt><dd>\(_HTML.escape(figure.value))</dd></div>")
                    }
                    body.append("</dl>")
                }
            }
            body.append("</section>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(_HTML.escape(title))</title>
            <style>
            body { font-family: system-ui, "Segoe UI", sans-serif; max-width: 62em; margin: 0 auto; padding: 1.5em 2em; color: #1d2330; line-height: 1.45; }
            header { border-bottom: 3px solid #3b6ea5; margin-bottom: 1.5em; }
            h1 { font-size: 1.7em; margin: 0 0 0.3em; }
            .lead { font-size: 1.15em; margin: 0 0 1em; }
            h2 { font-size: 1.25em; margin: 1.6em 0 0.5em; color: #24426b; }
            section.action { background: #fff6e5; border-left: 6px solid #e39a1f; padding: 0.6em 1.2em 0.9em; border-radius: 4px; }
            section.action h2 { color: #7a4a00; margin-top: 0.4em; }
            table { border-collapse: collapse; margin: 0.6em 0 1em; width: 100%; font-size: 0.95em; }
            th, td { border-bottom: 1px solid #d8dde6; padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
            thead th { background: #eef2f8; border-bottom: 2px solid #b9c4d6; }
            td.name { white-space: nowrap; }
            .scroll { overflow-x: auto; }
            .scroll table { width: auto; }
            .scroll td, .scroll th { min-width: 7em; }
            dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(13em, 1fr)); gap: 0.6em; margin: 0.6em 0 1em; }
            dl.figures div { background: #eef2f8; border-radius: 4px; padding: 0.5em 0.8em; }
            dt { font-size: 0.85em; color: #4a5568; }
            dd { margin: 0.1em 0 0; font-size: 1.15em; font-weight: 600; }
            svg { display: block; margin: 0.6em 0 1em; max-width: 100%; height: auto; }
            li { margin: 0.25em 0; }
            footer { margin-top: 2em; color: #6b7280; font-size: 0.85em; }
            @media print {
              @page { size: A4; margin: 15mm; }
              body { max-width: none; padding: 0; font-size: 10.5pt; }
              svg, dl.figures, li, tr { break-inside: avoid; }
              section.action { background: none; border: 2px solid #e39a1f; }
            }
            </style></head><body>
            \(body.joined(separator: "\n"))
            <footer>Tandem \(TandemVersion.current)</footer>
            </body></html>

            """
    }
}
