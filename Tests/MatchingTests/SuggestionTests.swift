import Testing

@testable import Matching

@Suite struct SuggestionTests {
    @Test("Typing slips and shared beginnings are suggested; the closest wins, the earlier on a tie")
    func suggests() {
        #expect(
            _Suggestion.closest(to: "statisticz", among: ["leadership", "statistics", "statistic"]) == "statistics")
        #expect(_Suggestion.closest(to: "presentation", among: ["presenting", "python"]) == "presenting")
        #expect(_Suggestion.closest(to: "Leadershup", among: ["LEADERSHIP"]) == "LEADERSHIP")
        #expect(_Suggestion.closest(to: "xyz", among: ["abc"]) == nil)
    }

    @Test("Words and candidates beyond 64 letters are never compared (a 1 MB goal once took 9 s)")
    func longWordsAreNotCompared() {
        let huge = String(repeating: "statistics", count: 100_000)
        #expect(_Suggestion.closest(to: huge, among: ["statistics"]) == nil)
        #expect(_Suggestion.closest(to: "statistics", among: [huge, "statistica"]) == "statistica")
    }

    @Test("Among thousands of near-identical candidates a suggestion still comes from the first ones measured")
    func boundedWork() {
        let candidates = (0..<30_000).map { "unused topic \($0)" }
        let suggestion = _Suggestion.closest(to: "unused topic 99x", among: candidates)
        #expect(suggestion.map { candidates.prefix(5_000).contains($0) } == true)
    }
}
