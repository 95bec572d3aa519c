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
        let pairs = outcome.pairs.map { ", \($0) allowed pairs" } ?? ""
        var lines = [
            "matrix:      \(outcome.rows) rows × \(outcome.columns) columns\(pairs) (\(outcome.exact ? "integers, exact" : "floats, tolerance \(certificate.tolerance)"))",
            "objective:   \(outcome.objective)",
            "assigned:    \(outcome.rows - unassigned.count) of \(outcome.rows) rows",
            "certificate: \(certificate)",
            "timings:     load \(format(loadSeconds)) s, solve \(format(outcome.solveSeconds)) s, verify \(format(outcome.verifySeconds)) s",
        ]
        if !unassigned.isEmpty {
            lines.append("unassigned rows: " + unassigned.map { row(outcome, $0) }.joined(separator: " "))
        }
        lines.append(outcome.rowLabels == nil ? "row -> column" : "row -> column (as numbered in the file)")
        for (index, column) in outcome.assignment.enumerated() {
            lines.append("\(row(outcome, index)) -> \(column.map { self.column(outcome, $0) } ?? "none")")
        }
        return lines.joined(separator: "\n")
    }

    /// One JSON object with `objective`, `assignment`, `optimal`, timings and
    /// the certificate's figures; keys in a fixed order. For a matrix with no
    /// rows or no columns `degenerate` is true and both lists are empty.
    /// A sparse file's answer is given in its own numbers: `row_ids` lists
    /// each row's, and `assignment` each row's column's.
    public static func json(_ outcome: MatrixSolve.Outcome, loadSeconds: Double) -> String {
        let assignment = outcome.assignment.map { $0.map { column(outcome, $0) } ?? "null" }.joined(separator: ",")
        let unassigned = outcome.assignment.indices.filter { outcome.assignment[$0] == nil }.map { row(outcome, $0) }
            .joined(separator: ",")
        let rowIDs = outcome.rowLabels.map { ",\"row_ids\":[" + $0.map(String.init).joined(separator: ",") + "]" } ?? ""
        let pairs = outcome.pairs.map { ",\"pairs\":\($0)" } ?? ""
        let violations = (outcome.certificate?.violations ?? []).map { doubleQuoted($0) }.joined(separator: ",")
        // With nothing to solve both objectives are the objective itself.
        let objective = Double(outcome.objective) ?? 0
        return """
            {"rows":\(outcome.rows),"columns":\(outcome.columns)\(pairs),"objective":\(outcome.objective),\
            "optimal":\(outcome.isOptimal),"exact":\(outcome.exact),"degenerate":\(outcome.isDegenerate),\
            "primal_objective":\(number(outcome.certificate?.primalObjective ?? objective)),\
            "dual_objective":\(number(outcome.certificate?.dualObjective ?? objective)),\
            "tolerance":\(number(outcome.certificate?.tolerance ?? 0)),"violations":[\(violations)],\
            "load_seconds":\(number(loadSeconds)),"solve_seconds":\(number(outcome.solveSeconds)),\
            "verify_seconds":\(number(outcome.verifySeconds)),\
            "unassigned_rows":[\(unassigned)]\(rowIDs),"assignment":[\(assignment)]}
            """
    }

    /// A row as the file numbers it.
    private static func row(_ outcome: MatrixSolve.Outcome, _ index: Int) -> String {
        String(outcome.rowLabels?[index] ?? Int64(index))
    }

    /// A column as the file numbers it.
    private static func column(_ outcome: MatrixSolve.Outcome, _ index: Int) -> String {
        String(outcome.columnLabels?[index] ?? Int64(index))
    }

    private static func format(_ seconds: Double) -> String {
        String(format: "%.3f", seconds)
    }

    private static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }
}
