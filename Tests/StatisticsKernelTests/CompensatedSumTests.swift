import Testing
@testable import StatisticsKernel

@Suite("Compensated summation")
struct CompensatedSumTests {
    @Test("Neumaier summation keeps the small terms a plain sum loses")
    func keepsSmallTerms() {
        // 1 + 1e100 + 1 − 1e100 = 2 exactly; a plain left-to-right sum gives 0.
        let values: [Double] = [1, 1e100, 1, -1e100]
        #expect(values.reduce(0, +) == 0)
        #expect(CompensatedSum.of(values) == 2)
    }

    @Test("ten copies of 0.1 sum to the double nearest 1")
    func tenthsSumToOne() {
        // Σ of ten binary64 0.1 = 1.000000000000000055511151231257827…; nearest double is 1.
        // A plain sum gives 0.9999999999999999.
        #expect(CompensatedSum.of([Double](repeating: 0.1, count: 10)) == 1)
    }
}
