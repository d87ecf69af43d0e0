import Testing
@testable import StatisticsKernel

/// `Fixtures/reference/elementary.json` (Fixtures/reference/make_elementary.py: mpmath at
/// 60 digits on the binary64 arguments).
struct ElementaryReference: Decodable {
    struct Case: Decodable {
        var x: Double
        var y: ExactStatistics.Exact
    }
    var functions: [String: [Case]]

    static let loaded: ElementaryReference? = try? ReferenceData.load(ElementaryReference.self, from: "elementary.json")
}

@Suite("Elementary: log, exp and friends from IEEE operations alone")
struct ElementaryTests {
    static let functions: [(String, @Sendable (Double) -> Double)] = [
        ("log", Elementary.log), ("log1p", Elementary.log1p), ("exp", Elementary.exp),
        ("expm1", Elementary.expm1), ("tanh", Elementary.tanh), ("atanh", Elementary.atanh),
        ("logGamma", Elementary.logGamma),
    ]

    @Test("within 1 ulp of mpmath's 60-digit value", arguments: functions.map(\.0))
    func accurate(name: String) throws {
        let function = try #require(Self.functions.first { $0.0 == name }?.1)
        let cases = try #require(ElementaryReference.loaded?.functions[name], "elementary.json lacks \(name)")
        #expect(cases.count > 100)
        for c in cases {
            let value = function(c.x)
            if c.y.hi == 0 {
                #expect(value == 0, "\(name)(\(c.x)) = \(value), expected 0")
            } else {
                #expect(ulpDistance(value, from: c.y) <= 1, "\(name)(\(c.x)) = \(value) vs \(c.y.hi) + \(c.y.lo)")
            }
        }
    }

    @Test("special values: missing domains are NaN or infinite, never a trap")
    func specialValues() {
        #expect(Elementary.log(0) == -.infinity)
        #expect(Elementary.log(-1).isNaN)
        #expect(Elementary.log(.infinity) == .infinity)
        #expect(Elementary.log1p(-1) == -.infinity)
        #expect(Elementary.exp(1000) == .infinity)
        #expect(Elementary.exp(-1000) == 0)
        #expect(Elementary.exp(.nan).isNaN)
        #expect(Elementary.tanh(40) == 1)
        #expect(Elementary.tanh(-40) == -1)
        #expect(Elementary.atanh(1) == .infinity)
        #expect(Elementary.atanh(-1) == -.infinity)
        #expect(Elementary.atanh(2).isNaN)
        #expect(Elementary.logGamma(0).isNaN)
        #expect(Elementary.log(Double.leastNonzeroMagnitude) < -744)
    }

    @Test("double-double products and sums are exact where they must be")
    func doubleDouble() {
        let a = 1 + 0x1p-30, b = 1 - 0x1p-30
        let product = DoubleDouble.twoProduct(a, b)
        #expect(product.hi == 1)
        #expect(product.lo == -0x1p-60)
        let sum = DoubleDouble.twoSum(1e16, 1)
        #expect(sum.hi == 1e16)
        #expect(sum.lo == 1)
        let third = DoubleDouble(1) / DoubleDouble(3)
        #expect(third.hi == 1.0 / 3)
        #expect((third * 3 - 1).hi.magnitude < 0x1p-104)
        let root = DoubleDouble(2).squareRoot()
        #expect((root * root - 2).hi.magnitude < 0x1p-103)
    }
}
