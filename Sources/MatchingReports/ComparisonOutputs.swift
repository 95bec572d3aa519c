import Foundation
import Matching

/// Everything `tandem compare` writes about a comparison: `comparison.html`
/// (self-contained, charts as SVG), `comparison.md`, `comparison.csv` (a row
/// per scenario, the baseline first) and `comparison.json` (the whole
/// comparison, keys sorted). The same comparison gives byte-identical files.
public enum ComparisonOutputs {
    /// The files, as (relative path, bytes), in a fixed order; CSV as the
    /// baseline policy's `[output]` says.
    public static func files(_ comparison: Comparison, policy: Policy) -> [(path: String, data: Data)] {
        let document = _ComparisonReport.document(comparison, policyName: policy.name)
        return [
            ("comparison.html", Data(document.html.utf8)),
            ("comparison.md", Data(document.markdown.utf8)),
            ("comparison.csv", Data(csv(comparison, format: policy.output).utf8)),
            ("comparison.json", json(comparison)),
        ]
    }

    /// The comparison as JSON, snake_case keys sorted: `comparison.json`.
    public static func json(_ comparison: Comparison) -> Data { encoded(comparison) }

    /// A shard's part as JSON: `comparison-part.json`, which ``part(from:)`` reads.
    public static func json(_ part: ComparisonPart) -> Data { encoded(part) }

    /// A shard's part read back.
    ///
    /// - Throws: `DecodingError` when the bytes are not a part.
    public static func part(from data: Data) throws -> ComparisonPart {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ComparisonPart.self, from: data)
    }

    private static func encoded(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return ((try? encoder.encode(value)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }

    /// `comparison.csv`: one row per scenario, the baseline first.
    static func csv(_ comparison: Comparison, format: Policy.Output) -> String {
        var csv = CSVWriter(
            header: [
                "scenario", "changes", "mentees", "matched", "places", "places_filled", "total_score", "lowest_score",
                "median_score", "first_choice_share", "pairs_changed", "better_off", "worse_off", "certificate",
                "inputs_sha256",
            ], format: format)
        for outcome in [comparison.baseline] + comparison.scenarios {
            let share = outcome.matched == 0 ? 0 : Double(outcome.firstChoices) / Double(outcome.matched)
            csv.append([
                outcome.name, outcome.changes.joined(separator: "; "), String(outcome.mentees), String(outcome.matched),
                String(outcome.places), String(outcome.matched), outcome.totalScore, outcome.lowestScore ?? "",
                outcome.medianScore ?? "", String(format: "%.3f", share), String(outcome.pairsChanged),
                String(outcome.gains.mentees), String(outcome.losses.mentees),
                outcome.optimal ? "optimal" : "failed", comparison.inputsSHA256,
            ])
        }
        return csv.text
    }
}
