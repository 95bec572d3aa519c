// # An ε-scaling auction before the sparse search
//
// A cold shortest-augmenting-path solve starts from potentials that know
// only each row's cheapest pair. On a large problem that is nearly a perfect
// assignment (a round where almost every place is filled, or a balanced
// graph of the DIMACS `asn` kind) the rows the initial phases leave free are
// then placed one Dijkstra search each, and the late searches reach most of
// the graph before they find a column with room: the whole solve is a few
// thousand searches over millions of pairs.
//
// Bertsekas's auction (Annals of Operations Research 14, 1988,
// doi:10.1007/BF02186476) with ε-scaling moves many rows at once instead: a
// free row bids for its cheapest column at `cost + price`, raising that
// column's price by the gap to its second-cheapest plus ε, and displaces the
// column's row, which bids in turn. Every row ends within ε of its cheapest
// column (ε-complementary slackness). Phases divide ε by ``scalingFactor``
// and start again from the last phase's prices, so each phase only repairs
// what the coarser one left; the last runs at ε = 1.
//
// The auction does not prove anything: its prices and assignment are handed
// to the search as a warm start (ShortestAugmentingPath+SparseWarmStart),
// which keeps each row on its earlier column where that is still cheapest,
// repairs columns left with room at a positive price (reverse searches) and
// places the rest. With prices within 1 of optimal those searches are short.
// The answer, its duals and its tie rules are the search's, whatever the
// auction did: the warm start path is proven for any start.
//
// Where it runs: integer costs (ε must reach a step below which nothing
// changes), every column of capacity 1 (one price per place), no more
// columns than rows, and rows enough to gain (``minimumRows``). A row that
// may stay unassigned has its option as a private column whose price never
// rises. The first ε is a fifth of the spread of the pairs' costs (the
// option left out: a round's unmatched value is a coverage bonus away from
// every pair, and prices of that size would need undoing). The auction
// gives up, and the search starts cold, when a phase makes more than
// ``bidsPerPair`` bids per stored pair: an infeasible problem (rows that
// must be placed, competing for too few columns) would raise prices for ever.
//
// Why no more columns than rows: a forward auction leaves every column it
// ever bid on at a positive price, and a column left with room must end at
// the top potential. On a generated 34,000 × 16,000 round's first solve
// (slots as rows, 34,000 mentee columns), 2,070 mentee columns ended with
// room at a positive price, and their reverse searches took 7.6 s where the
// cold solve takes 1.3 s.
//
// Measured (release, one core, `tandem solve FILE --json`, solve seconds,
// cold start → auction start; the instances of `make compare-sparse`):
// random 3,000 rows × 10 arcs 0.017 → 0.003; round of 3,000 people 0.15 →
// 0.031; random 50,000 × 10 arcs 2.1 → 0.11; rounds of 20,000 people 4.8 →
// 0.62, 50,000 24 → 4.0, 150,000 265 → 66.

extension ShortestAugmentingPath {
    /// A warm start from an ε-scaling auction, when the problem is of the
    /// kind it helps (see the essay above), else `nil`.
    func _auctionStart<Cost: AssignmentCost>(_ problem: SparseAssignmentProblem<Cost>) -> WarmStart<Cost>? {
        guard Cost.self == Int64.self, let integral = problem as? SparseAssignmentProblem<Int64>,
            integral.rows >= _auctionMinimumRows
        else { return nil }
        return _SparseAuction(integral)?.run() as? WarmStart<Cost>
    }
}

/// The auction's state: the problem's pairs, each column's price and row,
/// and each row's column.
struct _SparseAuction {
    /// Rows below which the search starts cold: a solve there takes
    /// milliseconds either way (from 3,000 rows up the auction start was
    /// five times faster, see above), and small problems keep the cold
    /// start's answers among ties.
    static let minimumRows = 2_000
    /// ε is divided by this between phases.
    static let scalingFactor: Int64 = 5
    /// A phase with more bids than this many per stored pair gives up.
    static let bidsPerPair = 64

    private static let free: Int32 = -1
    private static let option: Int32 = -2

    private let rows: Int, columns: Int
    private let rowStart: [Int]
    private let columnIndices: [Int32]
    private let costs: [Int64]
    private let optionCost: Int64?
    /// The largest difference between two costs (the option included).
    private let spread: Int64

