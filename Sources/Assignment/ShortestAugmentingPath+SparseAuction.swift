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
// A forward auction leaves every column it ever bid on at a positive
// price, and a column that ends with room must end at the top potential:
// on a round's first solve (places as rows, more mentee columns than places)
// the mentees left unmatched each needed a reverse search of the warm start,
// 2,070 of them taking 7.6 s at 34,000 mentees where the cold solve takes
// 1.3 s. So each phase ends with Bertsekas's reverse auction for the
// asymmetric problem: a column without a row and above price 0 offers
// itself to the row that would gain most by coming, at the price that keeps
// every other row within ε of its cheapest, or drops to 0 when no row would
// gain more than ε. Then every column without a row is at price 0.
//
// Where it runs: integer costs (ε must reach a step below which nothing
// changes), every column of capacity 1 (one price per place), and rows
// enough to gain (``minimumRows``). A row that may stay unassigned has its
// option as a private column whose price never rises. The first ε is a fifth
// of the spread of the pairs' costs (the option left out: a round's
// unmatched value is a coverage bonus away from every pair, and prices of
// that size would need undoing), or the largest gap between a row's two
// cheapest at the starting prices when that is smaller: no first bid
// steps further.
//
// A square problem without options (a DIMACS `asn` file, as a round's
// exported graph is) starts from column-reduced prices: each column at
// minus its cheapest pair. In a round's balanced graph a mentee's places
// cost 676 million below its unassigned column and an empty place's own
// row, while the places' costs differ among themselves by about 10,000;
// from prices of 0 the auction needed 13 phases (ε from 135 million down,
// 7.4 M bids, 2.9 s of a 4.0 s solve on the 50,000-person round) to lift
// the places' prices by the offset, and with a first ε of the rows' gaps
// (at most 2,864) it gave up at its bid limit. Reduced prices start above
// the offset, and the gaps take ε down in 6 phases: 3.8 M bids, 1.5 s
// (the same graph; reduced prices with the spread's first ε made 7.4 M
// bids). Alternating runs on a slow hour: the 50,000-person round's solve
// 4.4, 4.4 s → 2.9, 3.2 s, the 20,000-person round's 1.0, 1.1 → 0.7,
// 0.6 s, the random graph of 40 arcs a row unchanged (its gaps are the
// spread's fifth already). A problem with options keeps prices of 0: a
// column's reduced price would be measured against the option's fixed
// one. The auction gives up, and the search starts
// cold, when a phase makes more than ``bidsPerPair`` bids per stored pair:
// an infeasible problem (rows that must be placed, competing for too few
// columns) would raise prices for ever.
//
// Warm starts (the re-solves of column generation, over the candidates grown
// by pricing) keep the search's own: on the 34,000-mentee round the grown
// problem took 7.1 s from a fresh auction, 13 s from an auction at ε = 1
// from the earlier prices, 4.6 s from one that also kept each row's earlier
// column where it stayed within ε, and 0.8–1.0 s from the earlier duals
// (measured with an earlier candidate set). A warm start whose repair and
// searches promise to cost more than a fresh solve gives way to one, from
// the auction (+SparseFreshStart).
//
// Measured (release, one core, `tandem solve FILE --json`, solve seconds,
// cold start → auction start; the instances of `make compare-sparse`):
// random 3,000 rows × 10 arcs 0.017 → 0.005; round of 3,000 people 0.15 →
// 0.042; random 50,000 × 10 arcs 2.1 → 0.14; rounds of 20,000 people 4.8 →
// 0.71, 50,000 24 → 3.7, 150,000 265 → 54. In `tandem match`, the first
// solve of a generated round: 34,000 × 16,000 1.3 → 0.5 s, 100,000 × 50,000
// 21 → 3.2 s.

extension ShortestAugmentingPath {
    /// A warm start from an ε-scaling auction, when the problem is of the
    /// kind it helps (see the essay above), else `nil`.
    ///
    /// - Parameter pairs: The problem's pairs (see ``SparseCostMatrix/_withBuffers(_:)``).
    func _auctionStart<Cost: AssignmentCost>(
        _ problem: SparseAssignmentProblem<Cost>, pairs: _CompressedRowBuffers<Cost>
    ) -> WarmStart<Cost>? {
        guard _auctionApplies(problem), let integral = problem as? SparseAssignmentProblem<Int64>,
            let integralPairs = pairs as? _CompressedRowBuffers<Int64>
        else { return nil }
        return _SparseAuction(integral, pairs: integralPairs)?.run() as? WarmStart<Cost>
    }

