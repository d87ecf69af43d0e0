import Testing
@testable import StatisticsKernel

@Suite("Least-squares trend line")
struct LeastSquaresTests {
    @Test("line through four points matches the hand calculation")
    func byHand() throws {
        // x = 1 2 3 4, y = 2 3 5 6: x̄ = 2.5, ȳ = 4; Sxy = (−1.5)(−2)+(−0.5)(−1)+(0.5)(1)+(1.5)(2) = 7,
        // Sxx = 5 → slope 1.4, intercept 4 − 1.4·2.5 = 0.5
        let line = try #require(LeastSquares.line(x: [1, 2, 3, 4], y: [2, 3, 5, 6]))
        #expect(line.n == 4)
        #expect(isClose(line.slope, 1.4, relative: 1e-14))
        #expect(isClose(line.intercept, 0.5, relative: 1e-14))
    }

    @Test("two points give the line through them")
    func twoPoints() throws {
        // (1, 1) and (3, 5): slope 2, intercept −1
        let line = try #require(LeastSquares.line(x: [1, 3], y: [1, 5]))
        #expect(isClose(line.slope, 2, relative: 1e-15))
        #expect(isClose(line.intercept, -1, relative: 1e-15))
    }

    @Test("undefined lines are nil", arguments: [
        ([1] as [Double], [2] as [Double]),       // one point
        ([2, 2, 2], [1, 2, 3]),                   // x constant
        ([1, 2, 3], [1, 2]),                      // lengths differ
        ([1, .nan, 3], [1, 2, 3]),                // NaN
        ([], []),
    ])
    func undefined(x: [Double], y: [Double]) {
        #expect(LeastSquares.line(x: x, y: y) == nil)
    }

    struct Reference: Decodable {
        struct Case: Decodable {
            let name: String; let x: [Double]; let y: [Double]
            let exact_slope: Double, exact_intercept: Double
            let scipy_slope: Double, scipy_intercept: Double
        }
        let cases: [Case]
    }

    @Test("slope and intercept match the exact rational solution and scipy linregress")
    func agreesWithReference() throws {
        // Python fractions (exact normal equations) and scipy 1.17.1 stats.linregress —
        // Fixtures/reference/make_reference.py → least_squares.json
        let reference = try ReferenceData.load(Reference.self, from: "least_squares.json")
        #expect(reference.cases.count == 3)
        for c in reference.cases {
            let line = try #require(LeastSquares.line(x: c.x, y: c.y), "\(c.name)")
            #expect(isClose(line.slope, c.exact_slope, relative: 1e-12), "\(c.name) slope")
            #expect(isClose(line.intercept, c.exact_intercept, relative: 1e-9), "\(c.name) intercept")
            #expect(isClose(line.slope, c.scipy_slope, relative: 1e-9), "\(c.name) slope vs scipy")
        }
    }
}
