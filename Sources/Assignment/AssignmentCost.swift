/// A number the solvers can add and compare exactly enough to optimise over.
///
/// Two types conform: `Int64`, for exact optima and exact certificates (what
/// Tandem uses for quantised scores), and `Double`, for callers whose data is
/// real-valued and who accept a stated tolerance in the certificate.
///
/// The protocol is closed in practice: its requirements are implementation
/// details that let one generic solver be specialised for both types.
public protocol AssignmentCost: Comparable, AdditiveArithmetic, Sendable, Hashable,
    CustomStringConvertible
{
    /// Whether sums of this type are exact (integers) or rounded (floating point).
    static var isExact: Bool { get }

    /// A value never used as a cost: it marks a forbidden pair in dense storage
    /// (`Int64.max`, or `+infinity` for `Double`), and every loop that reads the
    /// storage checks for it before doing arithmetic.
    static var _forbidden: Self { get }

    /// `-self`, for turning scores into costs.
    var _negated: Self { get }

    /// Whether the value can be used as a cost (finite and not the marker).
    var _isUsableCost: Bool { get }

    /// The magnitude as a `Double`, for overflow bounds and tolerances.
    var _magnitude: Double { get }

    /// `self × count`, for objective terms such as "k rows left unassigned".
    func _times(_ count: Int) -> Self

    /// `a + b` without an overflow trap, for the solver's inner loops. The
    /// problem's setup proves the bound that makes overflow impossible there.
    static func _uncheckedAdd(_ a: Self, _ b: Self) -> Self

    /// `a - b` without an overflow trap; see ``_uncheckedAdd(_:_:)``.
    static func _uncheckedSubtract(_ a: Self, _ b: Self) -> Self

    /// The type in which the optimality certificate adds and subtracts values:
    /// `Int128` for `Int64`, where a difference of three values or a sum of
    /// 2⁶³ of them cannot overflow, so every check is exact; `Double` for `Double`.
    associatedtype _CertificateValue: SignedNumeric, Comparable, Sendable

    /// The value widened for the certificate.
    var _certificateValue: _CertificateValue { get }

    /// A certificate value as a `Double`, for reports.
    static func _double(_ value: _CertificateValue) -> Double

    /// The certificate's per-comparison tolerance in its own type (0 when exact).
    static func _certificateTolerance(_ tolerance: Double) -> _CertificateValue

    /// Runs the dense solver specialised for this type.
    static func _solveDense(
        _ problem: AssignmentProblem<Self>, warmStart: WarmStart<Self>?
    ) throws(AssignmentError) -> AssignmentSolution<Self>
}

extension Int64: AssignmentCost {
    public static var isExact: Bool { true }
    public static var _forbidden: Int64 { .max }
    public var _negated: Int64 { -self }
    public var _isUsableCost: Bool { self != .max && self != .min }
    public var _magnitude: Double { Double(self.magnitude) }
    public func _times(_ count: Int) -> Int64 { self * Int64(count) }
    @inline(__always) public static func _uncheckedAdd(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
    @inline(__always) public static func _uncheckedSubtract(_ a: Int64, _ b: Int64) -> Int64 { a &- b }
    @inline(__always) public var _certificateValue: Int128 { Int128(self) }
    public static func _double(_ value: Int128) -> Double { Double(value) }
    public static func _certificateTolerance(_ tolerance: Double) -> Int128 { 0 }

    public static func _solveDense(
        _ problem: AssignmentProblem<Int64>, warmStart: WarmStart<Int64>?
    ) throws(AssignmentError) -> AssignmentSolution<Int64> {
        try _DenseSolve<Int64>.run(problem, warmStart: warmStart)
    }
}

extension Double: AssignmentCost {
    public static var isExact: Bool { false }
    public static var _forbidden: Double { .infinity }
    public var _negated: Double { -self }
    public var _isUsableCost: Bool { isFinite }
    public var _magnitude: Double { magnitude }
    public func _times(_ count: Int) -> Double { self * Double(count) }
    @inline(__always) public static func _uncheckedAdd(_ a: Double, _ b: Double) -> Double { a + b }
    @inline(__always) public static func _uncheckedSubtract(_ a: Double, _ b: Double) -> Double { a - b }
    @inline(__always) public var _certificateValue: Double { self }
    public static func _double(_ value: Double) -> Double { value }
    public static func _certificateTolerance(_ tolerance: Double) -> Double { tolerance }

    public static func _solveDense(
        _ problem: AssignmentProblem<Double>, warmStart: WarmStart<Double>?
    ) throws(AssignmentError) -> AssignmentSolution<Double> {
        try _DenseSolve<Double>.run(problem, warmStart: warmStart)
    }
}
