import Foundation
import MatchingReports

/// The safety checks before a command replaces a folder as a whole.
///
/// Replacing is atomic, which also means the old folder is deleted once the
/// new one is in place; so a folder is only replaced when it is empty or when
/// everything in it is what the command itself writes (an earlier output:
/// its files, and its subfolders holding only files of the kind it writes
/// there), and never when it holds the command's own inputs. A note the
/// coordinator added to an earlier round's folder makes it refused, with the
/// files in the way named.
enum OutputFolder {
    /// Why a folder may not be written.
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    /// What a command writes: its top-level files, and each subfolder with
    /// the endings of the files in it.
    struct Outputs {
        var files: Set<String>
        var folders: [String: [String]] = [:]
        /// Subfolders holding folders of another command's outputs, one
        /// per name (a comparison's `rounds/NAME/`).
        var nested: [String: Outputs] = [:]

        /// A round's folder, its letters as files or as one mail-merge file;
        /// letters were Markdown (`.md`) before 0.4.0, and such a folder is
        /// still an earlier round.
        static let round = Outputs(
            files: [
                "pairs.csv", "unmatched.csv", "report.md", "report.html", "summary.html", "round.json", "changes.csv",
                "changes.md", "warnings.txt",
            ],
            folders: ["letters": [".txt", ".html", ".md", "index.csv", "mail-merge.csv"]])
        static let cohort = Outputs(files: [
            "mentors.csv", "mentees.csv", "conflicts.csv", "policy.toml", "mentees-later.csv", "conflicts-later.csv",
        ])
        static let responses = Outputs(files: ["responses.csv"])
        static let comparison = Outputs(
            files: ["comparison.html", "comparison.md", "comparison.csv", "comparison.json", "comparison-part.json"],
            nested: ["rounds": round])
    }

    /// - Parameters:
    ///   - path: the folder to be written.
    ///   - outputs: what the command writes.
    ///   - inputs: the files the command reads.
    /// - Throws: ``Refusal`` with the reason and the fix.
    static func check(_ path: String, outputs: Outputs, inputs: [String]) throws(Refusal) {
        let folder = OutputPath.resolvingLinks(path)
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
        let foreign = foreignEntries(in: folder, outputs: outputs)
        guard foreign.isEmpty else {
            let shown =
                foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? " and \(foreign.count - 5) more" : "")
            throw Refusal(
                description:
                    "\(path) holds files Tandem did not write (\(shown)); it would be replaced as a whole. Choose a new folder, or move them out first."
            )
        }
    }

    /// What in `folder` the command did not write, by relative path.
    private static func foreignEntries(in folder: String, outputs: Outputs) -> [String] {
        let manager = FileManager.default
        let contents = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        var foreign: [String] = []
        for name in contents where !outputs.files.contains(name) {
            let inside = ((try? manager.contentsOfDirectory(atPath: folder + "/" + name)) ?? []).sorted()
            if let endings = outputs.folders[name] {
                foreign += inside.filter { file in !endings.contains { file.hasSuffix($0) } }.map { name + "/" + $0 }
            } else if let nested = outputs.nested[name] {
                for entry in inside {
                    var isFolder: ObjCBool = false
                    let path = folder + "/" + name + "/" + entry
                    guard manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                        foreign.append(name + "/" + entry)
                        continue
                    }
                    foreign += foreignEntries(in: path, outputs: nested).map { name + "/" + entry + "/" + $0 }
                }
            } else {
                foreign.append(name)
            }
        }
        return foreign
    }
}
