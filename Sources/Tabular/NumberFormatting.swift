/// The one locale-independent number formatter every output uses (SPEC §7): shortest
/// round-trip digits, integral values without a trailing `.0`, never `-0`, and never
/// NaN or infinity (a non-finite value is treated as missing and written as empty).
public enum NumberFormatting {
    /// Full-precision text for a CSV cell; `nil` and non-finite values give `""`.
    public static func csv(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == 0 { return "0" }  // also turns -0 into 0
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return value.description
    }

    /// A count for a CSV cell; `nil` gives `""`.
    public static func csv(_ value: Int?) -> String {
        guard let value else { return "" }
        return String(value)
    }
}