    /// Whether a cold solve of the problem starts from the auction: integer
    /// costs, enough rows, every column of capacity 1.
    func _auctionApplies<Cost: AssignmentCost>(_ problem: SparseAssignmentProblem<Cost>) -> Bool {
        Cost.self == Int64.self && problem.rows >= _auctionMinimumRows && problem.capacities.allSatisfy { $0 == 1 }
    }
}

/// The auction's state: the problem's pairs by row and by column, each
/// column's price and row, and each row's column.
final class _SparseAuction {
    /// Rows below which the search starts cold: a solve there takes
    /// milliseconds either way (from 3,000 rows up the auction start was
    /// five times faster, see above), and small problems keep the cold
    /// start's answers among ties.
    static let minimumRows = 2_000
    /// ε is divided by this between phases.
    static let scalingFactor: Int64 = 5
    /// A phase with more bids (or reverse steps) than this many per stored
    /// pair gives up. Measured, the most any phase made: 0.40 bids a pair
    /// (random 50,000 × 10 arcs), 0.23 (rounds' graphs), 0.24 reverse steps
    /// (a 34,000-mentee round's first solve). Ten times that keeps an
    /// infeasible problem's futile war short: 20,000 rows and columns,
    /// 200,000 arcs, half the rows on a quarter of the columns took 3.4 s
    /// in all before the search reported the row.
    static let bidsPerPair = 4

    private static let free: Int32 = -1
    private static let option: Int32 = -2
    /// What a free row pays: so low that no reverse bid gains by it.
    private static let unpaid = Int64.min / 4

    private let rows: Int, columns: Int
    /// The problem's pairs, read where they are (the auction runs within
    /// ``SparseCostMatrix/_withBuffers(_:)``).
    private let rowStart: UnsafeBufferPointer<Int>
    private let columnIndices: UnsafeBufferPointer<Int32>
    private let costs: UnsafeBufferPointer<Int64>
    /// The pairs again, column by column: each column's rows and costs.
    private let columnStart: UnsafeMutableBufferPointer<Int>
    private let rowIndices: UnsafeMutableBufferPointer<Int32>
    private let columnCosts: UnsafeMutableBufferPointer<Int64>
    private let optionCost: Int64?
    /// The largest difference between two pairs' costs.
    private let spread: Int64

    private let price: UnsafeMutableBufferPointer<Int64>
    private let owner: UnsafeMutableBufferPointer<Int32>
    private let columnOfRow: UnsafeMutableBufferPointer<Int32>
    /// What each row pays now: its pair's cost plus its column's price, its
    /// option's cost, or ``unpaid`` while it is free. Kept up to date (a
    /// price only changes for the column's one row), so that the reverse
    /// bids read one value a pair where they read the row's column, cost
    /// and price: that scan took 8.4 % of a 100,000 × 50,000 round's
    /// samples, most of them waiting on those three scattered loads, and
    /// takes 5.2 % (`perf record`, one run each beside the same load).
    private let paying: UnsafeMutableBufferPointer<Int64>
    /// Rows (forward) or columns (reverse) waiting for their turn, in a
    /// ring: each is in it at most once.
    private let queue: UnsafeMutableBufferPointer<Int32>

