/// The path of a file in the repository's `datasets/` folder, wherever the
/// tests run from (found from this source file's own path).
public func datasetPath(_ relative: String, file: StaticString = #filePath) -> String {
    var root = "\(file)".split(separator: "/", omittingEmptySubsequences: false)
    root.removeLast(3)  // Tests/TestSupport/DatasetPath.swift
    return root.joined(separator: "/") + "/datasets/" + relative
}
