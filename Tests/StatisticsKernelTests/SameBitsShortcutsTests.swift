import Testing
@testable import StatisticsKernel

/// Shortcuts the kernel takes for speed that must not move a bit: two means summed at
/// once, and × a power of two's reciprocal for ÷ it. Each is checked against the plain
/// operation it replaces.
@Suite("speed shortcuts give the plain operations' bits")
struct SameBitsShortcutsTests {
    @Test("two means at once are each column's own mean, bit for bit")
    func pairedMeans() {
        var random = SplitMix(seed: 30)
        var columns: [[Double]] = [
            [1], [-0.0], [0, -0.0], [1e308, 1e308, -1e308],  // the last overflows the plain sum
            [1.7976931348623157e308, 1.7976931348623157e308], [5e-324, 1e-310, 2.5e-320],
            (0..<1001).map { 10_000_000.2 + ($0 % 2 == 0 ? 0.1 : -0.1) },
        ]
        for size in [2, 3, 17, 1_000, 30_000] {
            columns.append((0..<size).map { _ in Double.random(in: 0..<1, using: &random) })
            columns.append((0..<size).map { _ in Double.random(in: -1e6...1e6, using: &random) * 0x1p-40 })
            columns.append((0..<size).map { _ in Double(Int.random(in: 0..<10_000_000, using: &random)) / 100 })
            columns.append((0..<size).map { _ in
                Double(sign: .plus, exponent: Int.random(in: -60...60, using: &random),
                       significand: Double.random(in: 1..<2, using: &random))
            })
        }
        for first in columns {
            for second in columns where second.count == first.count {
                let (a, b) = Descriptive.means(of: first, second)
                #expect(a?.bitPattern == Descriptive.mean(of: first)?.bitPattern, "first of \(first.count)")
                #expect(b?.bitPattern == Descriptive.mean(of: second)?.bitPattern, "second of \(second.count)")
            }
        }
        // Unequal or empty columns: each on its own.
        #expect(Descriptive.means(of: [1, 2], [3]) == (1.5, 3))
        #expect(Descriptive.means(of: [], []) == (nil, nil))
    }

    @Test("× the exact reciprocal of a power of two is ÷ it, subnormal results included")
    func exactReciprocal() {
        var random = SplitMix(seed: 31)
        #expect(ExactScaling.exactReciprocal(of: 3) == nil)
        #expect(ExactScaling.exactReciprocal(of: 0x1p1023) == nil)
        #expect(ExactScaling.exactReciprocal(of: 0x1p-1030) == nil)
        #expect(ExactScaling.exactReciprocal(of: 1) == 1)
        for exponent in stride(from: -1022, through: 1022, by: 7) {
            let scale = Double(sign: .plus, exponent: exponent, significand: 1)
            guard let reciprocal = ExactScaling.exactReciprocal(of: scale) else {
                Issue.record("2^\(exponent) has an exact reciprocal")
                continue
            }
            for _ in 0..<50 {
                let x = Double(sign: Bool.random(using: &random) ? .minus : .plus,
                               exponent: Int.random(in: -1074...1023, using: &random),
                               significand: Double.random(in: 1..<2, using: &random))
                #expect((x * reciprocal).bitPattern == (x / scale).bitPattern, "\(x) / 2^\(exponent)")
            }
        }
    }
}
