import Foundation

/// Comparison by UTF-8 bytes: the same on every machine and locale. The one order of text
/// in every output — services (`ServiceReturn.stableOrder`, the clean stage's order and
/// the diff's), file paths in the manifest, keys of JSON — so that none of them depends
/// on Unicode equivalence or the locale.
public enum ByteOrder {
    /// `lhs < rhs`, or `nil` when the two are byte-for-byte equal.
    @inlinable
    public static func compare(_ lhs: String, _ rhs: String) -> Bool? {
        // Native strings hold their UTF-8 contiguously: compare the bytes as memcmp would.
        if let contiguous = lhs.utf8.withContiguousStorageIfAvailable({ left in
            rhs.utf8.withContiguousStorageIfAvailable { right in compareBytes(left, right) }
        }), let sign = contiguous {
            return sign == 0 ? nil : sign < 0
        }
        var left = lhs.utf8.makeIterator(), right = rhs.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return nil
            case (nil, _): return true
            case (_, nil): return false
            case let (a?, b?) where a != b: return a < b
            default: continue
            }
        }
    }

    /// Whether `lhs` sorts strictly before `rhs` by their UTF-8 bytes.
    @inlinable
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool { compare(lhs, rhs) == true }

    /// −1, 0 or 1 as `left` sorts before, equal to or after `right` byte by byte.
    @usableFromInline
    static func compareBytes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(left.count, right.count)
        // memcmp compares as unsigned bytes (C11 §7.24.4), word by word: names sharing a
        // long prefix (`Authority 12`, `Authority 13`) are the common case when sorting.
        if common > 0, let a = left.baseAddress, let b = right.baseAddress {
            let sign = memcmp(a, b, common)
            if sign != 0 { return sign < 0 ? -1 : 1 }
        }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }
}
