import StatisticsKernel
import Testing

@Suite("ratio estimator")
struct RatioEstimateTests {
    @Test("ratio and linearised SE are worked out by hand")
    func byHand() throws {
        // x = 1, 2, 3; y = 1, 1, 2: X = 6, Y = 4, R = 2/3; d = 1/3, −1/3, 0; Σd² = 2/9;
        // s² = 1/9; SE = √(1/27) / (6/3) = 1 / (6√3).
        let estimate = try #require(RatioEstimate.of(x: [1, 2, 3], y: [1, 1, 2]))
        #expect(estimate.n == 3 && estimate.totalX == 6 && estimate.totalY == 4)
        #expect(estimate.ratio == 2.0 / 3)
        let se = try #require(estimate.standardError)
        #expect(abs(se - 1 / (6 * 3.0.squareRoot())) <= 2 * (1 / (6 * 3.0.squareRoot())).ulp)
    }

    @Test("a constant ratio has no spread", arguments: [[1.0, 2, 3], [0.5, 1e6, 7]])
    func proportional(x: [Double]) throws {
        let estimate = try #require(RatioEstimate.of(x: x, y: x.map { $0 * 0.25 }))
        #expect(estimate.ratio == 0.25)
        #expect(try #require(estimate.standardError) < 1e-17)
    }

    @Test("one pair has a ratio but no SE; a zero total has neither; bad input has no estimate")
    func undefined() throws {
        let one = try #require(RatioEstimate.of(x: [4], y: [1]))
        #expect(one.ratio == 0.25 && one.standardError == nil)
        let zero = try #require(RatioEstimate.of(x: [0, 0], y: [1, 2]))
        #expect(zero.ratio == nil && zero.standardError == nil && zero.totalY == 3)
        #expect(RatioEstimate.of(x: [], y: []) == nil)
        #expect(RatioEstimate.of(x: [1, 2], y: [1]) == nil)
        #expect(RatioEstimate.of(x: [1, .nan], y: [1, 1]) == nil)
    }
}
