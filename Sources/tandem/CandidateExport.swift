import AssignmentFiles
import Foundation
import Matching
import MatchingReports
import _TandemUtilities

/// `tandem match --export-candidates FILE`: the round's final candidate
/// graph as a DIMACS assignment file, for other solvers and for `tandem
/// solve` (see ``MatchingRound/candidateProblem()`` and
/// `DIMACSFormat.encode`).
enum CandidateExport {
    /// The first line of every file this writes: an earlier export may be
    /// replaced, any other file is left alone.
    static let signature = "c Tandem candidate graph"

    /// Why `path` may not be written, if it may not: it holds something
    /// other than an earlier export.
    static func refusal(_ path: String) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let start = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: signature.utf8.count) }
        guard let start, String(decoding: start, as: UTF8.self) == signature else {
            return "exists and is not a candidate graph Tandem wrote; Tandem never overwrites it: give another file."
        }
        return nil
    }

    /// Writes the round's candidate graph to `path`, atomically.
    static func write(_ round: MatchingRound, to path: String) throws {
        guard let problem = round.candidateProblem() else { return }
        let objective = round.certificate.primalObjective
        var comments = [
            String(signature.dropFirst(2)) + " (\(TandemVersion.current)) of \"\(round.cohort.policy.name)\":",
            "\(round.cohort.mentees.count) mentees (rows) and \(problem.columns) columns (mentors, or their places"
                + " when later places are discounted); costs are minus each pair's value in score units,"
                + " \(round.pairOffsetUnits) added to every score.",
        ]
        // The certificate's objective is a double: exact below 2^53.
        if abs(objective) < 0x1p53 {
            comments.append(
                "The least cost of a perfect assignment is \(-Int64(objective)), minus the round's certified objective."
            )
        }
        try AtomicFile.write(DIMACSFormat.encode(problem, comments: comments), to: path)
    }
}
