import Tabular

/// Numbers inside flag and reject messages, for people: at most four significant digits,
/// locale-independent (the CSV `value`/`threshold` columns carry full precision).
enum MessageNumber {
    static func format(_ value: Double) -> String { NumberFormatting.csv(significant(value)) }

    /// `format(value)`'s UTF-8, appended to `bytes`.
    static func append(_ value: Double, to bytes: inout [UInt8]) {
        NumberFormatting.append(significant(value), to: &bytes)
    }

    /// `value` rounded to four significant digits (zero and non-finite values as they are);
    /// a whole number as it is, so a count reads exactly (issue 31: 13,863 printed 13860).
    private static func significant(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 { return value }
        let exponent = Int((abs(value)).log10Floor)
        let digits = 3 - exponent
        if digits >= 0 {
            let scale = pow10(digits)
            return (value * scale).rounded() / scale
        } else {
            let scale = pow10(-digits)
            return (value / scale).rounded() * scale
        }
    }

    /// Money to the whole pound: 10554.33 → "£10554".
    static func pounds(_ value: Double) -> String {
        "£" + NumberFormatting.csv(value.rounded())
    }

    /// `pounds(value)`'s UTF-8, appended to `bytes`.
    static func appendPounds(_ value: Double, to bytes: inout [UInt8]) {
        bytes.append(0xC2)  // "£" is C2 A3 in UTF-8
        bytes.append(0xA3)
        NumberFormatting.append(value.rounded(), to: &bytes)
    }

    /// A fraction as a whole percentage: 0.366 → "37%".
    static func percent(_ fraction: Double) -> String {
        NumberFormatting.csv((fraction * 100).rounded()) + "%"
    }

    /// `percent(fraction)`'s UTF-8, appended to `bytes`.
    static func appendPercent(_ fraction: Double, to bytes: inout [UInt8]) {
        NumberFormatting.append((fraction * 100).rounded(), to: &bytes)
        bytes.append(UInt8(ascii: "%"))
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(exponent, 330) { result *= 10 }
        return result
    }
}

extension Double {
    /// ⌊log10 |x|⌋ for finite non-zero x, by counting decades (no Foundation needed).
    fileprivate var log10Floor: Int {
        var magnitude = Swift.abs(self)
        var exponent = 0
        while magnitude >= 10 { magnitude /= 10; exponent += 1 }
        while magnitude < 1 { magnitude *= 10; exponent -= 1 }
        return exponent
    }
}
