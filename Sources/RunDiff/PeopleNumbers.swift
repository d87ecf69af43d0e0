/// Numbers rounded for people in the diff (SPEC §7: £1,730; 38%; r = −0.58; p = 0.012),
/// locale-independent by construction: digits are produced here, never by a formatter
/// that reads the machine's locale. Negative numbers use the minus sign U+2212, as the
/// report does; a value that rounds to zero has no sign. Missing is an em dash.
enum PeopleNumbers {
    static let missing = "—"
    static let minus = "\u{2212}"

    /// `£1,730`: whole pounds with thousands separators.
    static func money(_ value: Double?) -> String {
        guard let value else { return missing }
        return signed(value, decimals: 0, prefix: "£", suffix: "", plus: false)
    }

    /// `38.2%`: a fraction as a percentage, one decimal (diffs are often smaller than a
    /// whole point).
    static func percent(_ value: Double?) -> String {
        guard let value else { return missing }
        return signed(value * 100, decimals: 1, prefix: "", suffix: "%", plus: false)
    }

    /// `1,234`.
    static func count(_ value: Int?) -> String {
        guard let value else { return missing }
        return signed(Double(value), decimals: 0, prefix: "", suffix: "", plus: false)
    }

    /// `198` for values of 100 or more and whole numbers, `1.74` otherwise.
    static func plain(_ value: Double?) -> String {
        guard let value else { return missing }
        let whole = abs(value) >= 100 || value == value.rounded()
        return signed(value, decimals: whole ? 0 : 2, prefix: "", suffix: "", plus: false)
    }

    /// `−0.58`: a correlation coefficient to two decimals.
    static func coefficient(_ value: Double?) -> String {
        guard let value else { return missing }
        return signed(value, decimals: 2, prefix: "", suffix: "", plus: false)
    }

    /// `0.012`, or `< 0.001`.
    static func pValue(_ value: Double?) -> String {
        guard let value else { return missing }
        if value < 0.001 { return "< 0.001" }
        return signed(value, decimals: 3, prefix: "", suffix: "", plus: false)
    }

    /// A figure on its scale.
    static func figure(_ value: Double?, scale: FigureScale) -> String {
        switch scale {
        case .money: return money(value)
        case .rate: return percent(value)
        case .count: return count(value.flatMap(wholeNumber))
        case .plain: return plain(value)
        }
    }

    /// The change new − old on the figure's scale, always signed: `+£120`, `−4.0 pp`, `+3`.
    /// Money changes under £1 are shown in pence so a real change never reads `+£0`.
    static func change(from old: Double?, to new: Double?, scale: FigureScale) -> String {
        guard let old, let new else { return missing }
        let delta = new - old
        switch scale {
        case .money: return signed(delta, decimals: abs(delta) < 1 ? 2 : 0, prefix: "£", suffix: "", plus: true)
        case .rate: return signed(delta * 100, decimals: 1, prefix: "", suffix: " pp", plus: true)
        case .count: return signed(delta, decimals: 0, prefix: "", suffix: "", plus: true)
        case .plain: return signed(delta, decimals: abs(delta) >= 100 ? 0 : 2, prefix: "", suffix: "", plus: true)
        }
    }

    /// `+12.5%` relative to the old value; missing when the old value is 0 or missing.
    static func relativeChange(from old: Double?, to new: Double?) -> String {
        guard let old, let new, old != 0 else { return missing }
        return signed((new - old) / abs(old) * 100, decimals: 1, prefix: "", suffix: "%", plus: true)
    }

    /// `+0.03` for a change of r.
    static func coefficientChange(from old: Double?, to new: Double?) -> String {
        guard let old, let new else { return missing }
        return signed(new - old, decimals: 2, prefix: "", suffix: "", plus: true)
    }

    static func wholeNumber(_ value: Double) -> Int? {
        guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// Rounds half away from zero to `decimals` places and writes sign, prefix, digits
    /// with `,` every three, `.` and the decimals, and suffix.
    static func signed(_ value: Double, decimals: Int, prefix: String, suffix: String, plus: Bool) -> String {
        guard value.isFinite else { return missing }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 there are no fractional digits left to show; keep the digits Swift gives.
        guard scaled < 9.0e15 else { return (value < 0 ? minus : (plus ? "+" : "")) + prefix + "\(abs(value))" + suffix }
        let units = UInt64(scaled)
        var divisor: UInt64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        let whole = units / divisor
        let fraction = units % divisor
        var text = grouped(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        let sign = units == 0 ? (plus ? "±" : "") : (value < 0 ? minus : (plus ? "+" : ""))
        return sign + prefix + text + suffix
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var text = ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }
}
