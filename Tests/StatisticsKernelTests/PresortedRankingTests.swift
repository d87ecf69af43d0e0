import Testing
@testable import StatisticsKernel

/// A column sorted once and reused must give exactly what sorting again gives: ranks of
/// any subset of rows, correlation matrices, and the descriptives.
@Suite("ranks and summaries from a column sorted once")
struct PresortedRankingTests {
    /// A small linear congruential generator (Knuth MMIX constants): reproducible draws
    /// with many ties (values 0…9) and missing values, no dependency.
    struct Draws {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func column(_ draws: inout Draws, count: Int) -> [Double?] {
        (0..<count).map { _ in draws.next(5) == 0 ? nil : Double(draws.next(10)) }
    }

    static func order(_ column: [Double?]) -> [Int] {
        column.indices.filter { column[$0]?.isFinite == true }.sorted { column[$0]! < column[$1]! }
    }

    @Test("ranks of a subset read from the whole column's order (with or without its sorted values) are rankdata's average ranks of the subset",
          arguments: 0..<40)
    func subsetRanks(seed: Int) {
        var draws = Draws(state: UInt64(seed) + 1)
        let count = 1 + draws.next(60)
        let column = Self.column(&draws, count: count)
        let rows = column.indices.filter { column[$0] != nil && draws.next(3) != 0 }
        let order = Self.order(column)
        let expected = Ranking.averageRanks(rows.map { column[$0]! })
        #expect(Ranking.averageRanks(of: column, rows: rows, ascendingOrder: order, rowCount: count) == expected)
        #expect(Ranking.averageRanks(rows: rows, rowCount: count, ascendingOrder: order,
                                     orderedValues: order.compactMap { column[$0] }) == expected)
    }

    @Test("hand-checked: 10, 20, 20, 30 with the 30 left out ranks 1, 2.5, 2.5")
    func handChecked() {
        let column: [Double?] = [20, 30, nil, 10, 20]
        // rows 0, 3, 4 hold 20, 10, 20: ranks 2.5, 1, 2.5
        #expect(Ranking.averageRanks(of: column, rows: [0, 3, 4], ascendingOrder: [3, 0, 4, 1], rowCount: 5)
                == [2.5, 1, 2.5])
    }

    @Test("one pass over a pair gives Correlation.estimate and LeastSquares.line, to the bit", arguments: 0..<30)
    func pairStatisticsAgree(seed: Int) {
        var draws = Draws(state: UInt64(seed) + 100)
        let count = 1 + draws.next(80)
        var x = Self.column(&draws, count: count), y = Self.column(&draws, count: count)
        if seed % 5 == 0 { x = x.map { $0.map { _ in 4 } } }  // x constant: no line, no r
        if seed % 7 == 0, count > 2 { y[1] = .infinity }       // a non-finite point: no line, r without it
        let pair = PairStatistics(x: x, y: y, xOrder: Self.order(x), yOrder: Self.order(y))
        #expect(pair.correlation == Correlation.estimate(x: x, y: y))
        let withValues = PairStatistics(x: x, y: y, xOrder: Self.order(x), xOrderedValues: Self.order(x).compactMap { x[$0] },
                                        yOrder: Self.order(y), yOrderedValues: Self.order(y).compactMap { y[$0] })
        #expect(withValues == pair)
        var xs: [Double] = [], ys: [Double] = []
        for i in 0..<count { if let a = x[i], let b = y[i] { xs.append(a); ys.append(b) } }
        #expect(pair.pointCount == xs.count)
        #expect(pair.line == LeastSquares.line(x: xs, y: ys))
    }

    @Test("the radix order is the stable comparison sort's order, ties, ±0 and negatives included",
          arguments: [0, 1, 2, 255, 256, 257, 1000, 5000])
    func radixOrder(count: Int) {
        var draws = Draws(state: UInt64(count) + 3)
        let palette: [Double] = [0, -0.0, 1, -1, 0.5, -2.5e300, 1e-310, -1e-310, .greatestFiniteMagnitude,
                                 -.greatestFiniteMagnitude, 3, 3, 7.25]
        let values = (0..<count).map { _ in
            draws.next(3) == 0 ? palette[draws.next(palette.count)] : Double(draws.next(100_000)) / 64 - 700
        }
        #expect(SortOrder.ascending(values) == values.indices.sorted { values[$0] < values[$1] })
    }

    @Test("runs of ties begin where a sorted value differs from the one before; −0 and +0 are one run")
    func runStarts() {
        let starts = RunStarts(sorted: [-3, -0.0, 0, 0, 1, 1, 1, 2.5])
        #expect((0..<9).map { starts[$0] } == [true, true, false, false, true, false, false, true, false])
        #expect(RunStarts(sorted: []).count == 0 && !RunStarts(sorted: [])[0])
        // Across the 64-bit words the bits are kept in: every position of columns of 1 to 200.
        var draws = Draws(state: 9)
        for count in [1, 63, 64, 65, 127, 128, 129, 200] {
            let sorted = (0..<count).map { _ in Double(draws.next(40)) }.sorted()
            let starts = RunStarts(sorted: sorted)
            #expect(starts.count == count)
            #expect((-1...count).map { starts[$0] } == [false] + sorted.indices.map { $0 == 0 || sorted[$0] != sorted[$0 - 1] } + [false],
                    "\(count) values")
        }
    }

    @Test("ranks of every row of a column with no gap are rankdata's average ranks", arguments: [1, 2, 7, 300])
    func everyRowRanks(count: Int) {
        var draws = Draws(state: UInt64(count) + 5)
        let column = (0..<count).map { _ in Double(draws.next(10)) }
        let order = column.indices.sorted { column[$0] < column[$1] }
        let ranks = Ranking.averageRanks(rows: Array(0..<count), rowCount: count, ascendingOrder: order,
                                         orderedValues: order.map { column[$0] })
        #expect(ranks == Ranking.averageRanks(column))
    }

    @Test("the radix sort gives the values, every bit of them, and the positions of a stable sort of the pairs",
          arguments: [0, 1, 2, 3, 255, 256, 257, 1000, 5000])
    func radixSortWithPositions(count: Int) {
        var draws = Draws(state: UInt64(count) + 17)
        // Zeros of both signs interleaved, so the −0 / +0 run must come back in position order.
        let palette: [Double] = [0, -0.0, 0, -0.0, 1, -1, 2.5e-320, -2.5e-320, .infinity, -.infinity,
                                 .greatestFiniteMagnitude, 3, 3]
        let values = (0..<count).map { _ in
            draws.next(2) == 0 ? palette[draws.next(palette.count)] : Double(draws.next(4000)) / 8 - 250
        }
        // Ascending positions with gaps, as a group's members with some values missing.
        var positions: [UInt32] = []
        var next: UInt32 = 0
        for _ in 0..<count {
            next += UInt32(1 + draws.next(3))
            positions.append(next)
        }
        let expected = values.indices.sorted { values[$0] < values[$1] }
        let sorted = SortOrder.sorted(values, positions: positions)
        #expect(sorted.positions == expected.map { positions[$0] })
        #expect(sorted.values.map(\.bitPattern) == expected.map { values[$0].bitPattern })
    }

    @Test("values alike in their high bits, not their low ones (runs of 1, ~20, ~200, all), sort as a stable sort does",
          arguments: [0, 1_000, 100, 1])
    func packedValues(groups: Int) {
        var draws = Draws(state: UInt64(groups) + 41)
        // A group's values differ from the next group's above bit 33 of the key (2^-18 apart
        // near 1) and among themselves only below it (multiples of 2^-45), with ties.
        let values = (0..<20_000).map { _ -> Double in
            let group = groups == 0 ? Double(draws.next(1 << 20)) : Double(draws.next(groups))
            let base = groups == 0 ? 1 + group * 0x1p-20 : 1 + group * 0x1p-18
            return (base + Double(draws.next(groups == 1 ? 3_000 : 8)) * 0x1p-45) * (draws.next(5) == 0 ? -1 : 1)
        }
        let positions = (0..<UInt32(values.count)).map { $0 * 2 + 1 }
        let expected = values.indices.sorted { values[$0] < values[$1] }
        let sorted = SortOrder.sorted(values, positions: positions)
        #expect(sorted.positions == expected.map { positions[$0] })
        #expect(sorted.values.map(\.bitPattern) == expected.map { values[$0].bitPattern })
    }

    @Test("a presorted quantile is the quantile of the same values")
    func quantiles() {
        var draws = Draws(state: 11)
        let values = (0..<57).map { _ in Double(draws.next(1000)) / 7 }
        for p in [0, 0.15865525393145707, 0.5, 0.8413447460685429, 1] {
            #expect(OrderStatistics.quantile(sorted: values.sorted(), probability: p)
                    == OrderStatistics.quantile(values, probability: p))
        }
        #expect(OrderStatistics.quantile(sorted: [], probability: 0.5) == nil)
        #expect(OrderStatistics.quantile(sorted: [1, 2], probability: 1.5) == nil)
    }

    @Test("summarize(sorted:) is summarize of the same values")
    func summaries() {
        var draws = Draws(state: 7)
        let values = (0..<101).map { _ in 10_000_000.2 + Double(draws.next(1000)) / 1e4 }
        #expect(Descriptive.summarize(sorted: values.sorted()) == Descriptive.summarize(values))
        #expect(Descriptive.summarize(sorted: []) == nil)
        #expect(Descriptive.summarize(sorted: [1, .infinity]) == nil)
    }
}
