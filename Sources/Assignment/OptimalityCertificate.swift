/// An independent proof check of a solution: it recomputes every reduced cost
/// from the problem's values and the returned duals, and shares no code with
/// the solver.
///
/// A solution is proven optimal when:
/// 1. it is feasible: each row is placed at most once, on an allowed pair; the
///    locks hold; no column exceeds its capacity; and the number of unassigned
///    rows is allowed (none when the problem forbids it; for a
///    maximum-cardinality problem, exactly as many as a maximum matching —
///    computed here by its own augmenting-path search — leaves over);
/// 2. the duals are feasible: on every allowed pair of an unlocked row,
///    `cost − u − v ≥ 0`; every column potential is ≤ 0; likewise for the
///    unassigned option;
/// 3. complementary slackness holds: every assigned pair (and every unassigned
///    row's option) has reduced cost 0, and a column with a negative potential
///    is full.
///
/// Then the primal objective equals the dual objective, which is also checked.
/// Costs are in minimisation form (scores negated when maximising).
///
/// For `Int64` every check is exact: values are widened to `Int128`, in which
/// no difference or sum the certificate forms can overflow, so an answer that
/// is off by one unit is refused whatever the magnitude of the values. For
/// `Double` each comparison allows a stated tolerance (see `Report.tolerance`).
///
/// One implementation reads every problem row by row (``AssignmentRowSource``);
/// `verify(problem:solution:)` for dense and sparse problems are thin
/// adapters over it. A source too large to read again may summarise a row
/// instead (``RowSummary``): some of its pairs with their values, checked one
/// by one, and a bound on every other pair, checked against the row's
/// potential and the highest column potential (plus a per-column allowance);
/// a row whose bound does not settle it is read in full, and
/// ``Report/rowsSettledByBound`` counts the rest.
public enum OptimalityCertificate {
    /// At most this many violations are kept in a report (the first found):
    /// enough to diagnose, and a badly wrong answer on a large problem would
    /// otherwise fill memory with sentences.
    public static let violationsKept = 20

    /// The verdict on one solution.
    public struct Report: Sendable, CustomStringConvertible {
        /// Whether every condition holds.
        public var isOptimal: Bool { violations.isEmpty }
        /// One sentence per violated condition (at most ``OptimalityCertificate/violationsKept``).
        public internal(set) var violations: [String] = []
        /// The primal objective in the problem's sense (unassigned values
        /// included when the problem gives one), as a `Double` for display.
        public internal(set) var primalObjective: Double = 0
        /// The dual objective Σu + Σ capacity·v (plus locked pairs), in the
        /// problem's sense, as a `Double` for display.
        public internal(set) var dualObjective: Double = 0
        /// The absolute tolerance used per comparison (0 for exact costs).
        public internal(set) var tolerance: Double = 0
        /// Rows proven through the source's summary (``RowSummary``) without
        /// being read; every other row was read in full.
        public internal(set) var rowsSettledByBound = 0

        public var description: String {
            isOptimal
                ? "optimal: primal \(primalObjective) = dual \(dualObjective)"
                : "NOT proven optimal: " + violations.joined(separator: "; ")
        }

        mutating func fail(_ message: String) {
            if violations.count < OptimalityCertificate.violationsKept { violations.append(message) }
        }
    }

