import Testing

@testable import Diagnostics

@Suite struct SuggestionTests {
    @Test("Typing slips and shared beginnings are suggested; the closest wins, the earlier on a tie")
    func suggests() {
        #expect(
            Suggestion.closest(to: "statisticz", among: ["leadership", "statistics", "statistic"]) == "statistics")
        #expect(Suggestion.closest(to: "presentation", among: ["presenting", "python"]) == "presenting")
        #expect(Suggestion.closest(to: "Leadershup", among: ["LEADERSHIP"]) == "LEADERSHIP")
        #expect(Suggestion.closest(to: "xyz", among: ["abc"]) == nil)
    }

    @Test("Words and candidates beyond 64 letters are never compared (a 1 MB goal once took 9 s)")
    func longWordsAreNotCompared() {
        let huge = String(repeating: "statistics", count: 100_000)
        #expect(Suggestion.closest(to: huge, among: ["statistics"]) == nil)
        #expect(Suggestion.closest(to: "statistics", among: [huge, "statistica"]) == "statistica")
    }

    @Test("Among thousands of near-identical candidates a suggestion still comes from the first ones measured")
    func boundedWork() {
        let candidates = (0..<30_000).map { "unused topic \($0)" }
        let suggestion = Suggestion.closest(to: "unused topic 99x", among: candidates)
        #expect(suggestion.map { candidates.prefix(5_000).contains($0) } == true)
    }
}
