import Testing
@testable import StatisticsKernel

/// The radix sort of values must be `sorted()` to the bit: the same values in the same
/// places, −0 and +0 where the stable sort leaves them, subnormals, infinities and the
/// extremes in order.
@Suite("values sorted by their bits")
struct SortedValuesTests {
    static func same(_ values: [Double]) -> Bool {
        SortOrder.sortedValues(values).map(\.bitPattern) == values.sorted().map(\.bitPattern)
    }

    @Test("random bit patterns of every kind (NaN left out) sort as sorted() does", arguments: [513, 600, 4_096, 50_000])
    func randomBits(count: Int) {
        var random = SplitMix(seed: UInt64(count))
        let values = (0..<count).map { _ -> Double in
            let value = Double(bitPattern: random.next())
            return value.isNaN ? 1 : value
        }
        #expect(Self.same(values))
    }

    @Test("signed zeros, subnormals, infinities, extremes and ties, in either zero order", arguments: 0..<12)
    func specialValues(seed: Int) {
        var random = SplitMix(seed: UInt64(seed) + 77)
        let special: [Double] = [0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
                                 -.leastNormalMagnitude, .infinity, -.infinity, .greatestFiniteMagnitude,
                                 -.greatestFiniteMagnitude, 1, -1, 0.1, 3e-310, -3e-310]
        let count = 513 + Int(random.next() % 3_000)
        var values = (0..<count).map { _ -> Double in
            switch random.next() % 3 {
            case 0: return special[Int(random.next() % UInt64(special.count))]
            case 1: return Double(Int(random.next() % 9) - 4)
            default: return (Double(random.next() % 2_000_001) - 1_000_000) / 7
            }
        }
        // The first zero +0 in half the cases, −0 in the others: the stable order keeps both.
        if let first = values.firstIndex(where: { $0 == 0 }) { values[first] = seed % 2 == 0 ? 0 : -0.0 }
        #expect(Self.same(values))
    }

    @Test("only zeros, only −0 and +0 mixed, one value repeated, and sizes around the cut-over to sorted()")
    func edges() {
        #expect(Self.same([Double](repeating: -0.0, count: 1_000)))
        #expect(Self.same((0..<1_000).map { $0 % 3 == 0 ? 0.0 : -0.0 }))
        #expect(Self.same((0..<1_000).map { $0 % 3 == 0 ? -0.0 : 0.0 }))
        #expect(Self.same([Double](repeating: 42.5, count: 2_000)))
        for count in [0, 1, 2, 511, 512, 513, 514] {
            #expect(Self.same((0..<count).map { Double(($0 * 7_919) % 101) - 50 }))
        }
        // The top digits alike (one binade, the skipped passes), the low ones spread.
        #expect(Self.same((0..<5_000).map { 1 + Double(($0 * 7_919) % 4_999) / 4_999 }))
    }

    @Test("hand-checked: −∞ < −1 < −0 = +0 (in input order) < subnormal < 1 < +∞")
    func handChecked() {
        let values: [Double] = Array(repeating: 5, count: 600) + [.infinity, 1, 0, -1, -0.0, .leastNonzeroMagnitude, -.infinity]
        let sorted = SortOrder.sortedValues(values)
        #expect(sorted.prefix(7).map(\.bitPattern) == [-Double.infinity, -1, 0, -0.0, .leastNonzeroMagnitude, 1]
            .map(\.bitPattern) + [Double(5).bitPattern])
        #expect(sorted.last == .infinity)
    }

    @Test("with a NaN it is sorted() itself")
    func withNaN() {
        let values = (0..<700).map { $0 == 350 ? Double.nan : Double(700 - $0) }
        #expect(SortOrder.sortedValues(values).map(\.bitPattern) == values.sorted().map(\.bitPattern))
    }

    @Test("sort(keys:carrying:): raw 64-bit keys ascending, ties in their order, as a stable sort gives")
    func rawKeys() {
        var generator = SplitMix(seed: 32)
        // Few distinct keys (many ties), then keys over the whole range (every pass).
        // Then keys alike in their high bits (runs of ~20 and ~400) with low bits spread.
        for distinct in [3, 1_000, Int.max, -1_000, -50] {
            var keys = (0..<20_000).map { _ in
                distinct == Int.max ? generator.next()
                    : distinct < 0 ? UInt64.random(in: 0..<UInt64(-distinct), using: &generator) << 40 | generator.next() >> 40
                    : UInt64.random(in: 0..<UInt64(distinct), using: &generator) << 40
            }
            keys[7] = .max
            keys[8] = 0
            var order = (0..<UInt32(keys.count)).map { $0 }
            let expected = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            let original = keys
            SortOrder.sort(keys: &keys, carrying: &order)
            #expect(order.map(Int.init) == expected)
            #expect(keys == expected.map { original[$0] })
        }
    }
}
