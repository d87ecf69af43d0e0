import Testing
@testable import StatisticsKernel

@Suite("Order statistics")
struct OrderStatisticsTests {
    @Test("median of an odd count is the middle value; of an even count the midpoint")
    func medianByHand() {
        // sorted 1 2 3 4 5 → 3
        #expect(OrderStatistics.median([5, 1, 4, 2, 3]) == 3)
        // sorted 1 2 4 10 → (2 + 4)/2 = 3
        #expect(OrderStatistics.median([10, 2, 4, 1]) == 3)
        #expect(OrderStatistics.median([7]) == 7)
    }

    @Test("median of two huge values does not overflow")
    func medianNoOverflow() {
        let big = Double.greatestFiniteMagnitude
        #expect(OrderStatistics.median([big, big]) == big)
    }

    @Test("type 7 quantile interpolates between order statistics")
    func quantileByHand() {
        // sorted 10 20 30 40, n = 4.
        // p = 0.25: h = 3·0.25 = 0.75 → 10 + 0.75·(20 − 10) = 17.5
        // p = 0.5:  h = 1.5 → 20 + 0.5·10 = 25
        // p = 0.9:  h = 2.7 → 30 + 0.7·10 = 37
        let values: [Double] = [40, 10, 30, 20]
        #expect(OrderStatistics.quantile(values, probability: 0.25) == 17.5)
        #expect(OrderStatistics.quantile(values, probability: 0.5) == 25)
        #expect(isClose(OrderStatistics.quantile(values, probability: 0.9) ?? .nan, 37, relative: 1e-15))
        #expect(OrderStatistics.quantile(values, probability: 0) == 10)
        #expect(OrderStatistics.quantile(values, probability: 1) == 40)
    }

    @Test("raw MAD is the median absolute deviation with no 1.4826 factor")
    func madByHand() {
        // 1 1 2 2 4 6 9: median 2; |x − 2| = 1 1 0 0 2 4 7 → sorted 0 0 1 1 2 4 7 → 1
        #expect(OrderStatistics.medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9]) == 1)
        // more than half equal → 0
        #expect(OrderStatistics.medianAbsoluteDeviation([5, 5, 5, 1, 100]) == 0)
    }

    @Test("undefined inputs give nil, never NaN",
          arguments: [[Double](), [1, .nan, 3], [1, .infinity], [-.infinity]])
    func undefinedIsNil(values: [Double]) {
        #expect(OrderStatistics.median(values) == nil)
        #expect(OrderStatistics.quantile(values, probability: 0.5) == nil)
        #expect(OrderStatistics.medianAbsoluteDeviation(values) == nil)
    }

    @Test("probability outside [0, 1] gives nil", arguments: [-0.01, 1.01, Double.nan])
    func probabilityOutOfRange(p: Double) {
        #expect(OrderStatistics.quantile([1, 2, 3], probability: p) == nil)
    }

    struct Reference: Decodable {
        struct Case: Decodable {
            struct Quantile: Decodable { let p: Double; let q: Double }
            let values: [Double]
            let median: Double
            let mad: Double
            let quantiles: [Quantile]
        }
        let cases: [Case]
    }

    @Test("median, type 7 quantiles and raw MAD agree with numpy/scipy")
    func agreesWithNumpy() throws {
        // numpy.median, numpy.quantile(method="linear"), scipy.stats.median_abs_deviation(scale=1)
        // — Fixtures/reference/make_reference.py → order_statistics.json
        let reference = try ReferenceData.load(Reference.self, from: "order_statistics.json")
        #expect(reference.cases.count == 7)
        for c in reference.cases {
            #expect(OrderStatistics.median(c.values) == c.median)
            let mad = try #require(OrderStatistics.medianAbsoluteDeviation(c.values))
            #expect(isClose(mad, c.mad, relative: 1e-15), "MAD of \(c.values.count) values")
            for q in c.quantiles {
                let ours = try #require(OrderStatistics.quantile(c.values, probability: q.p))
                #expect(isClose(ours, q.q, relative: 1e-15), "p = \(q.p), n = \(c.values.count)")
            }
        }
    }
}
