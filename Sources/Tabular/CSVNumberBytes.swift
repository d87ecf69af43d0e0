#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers read straight from a cell's UTF-8 bytes, with no `String`: the reader of the
/// run's own files (SPEC §13), where every figure is a number the project wrote
/// (`NumberFormatting`: shortest round-trip, an optional `-`, digits, a fraction, an
/// exponent). Where it gives a value it is the value `Double(String)` / `Int(String)`
/// give for the same text, to the bit (tested on random values); it says `nil` for
/// anything that is not such a number (a sign alone, spaces, words, hexadecimal,
/// `inf`, `nan`), and the caller reports the cell.
///
/// The pointer work (a NUL-terminated copy for `strtod`) stays inside this type; callers
/// hand a buffer they already hold and get a value.
public enum CSVNumberBytes {
    private static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9"), point = UInt8(ascii: "."),
                       minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+"), lowerE = UInt8(ascii: "e"),
                       upperE = UInt8(ascii: "E")

    /// Longest cell copied for `strtod` on the stack (a shortest round-trip double has at
    /// most 24 bytes); longer ones go through a `String`.
    private static let stackLimit = 64

    /// Powers of ten exact in binary64.
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The number `cell` holds (finite or not: the caller decides), or `nil` when it is not
    /// a decimal number.
    ///
    /// Plain decimals whose digits make an integer below 2⁵³ with at most 22 after the
    /// point are one correctly rounded division of two exact numbers — the nearest double,
    /// which is what `strtod` returns (Clinger 1990, the "fast path"); the others go to
    /// `strtod`, as `Double(String)` does. The process never calls `setlocale`, so `strtod`
    /// reads `.` as the point (the C locale).
    ///
    /// [Clinger 1990]: https://doi.org/10.1145/93548.93557
    public static func double(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = cell.count
        guard count > 0 else { return nil }
        var index = 0
        let negative = cell[0] == minus
        if negative { index = 1 }
        var significand: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var seenPoint = false, plain = true
        while index < count {
            let byte = cell[index]
            if byte >= zero && byte <= nine {
                digits += 1
                if seenPoint { fractionDigits += 1 }
                // Below 2⁵³ after ten times and a digit: no overflow can occur before that test.
                if significand < (1 << 53) / 10 {
                    significand = significand * 10 + UInt64(byte - zero)
                } else {
                    plain = false
                }
            } else if byte == point, !seenPoint {
                seenPoint = true
            } else {
                plain = false
                break
            }
            index += 1
        }
        guard digits > 0 || !plain else { return nil }
        if plain, fractionDigits < exactPowersOfTen.count {
            let magnitude = Double(significand) / exactPowersOfTen[fractionDigits]
            return negative ? -magnitude : magnitude
        }
        return general(cell)
    }

    /// `strtod` of the whole cell, when it holds only the bytes of a decimal number.
    private static func general(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        for byte in cell {
            guard (byte >= zero && byte <= nine) || byte == point || byte == minus || byte == plus
                || byte == lowerE || byte == upperE else { return nil }
        }
        guard cell.count < stackLimit else { return Double(String(decoding: cell, as: UTF8.self)) }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: cell.count + 1) { text -> Double? in
            guard let start = text.baseAddress else { return nil }
            for (offset, byte) in cell.enumerated() { text[offset] = CChar(bitPattern: byte) }
            text[cell.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(start, &end)
            guard let end, end == start + cell.count else { return nil }
            return value
        }
    }

    /// The whole number `cell` holds (an optional sign, then digits), or `nil` when it holds
    /// anything else or does not fit an `Int`.
    public static func integer(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = cell.count
        guard count > 0 else { return nil }
        let signed = cell[0] == minus || cell[0] == plus
        var index = signed ? 1 : 0
        guard index < count else { return nil }
        let sign = cell[0] == minus ? -1 : 1
        var value = 0
        while index < count {
            let byte = cell[index]
            guard byte >= zero && byte <= nine else { return nil }
            let (times10, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times10.addingReportingOverflow(sign * Int(byte - zero))
            guard !overflowA, !overflowB else { return nil }
            value = sum
            index += 1
        }
        return value
    }
}
