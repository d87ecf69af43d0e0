/// Where the runs of equal values of an ascending column begin: bit k is set when sorted
/// value k differs from value k − 1 (and for k = 0). All Spearman's ranks need of a
/// sorted column beside its order, in one bit a value instead of the value's eight
/// (issue 12: a million-service group keeps a sorted column per ranked metric until its
/// pairs are done). Equal is `==`, so −0 and +0 are one run, as `averageRanks` has them.
public struct RunStarts: Sendable, Equatable {
    private var starts: PackedBits
    public var count: Int { starts.count }

    /// - Parameter sorted: ascending, no NaN.
    public init(sorted values: [Double]) {
        starts = PackedBits(count: values.count)
        for k in values.indices where k == 0 || values[k] != values[k - 1] { starts[k] = true }
    }

    /// Whether sorted value `k` begins a run; `false` past the end.
    @inline(__always)
    public subscript(_ k: Int) -> Bool {
        guard k >= 0, k < count else { return false }
        return starts[k]
    }
}
