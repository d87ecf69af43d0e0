import StatisticsKernel
import Testing

/// The analysis's bit rows: what is set reads back set, at every position around the
/// 64-bit words they are kept in, and nothing else changes.
@Suite("packed bits")
struct PackedBitsTests {
    @Test("bits set and cleared in any order read back as a plain array of Bool would", arguments: [0, 1, 63, 64, 65, 200])
    func behavesAsAnArray(count: Int) {
        var bits = PackedBits(count: count), plain = [Bool](repeating: false, count: count)
        #expect(bits.count == count)
        var state: UInt64 = UInt64(count) + 1
        for _ in 0..<(4 * count) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let index = Int(state >> 33) % count, value = state >> 20 & 1 == 1
            bits[index] = value
            plain[index] = value
            #expect((0..<count).map { bits[$0] } == plain, "after bit \(index) = \(value)")
        }
    }

    @Test("equal bits compare equal; a bit apart, unequal")
    func equality() {
        var a = PackedBits(count: 70), b = PackedBits(count: 70)
        a[69] = true
        #expect(a != b)
        b[69] = true
        #expect(a == b)
    }
}
