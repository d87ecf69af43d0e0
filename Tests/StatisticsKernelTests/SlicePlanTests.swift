import Testing
@testable import StatisticsKernel

/// `CentredMoments` cuts each column's deviations into slices block by block, and decides
/// beforehand how many slices a column needs from the lowest set bit of each deviation.
/// That count must be exactly the one the slicing itself reaches — stopping when every
/// rest is zero — or the Gram matrix would gain or lose columns. The reference below is
/// that loop, run over whole columns as the code did before issue 12 (kept here only as
/// the independent check).
@Suite("slice counts of the exact moments")
struct SlicePlanTests {
    /// Slices until every rest is zero or `maxSlices` are cut.
    static func referenceCount(_ column: [Double], centre: Double, beta: Int, maxSlices: Int) -> Int {
        var hi = column.map { DoubleDouble.twoSum($0, -centre).hi }
        var lo = column.map { DoubleDouble.twoSum($0, -centre).lo }
        let largest = hi.reduce(0) { max($0, abs($1)) }
        let scale = largest > 0 ? Double(sign: .plus, exponent: largest.exponent, significand: 1) : 1
        for i in hi.indices {
            hi[i] /= scale
            lo[i] /= scale
        }
        var count = 0
        var remaining = hi.contains { $0 != 0 }
        while remaining, count < maxSlices {
            let grid = Double(sign: .plus, exponent: 1 - (count + 1) * beta, significand: 1)
            let shifter = 1.5 * 0x1p52 * grid
            remaining = false
            for i in hi.indices {
                let part = (hi[i] + shifter) - shifter
                let rest = DoubleDouble.twoSum(hi[i] - part, lo[i])
                hi[i] = rest.hi
                lo[i] = rest.lo
                if rest.hi != 0 { remaining = true }
            }
            count += 1
        }
        return count
    }

    static func columns() -> [(name: String, values: [Double])] {
        var random = SplitMix(seed: 12)
        var result: [(String, [Double])] = [
            ("constant", [3.5, 3.5, 3.5]),
            ("zeros", [0, 0, 0, 0]),
            ("small integers", [1, 2, 3, 4, 5, 6, 7]),
            ("average ranks", [1, 2.5, 2.5, 4, 5.5, 5.5, 7]),
            ("NIST NumAcc4-like", (0..<1001).map { 10_000_000.2 + ($0 % 2 == 0 ? 0.1 : -0.1) }),
            ("subnormal", [5e-324, 1e-310, 2.5e-320, 0]),
            ("huge", [1e300, -1e300, 3e299, 7.5e298]),
            ("mixed magnitudes", [1e-20, 1, 1e20, -3.25, 0.1]),
            ("money", [263_132, 1_730.5, 8_217.25, 195_974, 14_998]),
        ]
        for size in [3, 50, 1_000, 20_000] {
            result.append(("uniform \(size)", (0..<size).map { _ in Double.random(in: 0..<1, using: &random) }))
            result.append(("log-normal \(size)", (0..<size).map { _ in
                Double.random(in: 5...10, using: &random).squareRoot() * Double.random(in: 100...10_000, using: &random)
            }))
            result.append(("cents \(size)", (0..<size).map { _ in Double(Int.random(in: 0..<10_000_000, using: &random)) / 100 }))
            result.append(("few bits \(size)", (0..<size).map { _ in Double(Int.random(in: -64...64, using: &random)) / 8 }))
        }
        return result
    }

    @Test("the count from the lowest set bits is the count the slicing reaches", arguments: [1, 7, 20, 40])
    func countMatchesSlicing(bits: Int) {
        // β and the slice cap as `CentredMoments` derives them from n = 2^bits − 1.
        let beta = (53 - bits) / 2
        let maxSlices = (72 + bits + beta - 1) / beta
        for (name, column) in Self.columns() {
            for centre in [column.reduce(0, +) / Double(column.count), column[0], 0.1, -7.0] {
                let plan = CentredMoments.slicePlan(of: column, centre: centre, beta: beta, maxSlices: maxSlices)
                let expected = Self.referenceCount(column, centre: centre, beta: beta, maxSlices: maxSlices)
                #expect(plan?.count == expected, "\(name), centre \(centre), β \(beta)")
            }
        }
    }
}
