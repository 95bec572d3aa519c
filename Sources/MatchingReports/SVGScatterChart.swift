/// Points on two axes as self-contained SVG, each labelled, with the points
/// of one series (a sweep) joined in order: coverage against total score
/// across a comparison's scenarios.
struct _SVGScatterChart {
    struct Point {
        var label: String
        var x: Double
        var y: Double
        /// Points of the same series are joined by a line, in order.
        var series: String?
        /// Drawn in the warning colour (a regression).
        var isMarked = false
    }

    var title: String
    var points: [Point]
    var xAxis: String
    var yAxis: String

    func svg() -> String {
        let width = 640.0, height = 340.0, left = 64.0, right = 24.0, bottom = 48.0, top = 40.0
        let plotWidth = width - left - right, plotHeight = height - bottom - top
        let xs = points.map(\.x), ys = points.map(\.y)
        func span(_ values: [Double]) -> (low: Double, high: Double) {
            let low = values.min() ?? 0, high = values.max() ?? 1
            let pad = high > low ? (high - low) * 0.08 : max(1, abs(high) * 0.05)
            return (low - pad, high + pad)
        }
        let (xLow, xHigh) = span(xs), (yLow, yHigh) = span(ys)
        func px(_ x: Double) -> Double { left + (x - xLow) / (xHigh - xLow) * plotWidth }
        func py(_ y: Double) -> Double { top + plotHeight - (y - yLow) / (yHigh - yLow) * plotHeight }
        func number(_ value: Double) -> String { String(Int(value.rounded())) }
        let font = "font-family=\"system-ui, sans-serif\""
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(_HTML.escape(title))\">",
            "<text x=\"\(Int(left))\" y=\"18\" font-size=\"14\" font-weight=\"600\" \(font)>\(_HTML.escape(title))</text>",
            "<rect x=\"\(Int(left))\" y=\"\(Int(top))\" width=\"\(Int(plotWidth))\" height=\"\(Int(plotHeight))\" fill=\"none\" stroke=\"#b9c4d6\"/>",
            "<text x=\"\(Int(left + plotWidth / 2))\" y=\"\(Int(height - 8))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\" \(font)>\(_HTML.escape(xAxis))</text>",
            "<text transform=\"translate(14 \(Int(top + plotHeight / 2))) rotate(-90)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\" \(font)>\(_HTML.escape(yAxis))</text>",
        ]
        for (value, anchor) in [(xLow, "start"), (xHigh, "end")] {
            parts.append(
                "<text x=\"\(Int(px(value)))\" y=\"\(Int(top + plotHeight + 16))\" font-size=\"10\" text-anchor=\"\(anchor)\" fill=\"#444\" \(font)>\(number(value))</text>"
            )
        }
        for value in [yLow, yHigh] {
            parts.append(
                "<text x=\"\(Int(left - 6))\" y=\"\(Int(py(value)) + 4)\" font-size=\"10\" text-anchor=\"end\" fill=\"#444\" \(font)>\(number(value))</text>"
            )
        }
        var seriesOrder: [String] = []
        for point in points {
            if let series = point.series, !seriesOrder.contains(series) { seriesOrder.append(series) }
        }
        for series in seriesOrder {
            let coordinates = points.filter { $0.series == series }.map { "\(Int(px($0.x))),\(Int(py($0.y)))" }
            parts.append(
                "<polyline points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" stroke=\"#7f9cc4\" stroke-width=\"1.5\"><title>\(_HTML.escape(series))</title></polyline>"
            )
        }
        for point in points {
            let colour = point.isMarked ? "#c2410c" : "#3b6ea5"
            let (x, y) = (Int(px(point.x)), Int(py(point.y)))
            parts.append(
                "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"4\" fill=\"\(colour)\"><title>\(_HTML.escape(point.label)): \(number(point.y)) matched, total \(number(point.x))</title></circle>"
            )
            parts.append(
                "<text x=\"\(x + 6)\" y=\"\(y - 6)\" font-size=\"10\" fill=\"\(colour)\" \(font)>\(_HTML.escape(point.label))</text>"
            )
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
