/// A solver for ``AssignmentProblem``s. All solvers return an optimal solution
/// with its duals, or throw.
public protocol AssignmentSolver: Sendable {
    /// Solves a problem to optimality.
    ///
    /// - Throws: ``AssignmentError`` when the problem is infeasible as posed.
    func solve<Cost: AssignmentCost>(
        _ problem: AssignmentProblem<Cost>
    ) throws(AssignmentError)
        -> AssignmentSolution<Cost>
}
