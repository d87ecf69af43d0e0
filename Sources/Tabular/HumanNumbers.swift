/// Numbers rounded for people (SPEC §7): £1,730 (whole pounds, thousands separators),
/// 38%, r = −0.58, p = 0.012 or p < 0.001, and "—" for a figure that does not exist.
/// The one people-facing number formatter: the report, its charts and `vfm-diff` all print
/// through it, so "changed as the report prints it" is the report's own rounding.
/// Locale-independent by construction (own digit grouping, no `Formatter`), so a report
/// is byte-identical on every machine. Negative numbers use the Unicode minus sign (U+2212),
/// as in typeset statistics; tables/ keep ASCII `-` for programs.
public enum HumanNumbers {
    /// Shown where a figure is undefined (too few services, no data).
    public static let missing = "—"
    static let minus = "\u{2212}"

    /// `£1,730`; `nil` → "—".
    public static func money(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        let text = fixed(abs(value), decimals: 0, grouped: true)
        return (isNegativeAfterRounding(value, decimals: 0) ? minus : "") + "£" + text
    }

    /// A fraction as a whole percentage: 0.3812 → `38%`.
    public static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return missing }
        return decimal(fraction * 100, decimals: 0) + "%"
    }

    /// A count or mean count with thousands separators: `1,234`.
    public static func whole(_ value: Double?) -> String {
        decimal(value, decimals: 0)
    }

    public static func count(_ value: Int?) -> String {
        guard let value else { return missing }
        return decimal(Double(value), decimals: 0)
    }

    /// A correlation coefficient to two decimals: `−0.58`, `0.03`.
    public static func coefficient(_ value: Double?) -> String {
        decimal(value, decimals: 2)
    }

    /// A p-value as printed after `p = `: `0.012`, or `< 0.001` for smaller ones.
    public static func pValue(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        if value < 0.001 { return "< 0.001" }
        return decimal(value, decimals: 3)
    }

    /// A score, bound or ratio inside a flag message (a modified z-score 3.912, a limit
    /// ±3.5, a ratio 1.25): four significant digits, without grouping, ASCII `-`; a whole
    /// number exactly (issue 31: a count of 13,863 printed 13860). Messages print money
    /// and percentages with `money` and `percent`, as the report does.
    public static func significant(_ value: Double) -> String {
        NumberFormatting.csv(significantDigits(value))
    }

    /// `value` rounded to four significant digits (zero and non-finite values as they are);
    /// a whole number as it is.
    private static func significantDigits(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 { return value }
        var magnitude = abs(value), exponent = 0
        while magnitude >= 10 { magnitude /= 10; exponent += 1 }
        while magnitude < 1 { magnitude *= 10; exponent -= 1 }
        func power(_ n: Int) -> Double {
            var result = 1.0
            for _ in 0..<min(n, 330) { result *= 10 }
            return result
        }
        let digits = 3 - exponent
        return digits >= 0 ? (value * power(digits)).rounded() / power(digits)
            : (value / power(-digits)).rounded() * power(-digits)
    }

    /// `value` in `style`: how a figure of a given kind is printed everywhere.
    public static func text(_ value: Double?, style: NumberStyle) -> String {
        switch style {
        case .money: return money(value)
        case .percent: return percent(value)
        case .whole: return whole(value)
        case .decimals(let places): return decimal(value, decimals: places)
        }
    }

    /// Fixed decimals with thousands separators; `nil` or non-finite → "—"; never `−0`.
    public static func decimal(_ value: Double?, decimals: Int) -> String {
        guard let value, value.isFinite else { return missing }
        let text = fixed(abs(value), decimals: decimals, grouped: true)
        return (isNegativeAfterRounding(value, decimals: decimals) ? minus : "") + text
    }

    /// `value` as `decimal(value, decimals:)` prints it, as a number: half away from zero,
    /// the same rounding, so that a difference of two printed figures can be computed
    /// instead of read back from their text.
    package static func rounded(_ value: Double, decimals: Int) -> Double {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let magnitude = (abs(value) * factor).rounded(.toNearestOrAwayFromZero) / factor
        return value < 0 ? -magnitude : magnitude
    }

    /// Fixed decimals without grouping and with an ASCII minus: for SVG coordinates.
    package static func plain(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        let text = fixed(abs(value), decimals: decimals, grouped: false)
        return (isNegativeAfterRounding(value, decimals: decimals) ? "-" : "") + text
    }

    private static func isNegativeAfterRounding(_ value: Double, decimals: Int) -> Bool {
        guard value < 0 else { return false }
        return fixed(abs(value), decimals: decimals, grouped: false).contains { $0 != "0" && $0 != "." }
    }

    /// |value| to `decimals` places, rounded half away from zero, as digit text. Exact
    /// however large: a total of £3 × 10²⁰ prints all its digits instead of saturating at
    /// 2⁶⁴ − 1 (issue 31 found "£18,446,744,073,709,551,615" for every figure above 2⁶⁴).
    private static func fixed(_ magnitude: Double, decimals: Int, grouped: Bool) -> String {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let product = (magnitude * factor).rounded(.toNearestOrAwayFromZero)
        // 2^53: the scaled product is still exact enough; 10^19 < 2^64.
        if product < 9_007_199_254_740_992, decimals <= 19 {
            return scaledDigits(UInt64(product), decimals: decimals, grouped: grouped)
        }
        // The whole part's digits, and the decimals' digits without their leading zeros.
        var wholeDigits: String, fractionDigits: String
        if product < 9_007_199_254_740_992 {
            // Below 2^53 < 10^16 and more than 19 places: every digit is a decimal.
            (wholeDigits, fractionDigits) = ("0", String(UInt64(product)))
        } else {
            // Beyond 2^53 the scaled product loses the last places: the whole part exactly,
            // then the fraction (exact: a double minus its floor) scaled and rounded alone.
            let whole = magnitude.rounded(.down)
            var fraction = ((magnitude - whole) * factor).rounded(.toNearestOrAwayFromZero)
            wholeDigits = exactDigits(whole)
            if fraction >= factor {  // the fraction rounded up to one
                fraction = 0
                wholeDigits = exactDigits(whole + 1)
            }
            fractionDigits = String(UInt64(fraction))
        }
        let wholeText = grouped ? group(wholeDigits) : wholeDigits
        guard decimals > 0 else { return wholeText }
        return wholeText + "." + String(repeating: "0", count: decimals - fractionDigits.count) + fractionDigits
    }

    /// `scaled` / 10^`decimals` written out: the whole part (grouped in threes if asked),
    /// then, when `decimals` > 0, a point and exactly `decimals` digits. Digit by digit from
    /// the last into one small buffer and one `String` made at the end — what the text pieces
    /// joined gave, without them: a million flag messages print a percentage each, and a
    /// chart prints each point's two coordinates.
    private static func scaledDigits(_ scaled: UInt64, decimals: Int, grouped: Bool) -> String {
        // At most 20 whole digits, 6 commas, a point and 19 decimals.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var end = buffer.count, rest = scaled
            func put(_ byte: UInt8) {
                end -= 1
                buffer[end] = byte
            }
            func putDigit() {
                put(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10))
                rest /= 10
            }
            if decimals > 0 {
                for _ in 0..<decimals { putDigit() }
                put(UInt8(ascii: "."))
            }
            var wholeDigits = 0
            repeat {
                if grouped, wholeDigits > 0, wholeDigits % 3 == 0 { put(UInt8(ascii: ",")) }
                putDigit()
                wholeDigits += 1
            } while rest > 0
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[end...]), as: UTF8.self)
        }
    }

    /// The decimal digits of a whole, finite, non-negative double, exactly: its significand
    /// doubled once per binary exponent step in base-10⁹ limbs.
    static func exactDigits(_ whole: Double) -> String {
        if whole < 9.0e18 { return String(UInt64(whole)) }
        var limbs: [UInt64] = [whole.significandBitPattern | (1 << 52)]  // < 2^53 < 10^18: split below
        limbs = [limbs[0] % 1_000_000_000, limbs[0] / 1_000_000_000]
        for _ in 0 ..< Int(whole.exponent) - 52 {
            var carry: UInt64 = 0
            for index in limbs.indices {
                let doubled = limbs[index] * 2 + carry
                limbs[index] = doubled % 1_000_000_000
                carry = doubled / 1_000_000_000
            }
            if carry > 0 { limbs.append(carry) }
        }
        while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
        var text = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    /// `digits` (ASCII) with a comma before each group of three from the right.
    private static func group(_ digits: String) -> String {
        let bytes = Array(digits.utf8)
        guard bytes.count > 3 else { return digits }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 3)
        for (offset, digit) in bytes.enumerated() {
            if offset > 0, (bytes.count - offset) % 3 == 0 { result.append(UInt8(ascii: ",")) }
            result.append(digit)
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// How a kind of figure is printed for people: money in whole pounds, fractions as whole
/// percentages, counts whole, anything else to fixed decimals.
public enum NumberStyle: Sendable, Hashable {
    case money
    case percent
    case whole
    case decimals(Int)
}
