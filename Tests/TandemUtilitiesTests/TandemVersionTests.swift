import Foundation
import Testing
import _TandemUtilities

@Suite struct TandemVersionTests {
    @Test("The newest CHANGELOG entry names the version the code reports")
    func changelogNamesTheVersion() throws {
        var root = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        root.removeLast(3)
        let path = root.joined(separator: "/") + "/CHANGELOG.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let newest = text.split(separator: "\n").first { $0.hasPrefix("## ") }
        #expect(newest == "## \(TandemVersion.current)")
    }
}
