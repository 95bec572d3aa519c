import Foundation

/// The safety checks before a command replaces a folder as a whole.
///
/// Replacing is atomic, which also means the old folder is deleted once the
/// new one is in place; so a folder is only replaced when it is empty or
/// looks like an earlier output of the same command, and never when it holds
/// the command's own inputs.
enum OutputFolder {
    /// Why a folder may not be written.
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    /// - Parameters:
    ///   - path: the folder to be written.
    ///   - marker: a file that an earlier output always contains (`round.json`).
    ///   - inputs: the files the command reads.
    /// - Throws: ``Refusal`` with the reason and the fix.
    static func check(_ path: String, marker: String, inputs: [String]) throws(Refusal) {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs {
            let file = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            if file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
                throw Refusal(
                    description:
                        "\(path) holds the input \(input); writing there would replace it. Choose another output folder."
                )
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Refusal(description: "\(path) is a file, not a folder. Choose another output folder.")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        if !contents.isEmpty && !contents.contains(marker) {
            throw Refusal(
                description:
                    "\(path) already exists and is not an earlier output (it has no \(marker)); it would be replaced as a whole. Choose a new folder, or empty it first."
            )
        }
    }
}