    /// The auction for a problem of its kind: every column of capacity 1,
    /// and no more columns than rows, else `nil`.
    init?(_ problem: SparseAssignmentProblem<Int64>) {
        let matrix = problem._costs
        guard matrix.columns <= matrix.rows, problem.capacities.allSatisfy({ $0 == 1 }) else { return nil }
        rows = matrix.rows
        columns = matrix.columns
        rowStart = matrix.rowStart
        columnIndices = matrix.columnIndices
        costs = matrix.values
        optionCost = problem._unassignedCost
        var low = Int64.max, high = Int64.min
        for cost in costs {
            low = min(low, cost)
            high = max(high, cost)
        }
        guard low <= high else { return nil }
        spread = high - low
    }

    /// Runs every phase; the last one's prices as column potentials and its
    /// assignment, or `nil` when a phase gave up.
    func run() -> WarmStart<Int64>? {
        var price = [Int64](repeating: 0, count: columns)
        var columnOfRow = [Int32](repeating: Self.free, count: rows)
        var epsilon = max(1, spread / Self.scalingFactor)
        while true {
            guard phase(epsilon: epsilon, price: &price, columnOfRow: &columnOfRow) else { return nil }
            if epsilon == 1 { break }
            epsilon = max(1, epsilon / Self.scalingFactor)
        }
        return WarmStart(
            columnPotentials: price.map { -$0 },
            columnForRow: columnOfRow.map { $0 >= 0 ? Int($0) : nil })
    }

    /// One auction at `epsilon` from `price`, every row starting free;
    /// `false` when it made too many bids.
    private func phase(epsilon: Int64, price: inout [Int64], columnOfRow: inout [Int32]) -> Bool {
        var owner = [Int32](repeating: Self.free, count: columns)
        // Free rows wait in a ring: a row is in it at most once.
        var queue = [Int32](repeating: 0, count: max(1, rows))
        var head = 0, waiting = 0
        for row in 0..<rows where rowStart[row] < rowStart[row + 1] || optionCost != nil {
            queue[waiting] = Int32(row)
            waiting += 1
        }
        for row in 0..<rows { columnOfRow[row] = Self.free }
        var bids = 0
        let bidLimit = Self.bidsPerPair * max(rows, costs.count)
        // A price this high means a war no feasible problem wages.
        let priceLimit = Int64.max / 4 - spread
        return rowStart.withUnsafeBufferPointer { rowStart in
            columnIndices.withUnsafeBufferPointer { columnIndices in
                costs.withUnsafeBufferPointer { costs in
                    price.withUnsafeMutableBufferPointer { price in
                        owner.withUnsafeMutableBufferPointer { owner in
                            queue.withUnsafeMutableBufferPointer { queue in
                                columnOfRow.withUnsafeMutableBufferPointer { columnOfRow in
                                    while waiting > 0 {
                                        let row = Int(queue[head])
                                        head = head + 1 == queue.count ? 0 : head + 1
                                        waiting -= 1
                                        // The cheapest and second-cheapest of cost + price.
                                        var best = Int64.max, second = Int64.max, bestColumn = Self.free
                                        for position in rowStart[row]..<rowStart[row + 1] {
                                            let column = columnIndices[position]
                                            let offer = costs[position] &+ price[Int(column)]
                                            if offer < best {
                                                second = best
                                                best = offer
                                                bestColumn = column
                                            } else if offer < second {
                                                second = offer
                                            }
                                        }
                                        if let optionCost {
                                            if optionCost < best {
                                                second = best
                                                best = optionCost
                                                bestColumn = Self.option
                                            } else if optionCost < second {
                                                second = optionCost
                                            }
                                        }
                                        if bestColumn == Self.option {
                                            columnOfRow[row] = Self.option
                                            continue
                                        }
                                        let column = Int(bestColumn)
                                        // A row with one pair and no option bids as if its
                                        // second choice were the dearest cost there is.
                                        let gap = second == .max ? spread : second &- best
                                        price[column] &+= gap &+ epsilon
                                        bids += 1
                                        guard bids <= bidLimit, price[column] < priceLimit else { return false }
                                        let displaced = owner[column]
                                        if displaced >= 0 {
                                            columnOfRow[Int(displaced)] = Self.free
                                            var tail = head + waiting
                                            if tail >= queue.count { tail -= queue.count }
                                            queue[tail] = displaced
                                            waiting += 1
                                        }
                                        owner[column] = Int32(row)
                                        columnOfRow[row] = bestColumn
                                    }
                                    return true
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
