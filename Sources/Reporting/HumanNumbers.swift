import PipelineDefinition

/// Numbers rounded for people (SPEC §7): £1,730 (whole pounds, thousands separators),
/// 38%, r = −0.58, p = 0.012 or p < 0.001, and "—" for a figure that does not exist.
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

    /// A figure of `metric` as people read it: money in £, rates in %, counts whole,
    /// the Support Level Index to two decimals.
    public static func figure(_ value: Double?, metric: String) -> String {
        guard let known = Metric(rawValue: metric) else { return decimal(value, decimals: 2) }
        if known.isMoney { return money(value) }
        if known.isRate { return percent(value) }
        switch known {
        case .peopleSupported, .jobOutcomes: return whole(value)
        default: return decimal(value, decimals: 2)
        }
    }

    /// Fixed decimals with thousands separators; `nil` or non-finite → "—"; never `−0`.
    public static func decimal(_ value: Double?, decimals: Int) -> String {
        guard let value, value.isFinite else { return missing }
        let text = fixed(abs(value), decimals: decimals, grouped: true)
        return (isNegativeAfterRounding(value, decimals: decimals) ? minus : "") + text
    }

    /// Fixed decimals without grouping and with an ASCII minus: for SVG coordinates.
    static func plain(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        let text = fixed(abs(value), decimals: decimals, grouped: false)
        return (isNegativeAfterRounding(value, decimals: decimals) ? "-" : "") + text
    }

    private static func isNegativeAfterRounding(_ value: Double, decimals: Int) -> Bool {
        guard value < 0 else { return false }
        return scaled(abs(value), decimals: decimals) != 0
    }

    /// |value| × 10^decimals rounded half away from zero, as an integer.
    private static func scaled(_ magnitude: Double, decimals: Int) -> UInt64 {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let product = (magnitude * factor).rounded(.toNearestOrAwayFromZero)
        guard product < 1.8e19 else { return UInt64.max }
        return UInt64(product)
    }

    private static func fixed(_ magnitude: Double, decimals: Int, grouped: Bool) -> String {
        let digits = String(scaled(magnitude, decimals: decimals))
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let integerPart = String(padded.dropLast(decimals))
        let fractionPart = String(padded.suffix(decimals))
        let integerText = grouped ? group(integerPart) : integerPart
        return decimals == 0 ? integerText : integerText + "." + fractionPart
    }

    private static func group(_ digits: String) -> String {
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
