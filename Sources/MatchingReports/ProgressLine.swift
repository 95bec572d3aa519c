/// The line a terminal shows for a step in progress: what the step does, a
/// bar, how far it has got, the rate and the time left when the step's size
/// is known; how much is done and for how long otherwise.
///
/// ```text
/// scoring every pair [████████░░░░░░░░] 52% ~3.4 s left  35,360/68,000 mentees  9,800/s
/// proving the answer optimal and explaining it  12,340 mentees read  4,100/s  6.0 s
/// ```
public struct ProgressLine: Sendable, Equatable {
    /// What the step does.
    public var step: String
    /// The step's size in units, when known.
    public var total: Int?
    /// Units done so far.
    public var done: Int
    /// What a unit is ("mentees"); empty for a step measured only in time.
    public var unit: String
    /// Seconds since the step began.
    public var seconds: Double

    public init(step: String, total: Int?, done: Int, unit: String, seconds: Double) {
        self.step = step
        self.total = total
        self.done = done
        self.unit = unit
        self.seconds = seconds
    }

    /// Characters in the bar.
    static let barWidth = 16

    /// The line, cut to `width` characters.
    public func text(width: Int) -> String {
        var parts: [String] = []
        let rate = seconds > 0.2 && done > 0 ? Double(done) / seconds : nil
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let filled = Int((fraction * Double(Self.barWidth)).rounded(.down))
            // The most telling first: a narrow terminal cuts the rest.
            var head =
                step + " [" + String(repeating: "█", count: filled)
                + String(repeating: "░", count: Self.barWidth - filled) + "] \(Int((fraction * 100).rounded(.down)))%"
            if let rate { head += " ~" + Self.duration(Double(max(0, total - done)) / rate) + " left" }
            parts.append(head)
            parts.append("\(Self.grouped(done))/\(Self.grouped(total)) \(unit)")
            if let rate { parts.append(Self.rate(rate)) }
        } else {
            parts.append(step)
            if !unit.isEmpty, done > 0 {
                parts.append("\(Self.grouped(done)) \(unit)")
                if let rate { parts.append(Self.rate(rate)) }
            }
            parts.append(Self.duration(seconds))
        }
        let line = parts.joined(separator: "  ")
        return line.count <= width ? line : String(line.prefix(max(0, width - 1))) + "…"
    }

    /// The line left when the step has ended: what it did and how long it took.
    public var finished: String {
        let amount = unit.isEmpty || done == 0 ? "" : "  \(Self.grouped(done)) \(unit)"
        return "✓ \(step)\(amount)  \(Self.duration(seconds))"
    }

    /// `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// `9,800/s`, or `0.4/s` for slow units.
    static func rate(_ perSecond: Double) -> String {
        perSecond < 10 ? "\((perSecond * 10).rounded() / 10)/s" : "\(grouped(Int(perSecond.rounded())))/s"
    }

    /// `0.4 s`, `12 s`, `3 min 05 s`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        if seconds < 10 { return "\((seconds * 10).rounded() / 10) s" }
        let whole = Int(seconds.rounded())
        guard whole >= 60 else { return "\(whole) s" }
        let second = whole % 60
        return "\(whole / 60) min \(second < 10 ? "0" : "")\(second) s"
    }
}
