import Testing
@testable import Reporting

/// The density grid's cell of a position: `min(count − 1, max(0, ⌊x⌋))`, the definition it
/// replaced (by hand: −0.5 → 0, 0.999 → 0, 3 → 3, 39.2 → 39 of 40, 40 and beyond → 39).
struct DensityGridTests {
    @Test("a position's cell is its floor clamped to the grid, edges and far values included")
    func cells() {
        let count = 40
        var positions: [Double] = [-1e300, -5, -0.5, -0.0, 0, 0.999, 1, 3, 38.999, 39, 39.2, 40, 1e18, 1e300,
                                   .leastNonzeroMagnitude, Double(count - 1).nextDown, Double(count - 1).nextUp]
        positions += Array(stride(from: -10.0, through: 50, by: 0.037))
        for x in positions {
            let floor = x.rounded(.down)
            let expected = floor < 0 ? 0 : floor >= Double(count - 1) ? count - 1 : Int(floor)
            #expect(DensityGrid.cell(x, count: count) == expected, "\(x)")
        }
        #expect([-0.5, 0.999, 3, 39.2, 40].map { DensityGrid.cell($0, count: count) } == [0, 0, 3, 39, 39])
    }
}
