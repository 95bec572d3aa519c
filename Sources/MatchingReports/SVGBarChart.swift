import Matching

/// A small bar chart as self-contained SVG: no script, no fonts or styles
/// from the network, so the HTML report opens anywhere offline.
struct _SVGBarChart {
    var title: String
    var bars: [(label: String, value: Int)]
    /// What the bars stand for, under them ("score (points)").
    var xAxis: String
    /// What their heights count, beside them ("pairs").
    var yAxis: String

    /// The chart: the title on its own line, and above the plot enough room
    /// for the tallest bar's value label (drawn over the title before).
    func svg() -> String {
        let width = 600, height = 250, left = 48, right = 12, bottom = 46, top = 44
        let plotHeight = height - bottom - top
        let slot = bars.isEmpty ? 0 : (width - left - right) / bars.count
        let highest = max(1, bars.map(\.value).max() ?? 1)
        let font = "font-family=\"system-ui, sans-serif\""
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(_HTML.escape(title))\">",
            "<text x=\"\(left)\" y=\"18\" font-size=\"14\" font-weight=\"600\" \(font)>\(_HTML.escape(title))</text>",
            "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\" stroke=\"#555\"/>",
            "<text x=\"\((left + width - right) / 2)\" y=\"\(height - 8)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\" \(font)>\(_HTML.escape(xAxis))</text>",
            "<text transform=\"translate(14 \(top + plotHeight / 2)) rotate(-90)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\" \(font)>\(_HTML.escape(yAxis))</text>",
        ]
        for (index, bar) in bars.enumerated() {
            let barHeight = bar.value * plotHeight / highest
            let x = left + index * slot + slot / 8
            let y = height - bottom - barHeight
            parts.append(
                "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(1, slot * 3 / 4))\" height=\"\(barHeight)\" fill=\"#3b6ea5\"><title>\(_HTML.escape(bar.label)): \(bar.value)</title></rect>"
            )
            parts.append(
                "<text x=\"\(x + slot * 3 / 8)\" y=\"\(y - 5)\" font-size=\"11\" text-anchor=\"middle\" \(font)>\(bar.value)</text>"
            )
            parts.append(
                "<text x=\"\(x + slot * 3 / 8)\" y=\"\(height - bottom + 15)\" font-size=\"10\" text-anchor=\"middle\" \(font)>\(_HTML.escape(bar.label))</text>"
            )
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}

enum _HTML {
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
