import StatisticsKernel
import Testing

/// Expected: Python 3 `math.erfc(z / math.sqrt(2))` (glibc's erfc), printed to 17 digits.
@Suite("Normal two-sided p-values")
struct NormalTailTests {
    @Test("two-sided p from the normal distribution, both branches (series and continued fraction)", arguments: [
        (0.0, 1.0), (0.5, 0.6170750774519738), (-1.0, 0.31731050786291415), (1.6, 0.109598583399116),
        (1.959963984540054, 0.05000000000000004), (3.0, 0.0026997960632601913), (6.0, 1.9731752900754024e-09),
        (10.0, 1.5239706048321186e-23),
    ])
    func pValue(_ z: Double, _ expected: Double) throws {
        let p = try #require(NormalTail.twoSidedPValue(z: z))
        #expect(abs(p - expected) <= 1e-13 * expected)
    }

    @Test("a non-finite z has no p-value")
    func nonFinite() {
        #expect(NormalTail.twoSidedPValue(z: .nan) == nil)
        #expect(NormalTail.twoSidedPValue(z: .infinity) == nil)
    }
}
