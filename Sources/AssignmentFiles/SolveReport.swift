import Foundation

/// The text and JSON that `tandem solve` prints.
public enum SolveReport {
    /// A human-readable summary: objective, certificate, timings, assignment.
    public static func text(_ outcome: MatrixSolve.Outcome, loadSeconds: Double) -> String {
        let unassigned = outcome.assignment.indices.filter { outcome.assignment[$0] == nil }
        var lines = [
            "matrix:      \(outcome.rows) rows × \(outcome.columns) columns (\(outcome.exact ? "integers, exact" : "floats, tolerance \(outcome.certificate.tolerance)"))",
            "objective:   \(outcome.objective)",
            "assigned:    \(outcome.rows - unassigned.count) of \(outcome.rows) rows",
            "certificate: \(outcome.certificate)",
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
    /// the certificate's figures; keys in a fixed order.
    public static func json(_ outcome: MatrixSolve.Outcome, loadSeconds: Double) -> String {
        let assignment = outcome.assignment.map { $0.map(String.init) ?? "null" }.joined(separator: ",")
        let unassigned = outcome.assignment.indices.filter { outcome.assignment[$0] == nil }.map(String.init)
            .joined(separator: ",")
        let violations = outcome.certificate.violations.map(quoted).joined(separator: ",")
        return """
            {"rows":\(outcome.rows),"columns":\(outcome.columns),"objective":\(outcome.objective),\
            "optimal":\(outcome.certificate.isOptimal),"exact":\(outcome.exact),\
            "primal_objective":\(number(outcome.certificate.primalObjective)),\
            "dual_objective":\(number(outcome.certificate.dualObjective)),\
            "tolerance":\(number(outcome.certificate.tolerance)),"violations":[\(violations)],\
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

    private static func quoted(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