    /// Checks a solution against a problem read row by row.
    ///
    /// - Parameters:
    ///   - source: Every pair of the problem, including pairs a solver never
    ///     saw (this is how an answer found on a candidate subset is proven
    ///     optimal for the whole problem).
    ///   - sense: The problem's sense; the duals are in minimisation form.
    ///   - capacities: One per column, 0 or more.
    ///   - locks: Pairs that must be in the answer; their rows' duals are not
    ///     checked (a locked row is not a choice).
    ///   - unassignedRows: What the problem allows for rows left unplaced.
    ///   - solution: Any candidate solution with its duals.
    /// - Returns: The verdict, with every violated condition named.
    /// - Complexity: O(rows × columns) time for the rows read (one pass; two for `Double`, whose
    ///   tolerance needs the largest value first, and more for a
    ///   maximum-cardinality answer that leaves rows unassigned) and
    ///   O(columns) memory.
    @_specialize(exported:true,where Source == SparseAssignmentProblem<Int64>)
    @_specialize(exported:true,where Source == _DenseRows<Int64>)
    @_specialize(exported:true,where Source == _DenseRows<Double>)
    public static func verify<Source: AssignmentRowSource>(
        rows source: Source, sense: AssignmentProblem<Source.Cost>.Sense, capacities: [Int],
        locks: [AssignmentLock] = [], unassignedRows: UnassignedRows<Source.Cost>,
        solution: AssignmentSolution<Source.Cost>
    ) -> Report {
        typealias Cost = Source.Cost
        typealias Value = Cost._CertificateValue
        var report = Report()
        let rows = source.rowCount, columns = source.columnCount
        let duals = solution.duals
        guard solution.columnForRow.count == rows, duals.rowPotentials.count == rows,
            duals.columnPotentials.count == columns, capacities.count == columns
        else {
            report.fail("the solution's sizes do not match the problem's \(rows) × \(columns)")
            return report
        }
        let values = UnsafeMutableBufferPointer<Cost>.allocate(capacity: columns)
        let allowed = UnsafeMutableBufferPointer<Bool>.allocate(capacity: columns)
        defer {
            values.deallocate()
            allowed.deallocate()
        }
        let toleranceValue = Cost.isExact ? 0 : _tolerance(source, values: values, allowed: allowed)
        report.tolerance = toleranceValue
        let tolerance = Cost._certificateTolerance(toleranceValue)
        // A value in minimisation form, widened.
        let minimizing = sense == .minimize
        func cost(_ value: Cost) -> Value { minimizing ? value._certificateValue : -value._certificateValue }

        // 1. Primal feasibility.
        var locked = [Int](repeating: -1, count: rows)
        var lockedLoad = [Int](repeating: 0, count: columns)
        for lock in locks {
            guard lock.row >= 0, lock.row < rows, lock.column >= 0, lock.column < columns else {
                report.fail("the lock of row \(lock.row) to column \(lock.column) is out of range")
                continue
            }
            locked[lock.row] = lock.column
            lockedLoad[lock.column] += 1
        }
        var load = [Int](repeating: 0, count: columns)
        var unassignedCount = 0
        for (row, column) in solution.columnForRow.enumerated() {
            guard let column else {
                unassignedCount += 1
                if locked[row] >= 0 { report.fail("row \(row) is locked to column \(locked[row]) but unassigned") }
                continue
            }
            if locked[row] >= 0 && locked[row] != column {
                report.fail("row \(row) is locked to column \(locked[row]) but assigned to \(column)")
            }
            if column >= 0 && column < columns { load[column] += 1 }
        }
        for column in 0..<columns where load[column] > capacities[column] {
            report.fail("column \(column) holds \(load[column]) rows, over its capacity \(capacities[column])")
        }
        let unlockedRows = rows - locks.count
        switch unassignedRows {
        case .forbidden where unassignedCount > 0:
            report.fail("\(unassignedCount) rows are unassigned but the problem requires every row placed")
        case .maximumCardinality where unassignedCount > 0:
            let best = _IndependentMatching.maximumSize(source, capacities: capacities, locked: locked)
            if rows - unassignedCount < best {
                report.fail("\(rows - unassignedCount) rows are placed but \(best) can be")
            }
        default:
            break
        }

        // 2 and 3. Dual feasibility and complementary slackness, column side.
        let v = duals.columnPotentials.map { $0._certificateValue }
        var dual = Value.zero
        for column in 0..<columns {
            if v[column] > tolerance { report.fail("column \(column) has a positive potential \(v[column])") }
            if v[column] < -tolerance && load[column] < capacities[column] {
                report.fail("column \(column) has a negative potential but is not full")
            }
            dual += Value(exactly: capacities[column] - lockedLoad[column])! * v[column]
        }

        // The unassigned option: its cost is the problem's value, or, for a
        // maximum-cardinality answer, the solver's own constant (any cost
        // proves optimality among the answers that place the most rows).
        var optionCost: Value?
        var optionPotential = Value.zero
        switch unassignedRows {
        case let .allowed(value):
            optionCost = cost(value)
            if let option = duals.unassigned {
                optionPotential = option.potential._certificateValue
                if option.capacity != unlockedRows {
                    report.fail("the unassigned option's capacity is not the number of unlocked rows")
                }
            }
            if optionPotential < -tolerance && unassignedCount != unlockedRows {
                report.fail("the unassigned option's potential is negative but it is not full")
            }
            dual += Value(exactly: unlockedRows)! * optionPotential
        case .maximumCardinality:
            if let option = duals.unassigned {
                optionCost = option.cost._certificateValue
                optionPotential = option.potential._certificateValue
                if unassignedCount > option.capacity {
                    report.fail("\(unassignedCount) rows are unassigned, over the option's capacity \(option.capacity)")
                }
                if optionPotential < -tolerance && unassignedCount != option.capacity {
                    report.fail("the unassigned option's potential is negative but it is not full")
                }
                dual += Value(exactly: option.capacity)! * optionPotential
            } else if unassignedCount > 0 {
                report.fail("rows are unassigned but the duals hold no unassigned option")
            }
        case .forbidden:
            break
        }
        if optionPotential > tolerance { report.fail("the unassigned option's potential is positive") }

        // 2 and 3, row side: every allowed pair, through the source's
        // summary of a row when its bound settles the row, else read.
        var primal = Value.zero
        // The unassigned option of an unlocked row: its reduced cost, and its cost when the row is unassigned.
        func checkOption(_ row: Int, u: Value, assigned: Int) {
            guard let optionCost else { return }
            let reduced = optionCost - u - optionPotential
            if reduced < -tolerance {
                report.fail("row \(row)'s unassigned option has reduced cost \(reduced) < 0")
            }
            if assigned < 0 {
                primal += optionCost
                if reduced > tolerance || reduced < -tolerance {
                    report.fail("unassigned row \(row) has option reduced cost \(reduced) ≠ 0")
                }
            }
        }
        // Each allowance a summary names (none: a = 0), as columns ranked by a[j].
        var profiles: [Int?: _AllowanceProfile<Value>?] = [
            nil: _AllowanceProfile(allowance: [Value](repeating: .zero, count: columns), v: v)
        ]
        func profile(_ allowance: Int?) -> _AllowanceProfile<Value>? {
            if let known = profiles[allowance] { return known }
            var result: _AllowanceProfile<Value>?
            if let index = allowance, let a = source.columnAllowance(index), a.count == columns {
                result = _AllowanceProfile(allowance: a.map { $0._certificateValue }, v: v)
            }
            profiles[allowance] = result
            return result
        }
        var rowsToRead: [Int] = []
        for row in 0..<rows {
            let assigned = solution.columnForRow[row] ?? -1
            guard locked[row] < 0, let summary = source.summary(row: row),
                _listsOnlyColumns(below: columns, holding: assigned, summary.pairs)
            else {
                rowsToRead.append(row)
                continue
            }
            let u = duals.rowPotentials[row]._certificateValue
            // Every pair left out costs at least the bound's cost less its
            // column's allowance (and at least the value bound's cost): its
            // reduced cost is at least the least of these less v[j] and u.
            if let bound = summary.othersBound {
                guard let profile = profile(summary.allowance),
                    profile.leastReducedCost(bound: cost(bound), valueBound: summary.valueBound.map(cost)) - u
                        >= -tolerance
                else {
                    rowsToRead.append(row)
                    continue
                }
            }
            dual += u
            primal += _checkListedPairs(
                row, summary.pairs, u: u, v: v, minimizing: minimizing, tolerance: tolerance, assigned: assigned,
                report: &report)
            checkOption(row, u: u, assigned: assigned)
        }
        report.rowsSettledByBound = rows - rowsToRead.count
        v.withUnsafeBufferPointer { v in
            source.readRows(rowsToRead, values: values, allowed: allowed) { row in
                let assigned = solution.columnForRow[row] ?? -1
                if assigned >= 0 {
                    guard assigned < columns, allowed[assigned] else {
                        report.fail(
                            "row \(row) is assigned to column \(assigned), which is out of range or not allowed")
                        return
                    }
                }
                guard locked[row] < 0 else {
                    // A locked pair counts on both sides; its row's potential is not a choice.
                    if assigned >= 0 { primal += cost(values[assigned]) }
                    if allowed[locked[row]] {
                        dual += cost(values[locked[row]])
                    } else {
                        report.fail("row \(row) is locked to column \(locked[row]), which is not allowed")
                    }
                    return
                }
                let u = duals.rowPotentials[row]._certificateValue
                dual += u
                primal += _checkRow(
                    row, values: UnsafeBufferPointer(values), allowed: UnsafeBufferPointer(allowed), u: u, v: v,
                    minimizing: minimizing, tolerance: tolerance, assigned: assigned, report: &report)
                checkOption(row, u: u, assigned: assigned)
            }
        }
        let gap = primal > dual ? primal - dual : dual - primal
        let primalMagnitude = primal < .zero ? -primal : primal
        let allowedGap = max(
            toleranceValue * Double(rows + 1), Cost._double(primalMagnitude) * 1e-15 * Double(rows + 1))
        if Cost.isExact ? gap != .zero : Cost._double(gap) > allowedGap {
            report.fail("primal objective \(primal) differs from dual objective \(dual)")
        }
        // Report both in the problem's own terms: in its sense, and without the
        // solver's internal constant when the option only stands for "cannot be placed".
        if unassignedRows == .maximumCardinality, let optionCost {
            primal -= optionCost * Value(exactly: unassignedCount)!
            dual -= optionCost * Value(exactly: unassignedCount)!
        }
        report.primalObjective = Cost._double(minimizing ? primal : -primal)
        report.dualObjective = Cost._double(minimizing ? dual : -dual)
        return report
    }

