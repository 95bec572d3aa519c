import Diagnostics

/// Reads a scenarios file (TOML) into the ``Scenario``s of a comparison.
///
/// ```toml
/// [[scenario]]
/// name = "forbid same organisation"
/// [scenario.policy]
/// rules.same_organisation = "forbid"
///
/// [[scenario]]
/// name = "M12 leaves, M3 takes five"
/// drop = ["M12"]
/// capacity = { M3 = 5 }
/// pin = [["E4", "M7"]]
/// forbid = [["E9", "M2"]]
///
/// [[sweep]]
/// name = "minimum"
/// key = "matching.minimum_score"
/// values = [0, 10, 20]
/// ```
///
/// A scenario's `[scenario.policy]` keys are written as in a policy file and
/// laid over the baseline's policy file: tables merge key by key, a value or
/// a list (`[[criteria]]` too) replaces the baseline's. Each value of a
/// sweep is a scenario of its own, named `NAME=VALUE`. Every mistake is
/// reported at once with its line: unknown keys and people with the nearest
/// existing one, a policy key's own checks, names used twice.
public enum ScenarioFile {
    /// The scenarios of a file, in the file's order, and the SHA-256 of its bytes.
    public struct Loaded: Sendable {
        public var path: String
        public var scenarios: [Scenario]
        public var sha256: String
    }

    /// Reads the scenarios at `path` for a round of `baseline`, a cohort
    /// loaded from files (its policy file is what the overrides change).
    ///
    /// - Throws: `InputDiagnostics` with every problem, each with its line.
    public static func load(path: String, baseline: Cohort) throws(InputDiagnostics) -> Loaded {
        let file: (text: String, sha256: String)
        switch _TOMLFile.read(path: path) {
        case .failure(let problems): throw problems
        case .success(let read): file = read
        }
        return Loaded(path: path, scenarios: try parse(file.text, path: path, baseline: baseline), sha256: file.sha256)
    }

    /// Reads scenarios from text; `path` names the file in problems.
    ///
    /// - Throws: `InputDiagnostics` with every problem, each with its line.
    public static func parse(_ text: String, path: String, baseline: Cohort) throws(InputDiagnostics) -> [Scenario] {
        let root: _TOMLNode
        switch _TOMLFile.parse(text, path: path) {
        case .failure(let problems): throw problems
        case .success(let node): root = node
        }
        var reader = _ScenarioReader(
            path: path, lines: _TOMLKeyLines(text: text), cohort: baseline, basePolicy: try policyDocument(of: baseline)
        )
        let scenarios = reader.scenarios(root)
        guard !reader.diagnostics.hasErrors else { throw reader.diagnostics }
        return scenarios
    }

    /// The baseline's policy file as TOML (an empty document when the round
    /// has none), checked to be the bytes the cohort was loaded from.
    private static func policyDocument(of cohort: Cohort) throws(InputDiagnostics) -> _TOMLNode {
        guard let path = cohort.sources.policy else { return .table([]) }
        switch _TOMLFile.read(path: path) {
        case .failure(let problems): throw problems
        case .success(let file):
            if let digest = cohort.sources.digests[path], digest != file.sha256 {
                throw InputDiagnostics([
                    .error(SourceLocation(file: path), "changed while the round was being read; run the command again.")
                ])
            }
            switch _TOMLFile.parse(file.text, path: path) {
            case .failure(let problems): throw problems
            case .success(let node): return node
            }
        }
    }
}
