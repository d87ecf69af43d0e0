/// The ascending order of a column, computed once per group and metric (issue 12) and
/// reused for medians, quantiles and Spearman ranks.
public enum SortOrder {
    /// The positions of finite `values` in ascending order of value, ties in position order:
    /// exactly `values.indices.sorted { values[$0] < values[$1] }` (Swift's sort is
    /// stable), but in linear time — an LSD radix sort on 16-bit digits of the IEEE bits
    /// mapped to an unsigned key with the same order (sign bit flipped for positives, every
    /// bit for negatives). −0 is keyed as +0, since `<` holds them equal. Passes whose
    /// digit is the same for every key are skipped.
    ///
    /// [Knuth, TAOCP vol. 3, §5.2.5]: radix sorting; the float key as in Herf 2001,
    /// "Radix tricks", http://stereopsis.com/radix.html
    public static func ascending(_ values: [Double]) -> [Int] {
        let n = values.count
        guard n > 1 else { return Array(0..<n) }
        guard n > 256 else { return values.indices.sorted { values[$0] < values[$1] } }
        var keys = [UInt64](repeating: 0, count: n)
        for i in 0..<n {
            let bits = (values[i] + 0).bitPattern
            keys[i] = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
        }
        var order = Array(0..<n)
        var nextKeys = [UInt64](repeating: 0, count: n)
        var nextOrder = [Int](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: 0, to: 64, by: 16) {
            for i in 0..<counts.count { counts[i] = 0 }
            for key in keys { counts[Int((key >> UInt64(shift)) & 0xFFFF)] += 1 }
            if counts[Int((keys[0] >> UInt64(shift)) & 0xFFFF)] == n { continue }
            var total = 0
            for i in 0..<counts.count {
                let count = counts[i]
                counts[i] = total
                total += count
            }
            for i in 0..<n {
                let digit = Int((keys[i] >> UInt64(shift)) & 0xFFFF)
                let slot = counts[digit]
                counts[digit] = slot + 1
                nextKeys[slot] = keys[i]
                nextOrder[slot] = order[i]
            }
            swap(&keys, &nextKeys)
            swap(&order, &nextOrder)
        }
        return order
    }
}
