import Dispatch
import Foundation
import MatchingReports
import Synchronization
import _TandemUtilities

/// Draws the progress a command's computation reports (`ProgressReporter`)
/// on standard error: a live line for the step in progress, redrawn five
/// times a second, and a line with its time for each step that has ended.
/// A step shorter than half a second shows nothing, so an ordinary round
/// prints no progress at all; `TANDEM_PROGRESS_DELAY=0` in the environment
/// shows every step (the tests do, to see the steps of a small round).
final class TerminalProgress: Sendable {
    private struct State {
        var line: ProgressLine?
        var began = ContinuousClock.now
        /// Whether the current step's line is on the terminal.
        var shown = false
        var stopped = false
    }

    private let state = Mutex(State())
    private let ticker = DispatchSemaphore(value: 0)
    /// How long a step runs before its line appears (`TANDEM_PROGRESS_DELAY`
    /// seconds, 0.5 by default), and how often it is redrawn.
    private let quietSeconds =
        ProcessInfo.processInfo.environment["TANDEM_PROGRESS_DELAY"].flatMap(Double.init).map { max(0, $0) } ?? 0.5
    private static let redrawMicroseconds: UInt32 = 200_000

    /// Runs `body` with its progress drawn on standard error when `enabled`
    /// (standard error is a terminal and the command is not quiet), or not
    /// drawn at all.
    static func watch<Result>(
        enabled: Bool, _ body: () async throws -> Result
    ) async throws -> Result {
        guard enabled else { return try await body() }
        let progress = TerminalProgress()
        // A thread of its own: the ticker sleeps between redraws, and on a
        // global queue it held one of the pool's threads (one per core) that
        // the scoring blocks and the round's own task run on. On two cores a
        // 5,000-person round took 2.1 s with progress shown against 1.0 s
        // with --quiet, its scoring step 0.9 s; 34,000 × 16,000 18.3 s
        // against 16.2 s.
        Thread { progress.tick() }.start()
        defer { progress.stop() }
        let reporter = ProgressReporter { progress.receive($0) }
        return try await ProgressReporter.$current.withValue(reporter) { try await body() }
    }

    private func receive(_ event: ProgressReporter.Event) {
        let now = ContinuousClock.now
        state.withLock { state in
            switch event {
            case .began(let step, let total, let unit):
                endStep(&state, at: now)
                state.line = ProgressLine(step: step, total: total, done: 0, unit: unit, seconds: 0)
                state.began = now
            case .advanced(let units):
                state.line?.done += units
            }
        }
    }

    /// Redraws until stopped.
    private func tick() {
        while true {
            let stopped = state.withLock { state in
                if !state.stopped { draw(&state, at: .now) }
                return state.stopped
            }
            if stopped { break }
            usleep(Self.redrawMicroseconds)
        }
        ticker.signal()
    }

    private func stop() {
        state.withLock { state in
            endStep(&state, at: .now)
            state.stopped = true
        }
        ticker.wait()
    }

    private func draw(_ state: inout State, at now: ContinuousClock.Instant) {
        guard var line = state.line else { return }
        line.seconds = (now - state.began).seconds
        guard line.seconds >= quietSeconds else { return }
        state.shown = true
        Self.write("\r\u{1B}[2K" + line.text(width: Self.columns() - 1))
    }

    /// Replaces a shown step's live line with the line of its time.
    private func endStep(_ state: inout State, at now: ContinuousClock.Instant) {
        guard var line = state.line else { return }
        line.seconds = (now - state.began).seconds
        guard state.shown || line.seconds >= quietSeconds else {
            state.line = nil
            return
        }
        Self.write("\r\u{1B}[2K" + line.finished + "\n")
        state.line = nil
        state.shown = false
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The terminal's width, or 80 when it does not say.
    private static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
