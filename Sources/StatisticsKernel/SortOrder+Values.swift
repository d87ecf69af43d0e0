extension SortOrder {
    /// `values.sorted()`, element for element and bit for bit, for values with no NaN (with
    /// a NaN it is `values.sorted()` itself), in linear time: an LSD radix sort of the
    /// values' IEEE bits mapped to unsigned keys with the same order (sign bit flipped for
    /// positives, every bit for negatives; Herf 2001), on 11-bit digits, six passes, with
    /// the passes whose digit is the same for every key skipped (issue 12: the clean stage
    /// sorts five metrics of a million services for their medians).
    ///
    /// `<` holds −0 and +0 equal, so the stable `sorted()` leaves them in the order they
    /// came; the keys put −0 first, so when both occur the run of zeros is written again in
    /// input order. The keys map back to the values exactly (the map is a bijection).
    ///
    /// [Knuth, TAOCP vol. 3, §5.2.5]: radix sorting; the float key as in Herf 2001,
    /// "Radix tricks", http://stereopsis.com/radix.html
    public static func sortedValues(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 512, !values.contains(where: \.isNaN) else { return values.sorted() }
        let digitBits = 11, buckets = 1 << 11, passes = 6, mask: UInt64 = (1 << 11) - 1
        var keys = values.map { value -> UInt64 in
            let bits = value.bitPattern
            return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
        }
        var scratch = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: passes * buckets)
        counts.withUnsafeMutableBufferPointer { counts in
            keys.withUnsafeBufferPointer { keys in
                for key in keys {
                    for pass in 0..<passes { counts[pass * buckets + Int((key >> UInt64(pass * digitBits)) & mask)] += 1 }
                }
            }
            for pass in 0..<passes {
                let shift = UInt64(pass * digitBits), base = pass * buckets
                if counts[base + Int((keys[0] >> shift) & mask)] == n { continue }
                var total = 0
                for bucket in base..<(base + buckets) {
                    let count = counts[bucket]
                    counts[bucket] = total
                    total += count
                }
                keys.withUnsafeBufferPointer { keys in
                    scratch.withUnsafeMutableBufferPointer { next in
                        for key in keys {
                            let bucket = base + Int((key >> shift) & mask)
                            next[counts[bucket]] = key
                            counts[bucket] += 1
                        }
                    }
                }
                swap(&keys, &scratch)
            }
        }
        var sorted = keys.map { key in Double(bitPattern: key & (1 << 63) != 0 ? key ^ (1 << 63) : ~key) }
        let negativeZero = (-0.0).bitPattern, positiveZero = (0.0).bitPattern
        if let first = sorted.firstIndex(where: { $0 == 0 }), sorted[first].bitPattern == negativeZero,
           sorted.last(where: { $0 == 0 })?.bitPattern == positiveZero {
            var position = first
            for value in values where value == 0 {
                sorted[position] = value
                position += 1
            }
        }
        return sorted
    }
}
