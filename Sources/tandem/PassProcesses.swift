import Foundation
import Matching
import MatchingReports
import Synchronization
import _TandemUtilities

/// Runs each of a round's passes over every pair as separate `tandem
/// pass-part` processes, one per block of mentees, all at once: what
/// `tandem match --pass-processes N` uses to simulate, on one machine, a
/// cluster running each pass as an array job. Each process loads the cohort
/// from the same files and writes its part to a private folder; the round
/// merges the parts in order.
final class PassProcesses: RowPassRunner {
    /// One pass as it ran: its rows, its wall time, and its slowest
    /// process's loading and pass times.
    private struct Timing: Sendable {
        var name: String
        var rows: Int
        var wall: Duration
        var longestLoad: Double
        var longestPass: Double
    }

    let processes: Int
    /// The cohort's file options, as every part is given them.
    private let inputArguments: [String]
    private let folder: URL
    private let executable = URL(fileURLWithPath: "/proc/self/exe")
    private let passes = Atomic<Int>(0)
    private let timings = Mutex<[Timing]>([])
    /// The SHA-256 of each input file as the round read it: a part that
    /// reads other bytes refuses to run.
    private let digests = Mutex<[String: String]>([:])

    /// - Parameters:
    ///   - processes: How many parts each pass is split into.
    ///   - inputArguments: `--mentors M --mentees E …`, as the round read them.
    init(processes: Int, inputArguments: [String]) throws {
        self.processes = processes
        self.inputArguments = inputArguments
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tandem-passes-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Records the files' digests as the round read them (`Cohort.Sources.digests`), before any pass.
    func expect(_ sourceDigests: [String: String]) { digests.withLock { $0 = sourceDigests } }

    /// Removes the parts' folder (the processes' files, nothing of the coordinator's).
    func finish() { try? FileManager.default.removeItem(at: folder) }

    func run(_ job: RowPassJob) -> [[UInt8]] {
        let pass = passes.add(1, ordering: .relaxed).newValue
        let clock = ContinuousClock(), start = clock.now
        let jobFile = folder.appendingPathComponent("pass-\(pass).job")
        func file(_ part: Int, _ suffix: String) -> URL {
            folder.appendingPathComponent("pass-\(pass)-\(part).\(suffix)")
        }
        do { try Data(job.bytes).write(to: jobFile) } catch { fail("cannot write \(jobFile.path): \(error)") }
        let launched: [Process] = (0..<processes).map { part in
            let process = Process()
            process.executableURL = executable
            process.arguments =
                ["pass-part"] + inputArguments + [
                    "--job", jobFile.path, "--part", "\(part)/\(processes)", "--out", file(part, "part").path,
                ]
                + digests.withLock { $0 }.sorted { $0.key < $1.key }.flatMap {
                    ["--source-digest", "\($0.key)=\($0.value)"]
                }
            guard FileManager.default.createFile(atPath: file(part, "log").path, contents: nil),
                let log = try? FileHandle(forWritingTo: file(part, "log"))
            else { fail("cannot write \(file(part, "log").path)") }
            process.standardOutput = log
            process.standardError = log
            do { try process.run() } catch { fail("cannot start part \(part): \(error)") }
            try? log.close()
            return process
        }
        var parts: [[UInt8]] = [], longestLoad = 0.0, longestPass = 0.0
        for (part, process) in launched.enumerated() {
            process.waitUntilExit()
            let log = (try? String(contentsOf: file(part, "log"), encoding: .utf8)) ?? ""
            guard process.terminationStatus == 0, let bytes = try? Data(contentsOf: file(part, "part")) else {
                fail("part \(part) of \"\(job.name)\" failed (exit \(process.terminationStatus)):\n\(log)")
            }
            let fields = log.split(whereSeparator: \.isWhitespace)
            if fields.count == 4, let load = Double(fields[1]), let time = Double(fields[3]) {
                longestLoad = max(longestLoad, load)
                longestPass = max(longestPass, time)
            }
            parts.append(Array(bytes))
            for suffix in ["part", "log"] { try? FileManager.default.removeItem(at: file(part, suffix)) }
        }
        try? FileManager.default.removeItem(at: jobFile)
        ProgressReporter.advance(by: job.rows)
        let timing = Timing(
            name: job.name, rows: job.rows, wall: clock.now - start, longestLoad: longestLoad, longestPass: longestPass)
        timings.withLock { $0.append(timing) }
        return parts
    }

    /// A part that did not run stops the round: nothing has been written yet.
    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("tandem: --pass-processes: \(message)\n".utf8))
        finish()
        exit(1)
    }

    /// The `passes:` lines of the summary: each pass, its rows and times.
    func summary() -> String {
        timings.withLock { $0 }.map { timing in
            "passes:      \(timing.name): \(ProgressLine.grouped(timing.rows)) rows as \(processes) processes, "
                + String(
                    format: "%.1f s (slowest part: loading %.1f s, its rows %.1f s)", timing.wall.seconds,
                    timing.longestLoad, timing.longestPass)
        }.joined(separator: "\n")
    }
}