    /// The auction for a problem of its kind (every column of capacity 1,
    /// some pair), else `nil`.
    ///
    /// - Parameter pairs: The problem's pairs, valid for the auction's life.
    init?(_ problem: SparseAssignmentProblem<Int64>, pairs: _CompressedRowBuffers<Int64>) {
        // More rows to place than columns never reach here: the solve
        // refuses them first, and the bid limit ends any other infeasible war.
        guard problem.capacities.allSatisfy({ $0 == 1 }),
            let low = pairs.costs.min(), let high = pairs.costs.max()
        else { return nil }
        rows = problem.rows
        columns = problem.columns
        spread = high - low
        optionCost = problem._unassignedCost
        rowStart = pairs.rowStart
        columnIndices = pairs.columnIndices
        costs = pairs.costs
        columnStart = .allocate(capacity: columns + 1)
        rowIndices = .allocate(capacity: pairs.pairCount)
        columnCosts = .allocate(capacity: pairs.pairCount)
        pairs.layColumns(into: columnStart, pairRow: rowIndices, pairCost: columnCosts)
        price = ._filled(columns, with: 0)
        owner = ._filled(columns, with: Self.free)
        columnOfRow = ._filled(rows, with: Self.free)
        paying = ._filled(rows, with: Self.unpaid)
        queue = ._filled(max(rows, columns, 1), with: 0)
        if optionCost == nil && rows == columns { startFromColumnReduction() }
    }

    /// Prices each column at minus its cheapest pair's cost, shifted so the
    /// lowest price is 0: every column then has a row to which it costs
    /// nothing more than that row's cheapest, and a square problem's prices
    /// start near where they end (see the essay above).
    private func startFromColumnReduction() {
        var lowest = Int64.max
        for column in 0..<columns where columnStart[column] < columnStart[column + 1] {
            var cheapest = Int64.max
            for position in columnStart[column]..<columnStart[column + 1] {
                cheapest = min(cheapest, columnCosts[position])
            }
            price[column] = -cheapest
            lowest = min(lowest, -cheapest)
        }
        guard lowest != .max else { return }
        for column in 0..<columns where columnStart[column] < columnStart[column + 1] { price[column] -= lowest }
    }

    /// The largest gap between a row's cheapest and second-cheapest cost +
    /// price at the starting prices, over rows with two pairs or more
    /// (`Int64.max` without one): the largest step a first bid takes.
    private func largestFirstGap() -> Int64 {
        var largest = Int64.min
        for row in 0..<rows where rowStart[row + 1] - rowStart[row] >= 2 {
            let offers = cheapestOffers(row)
            largest = max(largest, offers.second - offers.best)
        }
        return largest == .min ? .max : largest
    }

    deinit {
        columnStart.deallocate()
        rowIndices.deallocate()
        columnCosts.deallocate()
        price.deallocate()
        owner.deallocate()
        columnOfRow.deallocate()
        paying.deallocate()
        queue.deallocate()
    }

    /// Runs every phase; the last one's prices as column potentials and its
    /// assignment, or `nil` when a phase gave up.
    func run() -> WarmStart<Int64>? {
        var epsilon = max(1, min(spread / Self.scalingFactor, largestFirstGap()))
        while true {
            guard forward(epsilon: epsilon), reverse(epsilon: epsilon) else { return nil }
            if epsilon == 1 { break }
            epsilon = max(1, epsilon / Self.scalingFactor)
        }
        return WarmStart(
            columnPotentials: price.map { -$0 },
            columnForRow: columnOfRow.map { $0 >= 0 ? Int($0) : nil })
    }

