import Testing
@testable import StatisticsKernel

@Suite("Median and MAD from one sort")
struct MedianMADTests {
    @Test("median and raw MAD by hand, odd and even counts")
    func byHand() throws {
        // 1 1 2 2 4 6 9: median 2; |x − 2| = 1 1 0 0 2 4 7 → sorted 0 0 1 1 2 4 7 → 1
        let odd = try #require(OrderStatistics.medianAndMAD([9, 1, 2, 6, 1, 4, 2]))
        #expect(odd.median == 2 && odd.mad == 1)
        // 1 2 3 4 100 10: sorted 1 2 3 4 10 100, median 3.5; deviations 2.5 1.5 0.5 0.5 6.5 96.5
        // → sorted 0.5 0.5 1.5 2.5 6.5 96.5 → (1.5 + 2.5)/2 = 2
        let even = try #require(OrderStatistics.medianAndMAD([1, 2, 3, 4, 100, 10]))
        #expect(even.median == 3.5 && even.mad == 2)
        // more than half equal → 0
        #expect(OrderStatistics.medianAndMAD([5, 5, 5, 1, 100])?.mad == 0)
        #expect(OrderStatistics.medianAndMAD([]) == nil)
        #expect(OrderStatistics.medianAndMAD([1, .nan]) == nil)
    }

    @Test("the same bits as median and medianAbsoluteDeviation, which sort three times")
    func sameAsSeparate() {
        var generator = SplitMix(seed: 12)
        for count in [1, 2, 3, 10, 101, 1000] {
            for _ in 0..<20 {
                // Ties, signed zeros and spread-out values.
                let values = (0..<count).map { _ -> Double in
                    switch generator.next() % 4 {
                    case 0: return Double(generator.next() % 5)
                    case 1: return generator.next() % 2 == 0 ? 0.0 : -0.0
                    default: return (Double(generator.next() % 2_000_001) - 1_000_000) / 7
                    }
                }
                let both = OrderStatistics.medianAndMAD(values)
                #expect(both?.median.bitPattern == OrderStatistics.median(values)?.bitPattern)
                #expect(both?.mad?.bitPattern == OrderStatistics.medianAbsoluteDeviation(values)?.bitPattern)
            }
        }
    }
}
