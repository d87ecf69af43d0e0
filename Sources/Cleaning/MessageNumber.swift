import Tabular

/// Numbers inside flag and reject messages, for people: at most four significant digits,
/// locale-independent (the CSV `value`/`threshold` columns carry full precision).
enum MessageNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return NumberFormatting.csv(value) }
        let exponent = Int((abs(value)).log10Floor)
        let digits = 3 - exponent
        let rounded: Double
        if digits >= 0 {
            let scale = pow10(digits)
            rounded = (value * scale).rounded() / scale
        } else {
            let scale = pow10(-digits)
            rounded = (value / scale).rounded() * scale
        }
        return NumberFormatting.csv(rounded)
    }

    /// Money to the whole pound: 10554.33 → "£10554".
    static func pounds(_ value: Double) -> String {
        "£" + NumberFormatting.csv(value.rounded())
    }

    /// A fraction as a whole percentage: 0.366 → "37%".
    static func percent(_ fraction: Double) -> String {
        NumberFormatting.csv((fraction * 100).rounded()) + "%"
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
