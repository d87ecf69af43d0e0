import Testing
@testable import StatisticsKernel

/// `Fixtures/reference/exact_statistics.json` (Fixtures/reference/make_exact.py:
/// `fractions.Fraction` on the stored doubles, integer square roots).
struct ExactStatistics: Decodable {
    struct Exact: Decodable {
        var hi: Double
        var lo: Double
        var decimal: String?
    }
    struct Quantile: Decodable {
        var p: Double
        var q: Exact
    }
    struct Column: Decodable {
        var mean: Exact
        var sd: Exact
        var median: Exact
        var quantiles: [Quantile]
    }
    struct Pair: Decodable {
        var pearson_r: Exact
        var spearman_rho: Exact
        var slope: Exact
        var intercept: Exact
    }
    struct Dataset: Decodable {
        var x: [Double]
        var y: [Double]
        var x_stats: Column
        var y_stats: Column
        var pair: Pair
    }
    var datasets: [String: Dataset]

    static let loaded: ExactStatistics? = try? ReferenceData.load(ExactStatistics.self, from: "exact_statistics.json")
    static var names: [String] { (loaded?.datasets.keys).map { $0.sorted() } ?? ["(exact_statistics.json missing)"] }
}

/// Distance of `value` from the exact `hi + lo` in units of ulp(hi): value − hi is exact
/// (Sterbenz) when they are close, so only the final subtraction of `lo` rounds.
func ulpDistance(_ value: Double, from exact: ExactStatistics.Exact) -> Double {
    guard exact.hi != 0 else { return value == 0 && exact.lo == 0 ? 0 : .infinity }
    return abs((value - exact.hi) - exact.lo) / exact.hi.ulp
}

@Suite("Statistics within 2 ulps of the exact statistic of the binary64 data")
struct ExactAccuracyTests {
    static let limit = 2.0

    private func dataset(_ name: String) throws -> ExactStatistics.Dataset {
        try #require(ExactStatistics.loaded?.datasets[name], "Fixtures/reference/exact_statistics.json lacks \(name)")
    }

    @Test("mean, SD and median", arguments: ExactStatistics.names)
    func descriptives(name: String) throws {
        let set = try dataset(name)
        for (values, exact) in [(set.x, set.x_stats), (set.y, set.y_stats)] {
            let summary = try #require(Descriptive.summarize(values))
            #expect(ulpDistance(summary.mean, from: exact.mean) <= Self.limit, "mean \(summary.mean) vs \(exact.mean.decimal ?? "")")
            let sd = try #require(summary.standardDeviation)
            #expect(ulpDistance(sd, from: exact.sd) <= Self.limit, "sd \(sd) vs \(exact.sd.decimal ?? "")")
            #expect(ulpDistance(summary.median, from: exact.median) <= Self.limit, "median \(summary.median) vs \(exact.median.decimal ?? "")")
        }
    }

    @Test("type 7 quantiles, including the robust band's Φ(±1)", arguments: ExactStatistics.names)
    func quantiles(name: String) throws {
        let set = try dataset(name)
        for (values, exact) in [(set.x, set.x_stats), (set.y, set.y_stats)] {
            for expected in exact.quantiles {
                let q = try #require(OrderStatistics.quantile(values, probability: expected.p))
                #expect(ulpDistance(q, from: expected.q) <= Self.limit, "p = \(expected.p): \(q) vs \(expected.q.decimal ?? "")")
            }
        }
    }

    @Test("Pearson r and Spearman rho", arguments: ExactStatistics.names)
    func correlations(name: String) throws {
        let set = try dataset(name)
        let estimate = Correlation.estimate(x: set.x, y: set.y)
        let r = try #require(estimate.pearsonR)
        let rho = try #require(estimate.spearmanRho)
        #expect(ulpDistance(r, from: set.pair.pearson_r) <= Self.limit, "r \(r) vs \(set.pair.pearson_r.decimal ?? "")")
        #expect(ulpDistance(rho, from: set.pair.spearman_rho) <= Self.limit, "rho \(rho) vs \(set.pair.spearman_rho.decimal ?? "")")
    }

    @Test("trend-line slope and intercept", arguments: ExactStatistics.names)
    func trendLines(name: String) throws {
        let set = try dataset(name)
        let line = try #require(LeastSquares.line(x: set.x, y: set.y))
        #expect(ulpDistance(line.slope, from: set.pair.slope) <= Self.limit, "slope \(line.slope) vs \(set.pair.slope.decimal ?? "")")
        #expect(ulpDistance(line.intercept, from: set.pair.intercept) <= Self.limit,
                "intercept \(line.intercept) vs \(set.pair.intercept.decimal ?? "")")
    }

    @Test("the moment line agrees with LAPACK dgels (an independent solver) to 1e-9 relative")
    func agreesWithLAPACK() throws {
        let set = try dataset("skewed_costs")
        let line = try #require(LeastSquares.line(x: set.x, y: set.y))
        let design: [Double] = set.x.flatMap { [1.0, $0] }
        guard case .success(let b) = LAPACK.leastSquares(design, rows: set.x.count, columns: 2, rightHandSide: set.y) else {
            Issue.record("dgels failed")
            return
        }
        #expect(isClose(line.intercept, b[0], relative: 1e-9))
        #expect(isClose(line.slope, b[1], relative: 1e-9))
    }
}
