import Matching
import Synchronization
import Testing
import _TandemUtilities

/// What a round tells the task's ``ProgressReporter``: its steps in order,
/// and every row a pass reads counted in the step that reads it.
@Suite struct ProgressReportTests {
    /// The events a reporter was given, in order.
    final class Recording: Sendable {
        let events = Mutex<[ProgressReporter.Event]>([])
        var reporter: ProgressReporter { ProgressReporter { event in self.events.withLock { $0.append(event) } } }

        /// Each step with the units reported while it ran.
        var steps: [(step: String, total: Int?, done: Int)] {
            events.withLock { events in
                var steps: [(step: String, total: Int?, done: Int)] = []
                for event in events {
                    switch event {
                    case .began(let step, let total, _): steps.append((step, total, 0))
                    case .advanced(let units): steps[steps.count - 1].done += units
                    }
                }
                return steps
            }
        }
    }

    @Test(
        "A round reports scoring, solving, pricing passes and the certificate; a pass counts the rows it reads",
        arguments: [ScoreStorage.stored, .streamed])
    func roundSteps(storage: ScoreStorage) async throws {
        let generated = try Fixtures.generated(mentees: 900, mentors: 400, topics: 30, seed: 11) { _ in }
        let recording = Recording()
        let round = try await ProgressReporter.$current.withValue(recording.reporter) {
            let check = try ScoredCohort.run(generated.cohort, warnings: [], storage: storage)
            return await MatchingRound.run(check)
        }
        #expect(round.certificate.isOptimal)
        let steps = recording.steps
        let names = steps.map(\.step)
        let scoring = try #require(steps.first)
        #expect(scoring.step == "scoring every pair")
        #expect(scoring.total == 900 && scoring.done == 900)
        if storage == .stored {
            #expect(steps[1].step == "listing each mentee's best mentors" && steps[1].done == 900)
        }
        #expect(names.contains("solving over each mentee's best pairs"))
        for pass in steps where pass.step.hasPrefix("looking for better pairs") {
            #expect(pass.done == pass.total, "\(pass.step)")
        }
        #expect(names.last == "proving the answer optimal and explaining it")
        // The certificate reads every row its bounds do not settle (the
        // answer's details, alongside, read a few more).
        let certificateRows = 900 - round.certificate.rowsSettledByBound
        #expect(try #require(steps.last).done >= certificateRows)
    }

    @Test("Without a reporter nothing is reported, and the round is the same")
    func noReporter() async throws {
        let generated = try Fixtures.generated(mentees: 300, mentors: 150, topics: 20, seed: 3) { _ in }
        let recording = Recording()
        let watched = try await ProgressReporter.$current.withValue(recording.reporter) {
            await MatchingRound.run(try ScoredCohort.run(generated.cohort, warnings: [], storage: .streamed))
        }
        let unwatched = await MatchingRound.run(
            try ScoredCohort.run(generated.cohort, warnings: [], storage: .streamed))
        #expect(!recording.steps.isEmpty)
        #expect(watched.pairs.map(\.mentor) == unwatched.pairs.map(\.mentor))
        #expect(ProgressReporter.current == nil)
    }
}
