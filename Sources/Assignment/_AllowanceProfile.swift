/// One column allowance `a` of a row source's summaries, with the column
/// potentials `v` the certificate checks: the columns ranked by `a[j]`, so
/// that the least reduced cost a summary's left-out pairs can have is found
/// in O(log columns) per row rather than O(columns).
///
/// A left-out pair in column `j` costs at least `B − a[j]` (the summary's
/// bound under the allowance) and, when the summary gives one, at least `W`
/// (its value bound), so its reduced cost plus `u` is at least
/// `max(B − a[j], W) − v[j]`. Below the threshold `a[j] ≤ B − W` the first
/// term is the larger: there the least is `B` less the highest `a[j] + v[j]`
/// among those columns (a running maximum in rank order); above it, `W`
/// less the highest `v[j]` among the rest (a running maximum from the other
/// end).
struct _AllowanceProfile<Value: SignedNumeric & Comparable> {
    /// `a[j]`, ascending.
    private let ranked: [Value]
    /// The highest `a[j] + v[j]` over the columns ranked up to each position.
    private let highestSumUpTo: [Value]
    /// The highest `v[j]` over the columns ranked from each position on.
    private let highestPotentialFrom: [Value]

    @_specialize(where Value == Int128)
    @_specialize(where Value == Double)
    init(allowance a: [Value], v: [Value]) {
        let order = a.indices.sorted { a[$0] < a[$1] }
        ranked = order.map { a[$0] }
        var sums: [Value] = []
        sums.reserveCapacity(order.count)
        for column in order { sums.append(max(sums.last ?? a[column] + v[column], a[column] + v[column])) }
        highestSumUpTo = sums
        var potentials = order.map { v[$0] }
        for position in potentials.indices.reversed().dropFirst() {
            potentials[position] = max(potentials[position], potentials[position + 1])
        }
        highestPotentialFrom = potentials
    }

    /// The least, over columns, of `max(bound − a[j], valueBound) − v[j]`
    /// (`bound − a[j] − v[j]` without a value bound): no left-out pair's
    /// reduced cost is below this less the row's potential. `bound` itself
    /// when there are no columns.
    @_specialize(where Value == Int128)
    @_specialize(where Value == Double)
    func leastReducedCost(bound: Value, valueBound: Value?) -> Value {
        guard let lastSum = highestSumUpTo.last else { return bound }
        guard let valueBound else { return bound - lastSum }
        // Columns below `split` have a[j] ≤ bound − valueBound.
        let threshold = bound - valueBound
        var low = 0, high = ranked.count
        while low < high {
            let middle = (low + high) / 2
            if ranked[middle] <= threshold { low = middle + 1 } else { high = middle }
        }
        let split = low
        let below = split > 0 ? bound - highestSumUpTo[split - 1] : nil
        let above = split < ranked.count ? valueBound - highestPotentialFrom[split] : nil
        return min(below ?? above!, above ?? below!)
    }
}