    /// Checks one unlocked row's pairs against the duals and returns the cost
    /// of its assigned pair (0 if none). Apart from the source's generic
    /// `verify`, so that this loop — every pair of the problem passes through
    /// it — is specialised for the cost type even when the source type is one
    /// the module cannot see (a round's 87 million pairs: 80 ms → 45 ms).
    @_specialize(where Cost == Int64)
    @_specialize(where Cost == Double)
    static func _checkRow<Cost: AssignmentCost>(
        _ row: Int, values: UnsafeBufferPointer<Cost>, allowed: UnsafeBufferPointer<Bool>,
        u: Cost._CertificateValue, v: UnsafeBufferPointer<Cost._CertificateValue>, minimizing: Bool,
        tolerance: Cost._CertificateValue, assigned: Int, report: inout Report
    ) -> Cost._CertificateValue {
        var primal = Cost._CertificateValue.zero
        for column in 0..<values.count where allowed[column] {
            let value = minimizing ? values[column]._certificateValue : -values[column]._certificateValue
            let reduced = value - u - v[column]
            if reduced < -tolerance { report.fail("pair (\(row), \(column)) has reduced cost \(reduced) < 0") }
            if column == assigned {
                primal = value
                if reduced > tolerance || reduced < -tolerance {
                    report.fail("assigned pair (\(row), \(column)) has reduced cost \(reduced) ≠ 0")
                }
            }
        }
        return primal
    }