    /// The forward auction at `epsilon` from the current prices, every row
    /// starting free; `false` when it made too many bids.
    private func forward(epsilon: Int64) -> Bool {
        owner.update(repeating: Self.free)
        columnOfRow.update(repeating: Self.free)
        paying.update(repeating: Self.unpaid)
        var head = 0, waiting = 0
        for row in 0..<rows where rowStart[row] < rowStart[row + 1] || optionCost != nil {
            queue[waiting] = Int32(row)
            waiting += 1
        }
        var bids = 0
        let bidLimit = Self.bidsPerPair * max(rows, costs.count)
        // A price this high means a war no feasible problem wages, and a
        // start the search could not sum safely (warm starts are held to the
        // same bound).
        let priceLimit = Int64(
            min(Double(Int64.max / 4), Double(rows + 1) * Int64.largestSafeMagnitude(rows: rows, columns: columns)))
        while waiting > 0 {
            let row = Int(queue[head])
            head = head + 1 == queue.count ? 0 : head + 1
            waiting -= 1
            let offers = cheapestOffers(row)
            var best = offers.best, second = offers.second
            let bestPosition = offers.position
            var bestColumn = offers.column
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
                paying[row] = best
                continue
            }
            let column = Int(bestColumn)
            // A row with one pair and no option bids as if its second choice
            // were the dearest cost there is.
            let gap = second == .max ? spread : second &- best
            price[column] &+= gap &+ epsilon
            bids += 1
            guard bids <= bidLimit, price[column] < priceLimit else { return false }
            let displaced = owner[column]
            if displaced >= 0 {
                columnOfRow[Int(displaced)] = Self.free
                paying[Int(displaced)] = Self.unpaid
                enqueue(displaced, head: head, waiting: &waiting)
            }
            owner[column] = Int32(row)
            columnOfRow[row] = bestColumn
            paying[row] = costs[bestPosition] &+ price[column]
        }
        return true
    }

    /// The cheapest and second-cheapest of `row`'s cost + price
    /// (`Int64.max` where there is none), and the cheapest one's column
    /// (``free`` without one) and pair position.
    ///
    /// It keeps the column as well as the position, though one follows from
    /// the other: with the position alone the compiler made the scan
    /// branchless (`cmov`), and the forward auction took 48 % of a
    /// 50,000-person round graph's solve instead of 38 % (`perf record`,
    /// one run each), the solve about a fifth longer.
    @inline(__always)
    private func cheapestOffers(_ row: Int) -> (best: Int64, second: Int64, column: Int32, position: Int) {
        var best = Int64.max, second = Int64.max, bestColumn = Self.free, bestPosition = 0
        for position in rowStart[row]..<rowStart[row + 1] {
            let column = columnIndices[position]
            let offer = costs[position] &+ price[Int(column)]
            if offer < best {
                second = best
                best = offer
                bestColumn = column
                bestPosition = position
            } else if offer < second {
                second = offer
            }
        }
        return (best, second, bestColumn, bestPosition)
    }

    /// Puts `item` at the back of the ring that starts at `head`.
    @inline(__always)
    private func enqueue(_ item: Int32, head: Int, waiting: inout Int) {
        let tail = head + waiting
        queue[tail < queue.count ? tail : tail - queue.count] = item
        waiting += 1
    }

    /// Reverse bids (Bertsekas's reverse auction) until every column left
    /// without a row has price 0, as a column with room must end: such a
    /// column either finds no row that would come for less than ε and drops
    /// to 0, or takes the row that gains most by coming, at the price that
    /// keeps every other row within ε of its cheapest. The row's old
    /// column is then the one without a row. Each step lowers a row's cost
    /// by at least ε, so the steps end; `false` when there were too many.
    private func reverse(epsilon: Int64) -> Bool {
        var head = 0, waiting = 0
        for column in 0..<columns where owner[column] < 0 && price[column] > 0 {
            queue[waiting] = Int32(column)
            waiting += 1
        }
        var steps = 0
        let stepLimit = Self.bidsPerPair * max(columns, costs.count)
        while waiting > 0 {
            let column = Int(queue[head])
            head = head + 1 == queue.count ? 0 : head + 1
            waiting -= 1
            // Each row's gain from coming at price 0: what it pays now less
            // the pair's cost (a free row's is far below ε); the best and
            // second-best.
            var best = Int64.min, second = Int64.min, bestRow = -1, bestPosition = 0
            for position in columnStart[column]..<columnStart[column + 1] {
                let row = Int(rowIndices[position])
                let gain = paying[row] &- columnCosts[position]
                if gain > best {
                    second = best
                    best = gain
                    bestRow = row
                    bestPosition = position
                } else if gain > second {
                    second = gain
                }
            }
            guard best > epsilon else {
                price[column] = 0
                continue
            }
            steps += 1
            guard steps <= stepLimit else { return false }
            // With no other row to keep away, the floor.
            price[column] = second == .min ? 0 : max(0, second &- epsilon)
            let left = columnOfRow[bestRow]
            owner[column] = Int32(bestRow)
            columnOfRow[bestRow] = Int32(column)
            paying[bestRow] = columnCosts[bestPosition] &+ price[column]
            if left >= 0 {
                owner[Int(left)] = Self.free
                if price[Int(left)] > 0 {
                    enqueue(left, head: head, waiting: &waiting)
                }
            }
        }
        return true
    }
}
