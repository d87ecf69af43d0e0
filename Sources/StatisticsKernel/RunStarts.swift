/// Where the runs of equal values of an ascending column begin: bit k is set when sorted
/// value k differs from value k − 1 (and for k = 0). All Spearman's ranks need of a
/// sorted column beside its order, in one bit a value instead of the value's eight
/// (issue 12: a million-service group keeps a sorted column per ranked metric until its
/// pairs are done). Equal is `==`, so −0 and +0 are one run, as `averageRanks` has them.
///
/// The bits are 64 to a word, bit k at bit k % 64 of word k / 64, read by an inlined
/// subscript: `averageRanks` reads one per sorted value, and swift-collections'
/// `BitArray`, which held them, has a subscript the optimiser cannot inline from another
/// module (a call per read, ~1% of a 10⁶-service run; issue 30).
public struct RunStarts: Sendable, Equatable {
    private var words: [UInt64]
    public let count: Int

    /// - Parameter sorted: ascending, no NaN.
    public init(sorted values: [Double]) {
        count = values.count
        var words = [UInt64](repeating: 0, count: (values.count + 63) / 64)
        for k in values.indices where k == 0 || values[k] != values[k - 1] { words[k >> 6] |= 1 << UInt64(k & 63) }
        self.words = words
    }

    /// Whether sorted value `k` begins a run; `false` past the end.
    @inline(__always)
    public subscript(_ k: Int) -> Bool {
        guard k >= 0, k < count else { return false }
        return words[k >> 6] >> UInt64(k & 63) & 1 != 0
    }
}
