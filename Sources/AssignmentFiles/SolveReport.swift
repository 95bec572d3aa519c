import Foundation
import _TandemUtilities

/// The text and JSON that `tandem solve` prints.
public enum SolveReport {
    /// A human-readable summary: objective, certificate, timings, assignment.
    public static func text(_ outcome: MatrixSolve.Outcome, loadSeconds: Double) -> String {
        guard let certificate = outcome.certificate else {
            return [
                "matrix:      \(outcome.rows) rows × \(outcome.columns) columns",
                "objective:   \(outcome.objective)",
                "assigned:    0 of \(outcome.rows) rows (the matrix has no \(outcome.rows == 0 ? "rows" : "columns"))",
                "certificate: not needed: the empty assignment is the only one",
            ].joined(separator: "\n")
        }
        let unassigned = outcome.assignment.indices.filter { outcome.assignment[$0] == nil }
        var lines = [
            "matrix:      \(outcome.rows) rows × \(outcome.columns) columns (\(outcome.exact ? "integers, exact" : "floats, tolerance \(certificate.tolerance)"))",
            "objective:   \(outcome.objective)",
            "assigned:    \(outcome.rows - unassigned.count) of \(outcome.rows) rows",
            "certificate: \(certificate)",
            "timings:     load \(format(loadSeconds)) s, solve \(format(outcome.solveSeconds)) s, verify \(format(outcome.verifySeconds)) s",
        ]
        if !unassigned.isEmpty {
            lines.append("unassigned rows: " + unassigned.map(String.init).joined(separator: " "))
        }
        lines.append("row -> column")
        for (row, column) in outcome.assignment.enumerated() {
            lines.append("\(row) -> \(column.map(String.init) ?? "none")")
        }
        return lines.joined(separator: "\n")
    }

    /// One JSON object with `objective`, `assignment`, `optimal`, timings and
    /// the certificate's figures; keys in a fixed order. For a matrix with no
    /// rows or no columns `degenerate` is true and both lists are empty.
    public static func json(_ outcome: MatrixSolve.Outcome, loadSeconds: Double) -> String {
        let assignment = outcome.assignment.map { $0.map(String.init) ?? "null" }.joined(separator: ",")
        let unassigned = outcome.assignment.indices.filter { outcome.assignment[$0] == nil }.map(String.init)
            .joined(separator: ",")
        let violations = (outcome.certificate?.violations ?? []).map { doubleQuoted($0) }.joined(separator: ",")
        // With nothing to solve both objectives are the objective itself.
        let objective = Double(outcome.objective) ?? 0
        return """
            {"rows":\(outcome.rows),"columns":\(outcome.columns),"objective":\(outcome.objective),\
            "optimal":\(outcome.isOptimal),"exact":\(outcome.exact),"degenerate":\(outcome.isDegenerate),\
            "primal_objective":\(number(outcome.certificate?.primalObjective ?? objective)),\
            "dual_objective":\(number(outcome.certificate?.dualObjective ?? objective)),\
            "tolerance":\(number(outcome.certificate?.tolerance ?? 0)),"violations":[\(violations)],\
            "load_seconds":\(number(loadSeconds)),"solve_seconds":\(number(outcome.solveSeconds)),\
            "verify_seconds":\(number(outcome.verifySeconds)),\
            "unassigned_rows":[\(unassigned)],"assignment":[\(assignment)]}
            """
    }

    private static func format(_ seconds: Double) -> String {
        String(format: "%.3f", seconds)
    }

    private static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }
}
