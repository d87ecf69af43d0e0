/// The ascending order of a column, computed once per group and metric (issue 12) and
/// reused for medians, quantiles and Spearman ranks.
public enum SortOrder {
    /// The positions of finite `values` in ascending order of value, ties in position order:
    /// exactly `values.indices.sorted { values[$0] < values[$1] }` (Swift's sort is stable).
    public static func ascending(_ values: [Double]) -> [Int] {
        guard values.count > 256, let count = UInt32(exactly: values.count) else {
            return values.indices.sorted { values[$0] < values[$1] }
        }
        return sorted(values, positions: Array(0..<count)).positions.map(Int.init)
    }

    /// `values` sorted ascending with `positions` (one per value, ascending) carried beside
    /// them: the same values, and positions in the same order, as sorting the pairs by
    /// value with a stable comparison sort (ties, −0 beside +0 included, keep their order).
    ///
    /// An LSD radix sort in linear time (issue 12: at a million services the comparison
    /// sort was most of the analysis's sorting): 11-bit digits of the IEEE bits mapped to
    /// an unsigned key with the same order (sign bit flipped for positives, every bit for
    /// negatives), three passes over the high digits whose histograms are all counted in
    /// one read, a pass skipped when every key has the same digit, then the rare runs of
    /// keys equal in those digits sorted by the whole key (`radixSort`). The map is a
    /// bijection, so the sorted values are read back from the keys with every bit (no
    /// second array of values). It puts −0
    /// just before +0 where `<` holds them equal; the run of zeros is then merged back
    /// into position order, which is where a stable sort leaves them. 12 bytes a value in
    /// flight (twice, for the passes), 4 for a position.
    ///
    /// [Knuth, TAOCP vol. 3, §5.2.5]: radix sorting; the float key as in Herf 2001,
    /// "Radix tricks", http://stereopsis.com/radix.html
    /// - Precondition: no NaN (NaN keys sort beyond ±∞, where a comparison sort leaves
    ///   them anywhere); `positions.count == values.count`.
    public static func sorted(_ values: consuming [Double],
                              positions: consuming [UInt32]) -> (values: [Double], positions: [UInt32]) {
        let n = min(values.count, positions.count)
        guard n > 1 else { return (Array(values.prefix(n)), Array(positions.prefix(n))) }
        var keys = [UInt64](unsafeUninitializedCapacity: n) { buffer, initialised in
            values.withUnsafeBufferPointer { values in
                for i in 0..<n { buffer[i] = key(values[i]) }
            }
            initialised = n
        }
        // The keys hold every bit of the values: a caller that handed its array over
        // (`consuming`) has its memory back before the passes double the keys.
        values = []
        var order = positions
        positions = []
        if order.count > n { order.removeLast(order.count - n) }
        radixSort(&keys, carrying: &order)
        var sortedValues = [Double](unsafeUninitializedCapacity: n) { buffer, initialised in
            keys.withUnsafeBufferPointer { keys in
                for i in 0..<n { buffer[i] = value(keys[i]) }
            }
            initialised = n
        }
        mergeZeros(&sortedValues, &order)
        return (sortedValues, order)
    }

    /// `keys` sorted ascending, stably, with `order` (one entry per key) moved beside them:
    /// the radix sort of `sorted(_:positions:)` on keys that need no mapping (the clean
    /// stage's name hashes, grouped by sorting instead of through a dictionary).
    public static func sort(keys: inout [UInt64], carrying order: inout [UInt32]) {
        precondition(keys.count == order.count, "one order entry per key")
        guard keys.count > 1 else { return }
        radixSort(&keys, carrying: &order)
    }

