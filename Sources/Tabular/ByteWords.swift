#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte scans eight bytes at a time ("SIMD within a register": a `UInt64` read from any
/// address, with the bit tricks of Hacker's Delight ch. 6 and Sean Anderson's "Bit
/// Twiddling Hacks"), for the two scans that dominate reading a run file back: the
/// separator that ends a cell, and the check that a cell is written as a number (issue 25:
/// byte by byte they were a quarter of reading `clean/services.csv` by hand). Each answer
/// is exactly the byte-by-byte one, which the tests compare on random bytes.
public enum ByteWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The word of 8 bytes at `address`, the first byte lowest (x86-64 and arm64 are
    /// little-endian; on a big-endian machine the bytes are swapped into that order).
    @inline(__always)
    private static func word(at address: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(address).loadUnaligned(as: UInt64.self))
    }

    /// The first index in `start ..< end` of `base` whose byte is `byte`, or `end`.
    @inline(__always)
    public static func firstIndex(of byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        let pattern = ones &* UInt64(byte)
        while index + 8 <= end {
            let x = word(at: base + index) ^ pattern
            // The lowest byte of x that is zero sets its high bit here (higher ones may be
            // set wrongly by a borrow, but never a lower one).
            let zero = (x &- ones) & ~x & highs
            if zero != 0 { return index + zero.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end, base[index] != byte { index += 1 }
        return index
    }

    /// The first index in `start ..< end` of `base` whose byte is `byte`, or `nil`, found by
    /// the C library's `memchr` (vectorised): for runs long enough that its set-up pays — a
    /// line, a file — where `firstIndex(of:in:from:to:)` is for a cell's few bytes.
    @inline(__always)
    public static func search(_ byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }

    /// Whether every byte of `bytes` is a digit, a sign, a point or an exponent (`0-9 + -
    /// . e E`): the bytes a written number is made of.
    @inline(__always)
    public static func allNumberBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= 8 else {
            for byte in bytes where !isNumberByte(byte) { return false }
            return true
        }
        var index = 0
        while index + 8 <= bytes.count {
            guard wordIsNumberBytes(word(at: base + index)) else { return false }
            index += 8
        }
        // The last bytes, in a word that overlaps the ones already checked.
        return index == bytes.count || wordIsNumberBytes(word(at: base + bytes.count - 8))
    }

    /// `isNumberByte` of each of the word's 8 bytes, all at once.
    @inline(__always)
    private static func wordIsNumberBytes(_ w: UInt64) -> Bool {
        // Every number byte is ASCII, and for bytes below 0x80 the sums below carry into no
        // other byte: `w + (0x80 - lo)` sets a byte's high bit exactly when it is >= lo.
        guard w & highs == 0 else { return false }
        let digit = (w &+ ones &* 0x50) & ~(w &+ ones &* 0x46)    // 0x30 ... 0x39
        let minusOrPoint = (w &+ ones &* 0x53) & ~(w &+ ones &* 0x51)  // 0x2D ... 0x2E
        let plus = zeroBytes(w ^ (ones &* 0x2B))
        let exponent = zeroBytes((w | ones &* 0x20) ^ (ones &* 0x65))  // e, and E (0x45 | 0x20)
        return (digit | minusOrPoint | plus | exponent) & highs == highs
    }

    /// The high bit of each byte of `x` that is zero (exact: no carry crosses a byte).
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & lows) &+ lows) | x) & highs
    }

    /// A digit, sign, point or exponent.
    @inline(__always)
    public static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }
}
