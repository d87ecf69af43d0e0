import Tabular

/// The diff's numbers for people. Every figure is printed by the report's own formatter
/// (`Tabular.HumanNumbers`), so "changed as the report prints it" means exactly that;
/// only the signed change columns, which the report does not print, are built here — from
/// `HumanNumbers` too.
enum PeopleNumbers {
    static let missing = HumanNumbers.missing

    static func count(_ value: Int?) -> String { HumanNumbers.count(value) }
    static func coefficient(_ value: Double?) -> String { HumanNumbers.coefficient(value) }
    static func pValue(_ value: Double?) -> String { HumanNumbers.pValue(value) }

    /// The change new − old in the figure's units, always signed: `+£120`, `−4 pp`, `+3`.
    /// Where the printed figures differ it is the difference of the printed figures, so the
    /// row reads true (`0 → 1`, `+1`; `3% → 2%`, `−1 pp`); where they print the same (a
    /// move listed under `--all` or `--tolerance`) it is shown with two more decimals, so a
    /// listed change never reads `±0`.
    static func change(from old: Double?, to new: Double?, format: FigureFormat) -> String {
        guard let old, let new else { return missing }
        let printed = format.resolved
        if printed.text(old) != printed.text(new) {
            let delta = printed.printedValue(new) - printed.printedValue(old)
            let sign = delta > 0 ? "+" : (delta < 0 ? "\u{2212}" : "±")
            if printed == .percent { return sign + HumanNumbers.decimal(abs(delta), decimals: 0) + " pp" }
            return sign + printed.text(abs(delta))
        }
        let delta = new - old
        let sign = delta > 0 ? "+" : (delta < 0 ? "\u{2212}" : "±")
        let magnitude = abs(delta)
        switch format.resolved {
        case .percent:
            let points = HumanNumbers.decimal(magnitude * 100, decimals: 0)
            return sign + (points == "0" ? HumanNumbers.decimal(magnitude * 100, decimals: 2) : points) + " pp"
        default:
            let shown = format.resolved.text(magnitude)
            guard shown == format.resolved.text(0) else { return sign + shown }
            return sign + (format.isMoney ? "£" : "") + FigureFormat.decimals(format.decimals + 2).text(magnitude)
        }
    }

    /// `+12.5%` relative to the old value, `+<0.1%` for a smaller move; missing when the
    /// old value is 0 or missing.
    static func relativeChange(from old: Double?, to new: Double?) -> String {
        guard let old, let new, old != 0 else { return missing }
        let relative = (new - old) / abs(old) * 100
        let sign = relative > 0 ? "+" : (relative < 0 ? "\u{2212}" : "±")
        let shown = HumanNumbers.decimal(abs(relative), decimals: 1)
        return sign + (shown == "0.0" && relative != 0 ? "<0.1" : shown) + "%"
    }
}