    /// The order-preserving unsigned key of `x`'s bits.
    @inline(__always)
    private static func key(_ x: Double) -> UInt64 {
        let bits = x.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The value whose key is `key` (`key`'s inverse).
    @inline(__always)
    private static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }

    private static let digitBits = 11
    private static let passes = (64 + digitBits - 1) / digitBits
    /// The passes over the keys' high digits only: the bits from `lowBits` up (a double's
    /// sign, exponent and first 19 bits of significand). Keys equal there are rare and
    /// next to each other after those passes, and `sortRuns` puts them in order.
    private static let firstPass = 3
    private static let lowBits = UInt64(firstPass * digitBits)

    /// Sorts `keys` ascending, stably, moving `order` with them: a stable LSD radix sort on
    /// the high digits (three passes where six took every bit), then each run of keys equal
    /// in their high digits sorted whole (`sortRuns`) — the order one stable sort by the
    /// whole key gives, for half the passes over the data (issue 30: the sorts were the
    /// analysis's largest cost at 10⁶ services).
    private static func radixSort(_ keys: inout [UInt64], carrying order: inout [UInt32]) {
        let n = keys.count, radix = 1 << digitBits, mask = UInt64(radix - 1)
        var counts = [Int](repeating: 0, count: passes * radix)
        keys.withUnsafeBufferPointer { keys in
            counts.withUnsafeMutableBufferPointer { counts in
                for key in keys {
                    var rest = key >> lowBits
                    for pass in firstPass..<passes {
                        counts[pass * radix + Int(rest & mask)] += 1
                        rest >>= UInt64(digitBits)
                    }
                }
            }
        }
        var nextKeys = [UInt64](repeating: 0, count: n)
        var nextOrder = [UInt32](repeating: 0, count: n)
        for pass in firstPass..<passes {
            let shift = UInt64(pass * digitBits), base = pass * radix
            // Every key has this digit: the pass would move nothing.
            if counts[base + Int((keys[0] >> shift) & mask)] == n { continue }
            var total = 0
            for digit in 0..<radix {
                let count = counts[base + digit]
                counts[base + digit] = total
                total += count
            }
            keys.withUnsafeBufferPointer { keys in
                order.withUnsafeBufferPointer { order in
                    nextKeys.withUnsafeMutableBufferPointer { nextKeys in
                        nextOrder.withUnsafeMutableBufferPointer { nextOrder in
                            counts.withUnsafeMutableBufferPointer { counts in
                                for i in 0..<n {
                                    let slot = base + Int((keys[i] >> shift) & mask)
                                    let target = counts[slot]
                                    counts[slot] = target + 1
                                    nextKeys[target] = keys[i]
                                    nextOrder[target] = order[i]
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &nextKeys)
            swap(&order, &nextOrder)
        }
        sortRuns(&keys, carrying: &order)
    }

    /// Sorts each run of `keys` that are equal above `lowBits` by the whole key, stably
    /// (entries in a run keep their order where their keys are equal): a run in order
    /// already — one value repeated, the common case — is left as it is; a short one is
    /// sorted by insertion; a long one (values packed into a narrow range) by a comparison
    /// sort of (key, place in the run), so that no input costs quadratic time.
    private static func sortRuns(_ keys: inout [UInt64], carrying order: inout [UInt32]) {
        let n = keys.count
        keys.withUnsafeMutableBufferPointer { keys in
            order.withUnsafeMutableBufferPointer { order in
                var start = 0
                while start < n {
                    let high = keys[start] >> lowBits
                    var end = start + 1, ordered = true
                    while end < n, keys[end] >> lowBits == high {
                        if keys[end] < keys[end - 1] { ordered = false }
                        end += 1
                    }
                    if !ordered {
                        if end - start <= 32 {
                            insertionSort(start..<end, keys, order)
                        } else {
                            sortLongRun(start..<end, keys, order)
                        }
                    }
                    start = end
                }
            }
        }
    }

    /// `keys[range]` sorted by (key, place), moving `order` with them: a stable sort.
    private static func sortLongRun(_ range: Range<Int>, _ keys: UnsafeMutableBufferPointer<UInt64>,
                                    _ order: UnsafeMutableBufferPointer<UInt32>) {
        typealias Entry = (key: UInt64, order: UInt32, place: Int)
        var run: [Entry] = range.map { (keys[$0], order[$0], $0) }
        run.sort { (a: Entry, b: Entry) -> Bool in a.key != b.key ? a.key < b.key : a.place < b.place }
        for (offset, entry) in run.enumerated() {
            keys[range.lowerBound + offset] = entry.key
            order[range.lowerBound + offset] = entry.order
        }
    }

    /// Stable insertion sort of `keys[range]`, moving `order` with them.
    private static func insertionSort(_ range: Range<Int>, _ keys: UnsafeMutableBufferPointer<UInt64>,
                                      _ order: UnsafeMutableBufferPointer<UInt32>) {
        for i in range.dropFirst() {
            let key = keys[i], entry = order[i]
            var j = i
            while j > range.lowerBound, keys[j - 1] > key {
                keys[j] = keys[j - 1]
                order[j] = order[j - 1]
                j -= 1
            }
            keys[j] = key
            order[j] = entry
        }
    }

    /// Puts the positions of the sorted run of zeros (−0s, then +0s, each in position
    /// order) back into one position order, with the values that go with them.
    private static func mergeZeros(_ values: inout [Double], _ order: inout [UInt32]) {
        guard let first = values.firstIndex(where: { $0 == 0 }) else { return }
        var end = first
        while end < values.count, values[end] == 0 { end += 1 }
        guard let positive = values[first..<end].firstIndex(where: { $0.sign == .plus }), positive > first,
              positive < end else { return }
        var merged: [(position: UInt32, value: Double)] = []
        merged.reserveCapacity(end - first)
        var a = first, b = positive
        while a < positive || b < end {
            if b == end || (a < positive && order[a] < order[b]) {
                merged.append((order[a], values[a])); a += 1
            } else {
                merged.append((order[b], values[b])); b += 1
            }
        }
        for (offset, entry) in merged.enumerated() {
            order[first + offset] = entry.position
            values[first + offset] = entry.value
        }
    }
}
