import Matching

/// A small bar chart as self-contained SVG: no script, no fonts or styles
/// from the network, so the HTML report opens anywhere offline.
struct _SVGBarChart {
    var title: String
    var bars: [(label: String, value: Int)]

    func svg() -> String {
        let width = 560, height = 220, left = 40, bottom = 40, top = 28
        let plotHeight = height - bottom - top
        let slot = bars.isEmpty ? 0 : (width - left - 10) / bars.count
        let highest = max(1, bars.map(\.value).max() ?? 1)
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(_HTML.escape(title))\">",
            "<text x=\"\(left)\" y=\"18\" font-size=\"14\" font-family=\"sans-serif\">\(_HTML.escape(title))</text>",
            "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" stroke=\"#555\"/>",
        ]
        for (index, bar) in bars.enumerated() {
            let barHeight = bar.value * plotHeight / highest
            let x = left + index * slot + slot / 8
            let y = height - bottom - barHeight
            parts.append(
                "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(1, slot * 3 / 4))\" height=\"\(barHeight)\" fill=\"#3b6ea5\"><title>\(_HTML.escape(bar.label)): \(bar.value)</title></rect>"
            )
            parts.append(
                "<text x=\"\(x + slot * 3 / 8)\" y=\"\(y - 4)\" font-size=\"11\" text-anchor=\"middle\" font-family=\"sans-serif\">\(bar.value)</text>"
            )
            parts.append(
                "<text x=\"\(x + slot * 3 / 8)\" y=\"\(height - bottom + 14)\" font-size=\"10\" text-anchor=\"middle\" font-family=\"sans-serif\">\(_HTML.escape(bar.label))</text>"
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
