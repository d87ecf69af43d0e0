/// A fixed number of bits, 64 to a word (bit k at bit k % 64 of word k / 64), read and
/// written by inlinable subscripts. For the bits the analysis reads once per row or
/// sorted value (where runs of ties begin, which rows have a value): swift-collections'
/// `BitArray`, which held them, has a subscript the optimiser cannot inline from another
/// module, a call per read (~1% of a 10⁶-service run; issue 30).
public struct PackedBits: Sendable, Equatable {
    @usableFromInline var words: [UInt64]
    public let count: Int

    /// `count` bits, all clear.
    public init(count: Int) {
        self.count = max(0, count)
        words = [UInt64](repeating: 0, count: (self.count + 63) / 64)
    }

    /// Bit `k`, `0 ≤ k < count` (checked, as an array index is).
    @inlinable
    public subscript(_ k: Int) -> Bool {
        get {
            precondition(k >= 0 && k < count, "bit index out of range")
            return words[k >> 6] >> UInt64(k & 63) & 1 != 0
        }
        set {
            precondition(k >= 0 && k < count, "bit index out of range")
            let bit: UInt64 = 1 << UInt64(k & 63)
            if newValue { words[k >> 6] |= bit } else { words[k >> 6] &= ~bit }
        }
    }
}
