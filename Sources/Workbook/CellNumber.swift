import Foundation

/// A number cell's `<v>` read from its bytes, with no `String` (issue 30: a 10⁵-row return
/// has a million number cells). Gives exactly the double that the reader gave before —
/// `Double(String)` of the value with spaces and tabs trimmed (`CharacterSet.whitespaces`),
/// which is glibc's `strtod_l` in the C locale, correctly rounded — or says `.undecided`,
/// and the caller asks `Double(String)` itself, as it always did.
///
/// - A plain decimal (`263132`, `0.7372`, `-1.5E3`) whose significant digits form an
///   integer w ≤ 2⁵³ and whose power of ten k has |k| ≤ 22 is w × 10^k or w ÷ 10^−k: one
///   correctly rounded operation on two exact doubles, which is the correctly rounded value
///   of the decimal, as strtod's is (Clinger 1990, the "fast path"; the same argument as
///   `Returns/CellBytes`).
/// - Any other plain decimal (17 significant digits, as openpyxl writes `0.1 + 0.2`) goes
///   to `strtod` itself (C locale), on a NUL-terminated copy of the bytes; a result it flags `ERANGE`
///   is left undecided (Swift's wrapper treats some of those as no number).
/// - Anything else (non-ASCII bytes, hexadecimal, `inf`, `nan`, a stray character) is
///   undecided.
///
/// [Clinger 1990]: https://doi.org/10.1145/93548.93557
enum CellNumber {
    enum Parsed: Equatable {
        case number(Double)
        /// Only spaces and tabs, or nothing.
        case blank
        case undecided
    }

    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0 ..< exponent { value *= 10 }
        return value
    }

    /// The C locale's number format, as Swift's `Double(String)` passes to `strtod_l` (which
    /// Glibc's Swift module does not export): made current for this thread around `strtod`.
    nonisolated(unsafe) private static let cLocale: locale_t? = newlocale(Int32(1) << LC_NUMERIC, "C", nil)

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == end { return .blank }
        var index = start
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var significand: UInt64 = 0
        var exact = true
        var digits = 0, fractionDigits = 0
        var sawPoint = false
        while index < end {
            let byte = bytes[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                digits += 1
                if sawPoint { fractionDigits += 1 }
                if significand <= (1 << 53) / 10 {
                    significand = significand * 10 + UInt64(digit)
                    if significand > 1 << 53 { exact = false }
                } else {
                    exact = false
                }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digits > 0 else { return .undecided }
        var exponent = 0
        if index < end {
            guard bytes[index] | 0x20 == UInt8(ascii: "e") else { return .undecided }
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < end else { return .undecided }
            while index < end {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return .undecided }
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        let power = exponent - fractionDigits
        if exact, abs(power) <= 22 {
            let magnitude = power >= 0 ? Double(significand) * exactPowersOfTen[power]
                                       : Double(significand) / exactPowersOfTen[-power]
            return .number(negative ? -magnitude : magnitude)
        }
        return libraryParse(bytes, from: start, to: end)
    }

    /// glibc's `strtod` in the C locale on bytes[from..<to] (a plain decimal, checked by the
    /// caller); `.undecided` when the result is out of range or the bytes are long.
    private static func libraryParse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Parsed {
        guard end - start < 64, let cLocale else { return .undecided }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { text in
            for offset in 0 ..< end - start { text[offset] = CChar(bitPattern: bytes[start + offset]) }
            text[end - start] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let previous = uselocale(cLocale)
            defer { uselocale(previous) }
            errno = 0
            let value = strtod(text.baseAddress!, &stop)
            guard errno != ERANGE, let stop, stop - text.baseAddress! == end - start else { return .undecided }
            return .number(value)
        }
    }
}
