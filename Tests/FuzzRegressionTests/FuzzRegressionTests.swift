import Diagnostics
import Foundation
import TandemFuzzTargets
import TestSupport
import Testing

/// Every input that once crashed Tandem, hung it or took gigabytes, run
/// through the fuzz target that found it (`Inputs/<target>/`). A new crasher
/// from `make fuzz` is added there (see CONTRIBUTING) and stays a test.
@Suite struct FuzzRegressionTests {
    /// (target, file) for every kept input.
    static let inputs: [(FuzzTarget, String)] = {
        var inputs: [(FuzzTarget, String)] = []
        for target in FuzzTarget.allCases {
            let folder = Self.folder(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            inputs += names.sorted().map { (target, $0) }
        }
        return inputs
    }()

    static func folder(_ target: FuzzTarget, file: StaticString = #filePath) -> String {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Inputs/\(target.rawValue)")
            .path
    }

    @Test("The kept inputs cover the readers that had bugs")
    func inputsAreFound() {
        #expect(Set(Self.inputs.map(\.0)).isSuperset(of: [.policy, .mentees, .npy]))
    }

    @Test("A kept input is accepted or refused with errors in the input files, never a crash", arguments: inputs)
    func keptInput(target: FuzzTarget, name: String) async throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.folder(target) + "/" + name)))
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-fuzz-\(UUID())").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let cohort = datasetPath(target.fixturesFolder)
        switch await target.run(bytes, in: work, fixtures: try FuzzTarget.Fixtures(folder: cohort)) {
        case .accepted:
            break
        case .refused(let diagnostics):
            let errors = diagnostics.problems.filter { $0.severity == .error }
            #expect(!errors.isEmpty)
            for error in errors {
                #expect(
                    error.location.file.hasPrefix(work) || error.location.file.hasPrefix(cohort),
                    "\(error)")
            }
        }
    }
}
