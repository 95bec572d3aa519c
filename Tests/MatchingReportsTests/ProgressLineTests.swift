import Diagnostics
import Testing

@testable import MatchingReports

/// The terminal's progress line and the brief form of many warnings.
@Suite struct ProgressLineTests {
    @Test("A step of known size shows a bar, the share done, the time left, the count and the rate")
    func knownSize() {
        let line = ProgressLine(step: "scoring every pair", total: 68_000, done: 17_000, unit: "mentees", seconds: 2)
        #expect(
            line.text(width: 200)
                == "scoring every pair [████░░░░░░░░░░░░] 25% ~6.0 s left  17,000/68,000 mentees  8,500/s")
        #expect(line.finished == "✓ scoring every pair  17,000 mentees  2.0 s")
    }

    @Test("A step of unknown size shows its count, rate and time; one measured in time shows its time")
    func unknownSize() {
        let reading = ProgressLine(step: "proving", total: nil, done: 12_340, unit: "mentees read", seconds: 75)
        #expect(reading.text(width: 200) == "proving  12,340 mentees read  165/s  1 min 15 s")
        let solving = ProgressLine(step: "solving", total: nil, done: 0, unit: "", seconds: 0.44)
        #expect(solving.text(width: 200) == "solving  0.4 s")
        #expect(solving.finished == "✓ solving  0.4 s")
    }

    @Test("No rate in the first moments; slow units keep a decimal; a narrow terminal cuts the end")
    func edges() {
        let start = ProgressLine(step: "pricing", total: 3, done: 0, unit: "variants", seconds: 0.1)
        #expect(start.text(width: 200) == "pricing [░░░░░░░░░░░░░░░░] 0%  0/3 variants")
        let slow = ProgressLine(step: "pricing", total: 3, done: 1, unit: "variants", seconds: 4)
        #expect(slow.text(width: 200) == "pricing [█████░░░░░░░░░░░] 33% ~8.0 s left  1/3 variants  0.3/s")
        let cut = slow.text(width: 30)
        #expect(cut.count == 30 && cut.hasSuffix("…") && cut.hasPrefix("pricing [█████"))
        #expect(ProgressLine.grouped(1_234_567) == "1,234,567" && ProgressLine.grouped(999) == "999")
        #expect(ProgressLine.duration(3_599.6) == "60 min 00 s" && ProgressLine.duration(61) == "1 min 01 s")
    }

    @Test("Many warnings: each kind's first three and a count, and where the whole list is; few: every one")
    func warningsSummary() {
        let outOfScope = (1...40).map {
            InputProblem.warning(
                SourceLocation(file: "mentees.csv", row: $0 + 1, column: 11),
                "the goal \"job hunting \($0)\" is out of scope; it is not matched on.")
        }
        let places = InputProblem.warning(SourceLocation(file: "mentors.csv"), "the mentors offer 9 places in all.")
        let text = ProblemSummary.text(outOfScope + [places], fullList: "round/warnings.txt")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("mentees.csv:2:11: warning: the goal \"job hunting 1\""))
        #expect(lines[3] == "  … and 37 more like this (40 in all)")
        #expect(lines[4] == places.description)
        #expect(lines[5] == "all 41 problems, one per line, in round/warnings.txt")
        let few = ProblemSummary.text(Array(outOfScope.prefix(5)), fullList: "x")
        #expect(few == outOfScope.prefix(5).map(\.description).joined(separator: "\n"))
    }
}