    /// Checks a summarised row's listed pairs against the duals and returns
    /// the cost of its assigned pair among them (0 if none). Specialised for
    /// the cost type, as ``_checkRow(_:values:allowed:u:v:minimizing:tolerance:assigned:report:)``:
    /// in the generic `verify` each pair's 128-bit arithmetic went through
    /// value witnesses (a fifth of the samples of a 68,000-mentee round's
    /// priced variants, each certified over its 1.2 million candidates).
    @_specialize(where Cost == Int64)
    @_specialize(where Cost == Double)
    static func _checkListedPairs<Cost: AssignmentCost>(
        _ row: Int, _ pairs: [CandidatePair<Cost>], u: Cost._CertificateValue, v: [Cost._CertificateValue],
        minimizing: Bool, tolerance: Cost._CertificateValue, assigned: Int, report: inout Report
    ) -> Cost._CertificateValue {
        var primal = Cost._CertificateValue.zero
        for pair in pairs {
            let value = minimizing ? pair.value._certificateValue : -pair.value._certificateValue
            let reduced = value - u - v[pair.column]
            if reduced < -tolerance { report.fail("pair (\(row), \(pair.column)) has reduced cost \(reduced) < 0") }
            if pair.column == assigned {
                primal += value
                if reduced > tolerance || reduced < -tolerance {
                    report.fail("assigned pair (\(row), \(pair.column)) has reduced cost \(reduced) ≠ 0")
                }
            }
        }
        return primal
    }

    /// Whether every listed pair's column is in range and, for an assigned
    /// row, its column is among them: what lets the certificate trust a
    /// summary. Specialised for the cost type like
    /// ``_checkListedPairs(_:_:u:v:minimizing:tolerance:assigned:report:)``:
    /// in the generic `verify` these two scans went through value witnesses
    /// pair by pair (a tenth of the samples of a 68,000-mentee round's
    /// priced variants).
    @_specialize(where Cost == Int64)
    @_specialize(where Cost == Double)
    static func _listsOnlyColumns<Cost: AssignmentCost>(
        below columns: Int, holding assigned: Int, _ pairs: [CandidatePair<Cost>]
    ) -> Bool {
        var holds = assigned < 0
        for pair in pairs {
            guard pair.column >= 0 && pair.column < columns else { return false }
            holds = holds || pair.column == assigned
        }
        return holds
    }

    /// The tolerance for `Double` values: 1e-9 × (1 + largest |value|) ×
    /// (rows + columns + 1), which bounds the rounding accumulated along
    /// augmenting paths.
    static func _tolerance<Source: AssignmentRowSource>(
        _ source: Source, values: UnsafeMutableBufferPointer<Source.Cost>, allowed: UnsafeMutableBufferPointer<Bool>
    ) -> Double {
        var largest = 0.0
        for row in 0..<source.rowCount {
            // A summary without a bound lists every allowed pair of its row.
            if let summary = source.summary(row: row), summary.othersBound == nil {
                for pair in summary.pairs { largest = max(largest, pair.value._magnitude) }
                continue
            }
            source.readRow(row, values: values, allowed: allowed)
            for column in 0..<source.columnCount where allowed[column] {
                largest = max(largest, values[column]._magnitude)
            }
        }
        return 1e-9 * (1 + largest) * Double(source.rowCount + source.columnCount + 1)
    }
}
