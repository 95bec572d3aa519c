import CLibFuzzer
import Dispatch
import Foundation
import TandemFuzzTargets

// tandem-fuzz TARGET [libFuzzer options] [corpus folders]
//
// Feeds libFuzzer's inputs to one of Tandem's readers (`FuzzTarget`), with
// the other inputs of a round taken from `datasets/small` (or, for the
// criteria targets, `datasets/forms/every-criterion`). libFuzzer reports a
// crash (a trap, an abort, a signal), a hang (-timeout) or memory beyond
// -rss_limit_mb, writes the input that caused it and exits non-zero.

/// What the C callback needs, fixed once at start (it can capture nothing).
enum Session {
    static let target: FuzzTarget = {
        let arguments = CommandLine.arguments
        guard arguments.count > 1, let target = FuzzTarget(rawValue: arguments[1]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(
                Data("usage: tandem-fuzz TARGET [libFuzzer options] [corpus folders]; TARGET is one of \(names)\n".utf8)
            )
            exit(64)
        }
        return target
    }()

    /// The rest of the round: the target's folder of the repository's
    /// `datasets/`, found from this file's path.
    static let fixtures: FuzzTarget.Fixtures = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../datasets/" + target.fixturesFolder).standardizedFileURL.path
        do {
            return try FuzzTarget.Fixtures(folder: folder)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
    }()

    /// A folder of this process's for the input file and the round it writes.
    static let work: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tandem-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
        ).path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Runs one input to the end; the readers are `async`, libFuzzer is not.
    static func run(_ bytes: [UInt8]) {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            _ = await target.run(bytes, in: work, fixtures: fixtures)
            done.signal()
        }
        done.wait()
    }
}

_ = (Session.target, Session.fixtures)
atexit { try? FileManager.default.removeItem(atPath: Session.work) }
// libFuzzer reads its options from argv; the target's name is ours, not its.
var arguments = [CommandLine.unsafeArgv[0]] + (2..<Int(CommandLine.argc)).map { CommandLine.unsafeArgv[$0] }
var count = CInt(arguments.count)
let status = arguments.withUnsafeMutableBufferPointer { buffer in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&count, &argv) { data, size in
        Session.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
exit(status)
