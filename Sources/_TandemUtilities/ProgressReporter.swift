/// How far a long computation has got, told to whoever shows it: `tandem`
/// draws a bar on a terminal, tests record the steps.
///
/// The computation finds the reporter in ``current``, a task-local value, so
/// no function between the command and the loop that does the work needs a
/// parameter for it; without a reporter, a report costs one task-local read.
/// Steps follow one another: a new step ends the one before.
public final class ProgressReporter: Sendable {
    /// What a computation says of its progress.
    public enum Event: Sendable, Equatable {
        /// A step begins: what it does, how many units it will take when that
        /// is known, and what a unit is ("mentees").
        case began(step: String, total: Int?, unit: String)
        /// More units of the current step are done.
        case advanced(units: Int)
    }

    /// The reporter of the running task, if anyone is watching.
    @TaskLocal public static var current: ProgressReporter?

    private let handler: @Sendable (Event) -> Void

    /// A reporter that hands every event to `handler`, on the thread that
    /// reports it (several threads may report at once).
    public init(_ handler: @escaping @Sendable (Event) -> Void) {
        self.handler = handler
    }

    /// Tells the running task's reporter that a step begins.
    public static func begin(_ step: String, total: Int? = nil, unit: String = "") {
        current?.handler(.began(step: step, total: total, unit: unit))
    }

    /// Tells the running task's reporter that `units` more are done.
    public static func advance(by units: Int) {
        guard units > 0 else { return }
        current?.handler(.advanced(units: units))
    }
}
