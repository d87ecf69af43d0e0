import PipelineDefinition
import Tabular

/// How the report prints a figure (SPEC §7: £1,730; 38%; n always shown), delegated to
/// the report's own formatter, `Tabular.HumanNumbers`, so that the diff's default
/// threshold — "changed as the report prints it" — is the report's rounding, not a copy.
public enum FigureFormat: Sendable, Equatable {
    /// A figure of a metric, as the report prints that metric (`HumanNumbers.figure`).
    case metric(String)
    /// Pounds, whole pounds.
    case money
    /// A fraction as a whole percentage.
    case percent
    /// A whole number with thousands separators (n, counts, per-100 figures).
    case whole
    /// Fixed decimals (a trend line's slope, value-for-money rates).
    case decimals(Int)

    public func text(_ value: Double?) -> String {
        switch self {
        case .metric(let metric): return HumanNumbers.figure(value, metric: metric)
        case .money: return HumanNumbers.money(value)
        case .percent: return HumanNumbers.percent(value)
        case .whole: return HumanNumbers.whole(value)
        case .decimals(let places): return HumanNumbers.decimal(value, decimals: places)
        }
    }

    /// The format's plain-number equivalent (`.metric` resolved), for change columns.
    var resolved: FigureFormat {
        guard case .metric(let name) = self else { return self }
        switch Metric.numberStyle(named: name) {
        case .money: return .money
        case .percent: return .percent
        case .whole: return .whole
        case .decimals(let places): return .decimals(places)
        }
    }

    var isMoney: Bool { resolved == .money }

    /// The figure as printed, as a number in the printed units (a percentage in points).
    func printedValue(_ value: Double) -> Double {
        switch resolved {
        case .percent: return HumanNumbers.rounded(value * 100, decimals: 0)
        case .money, .whole: return HumanNumbers.rounded(value, decimals: 0)
        case .decimals(let places): return HumanNumbers.rounded(value, decimals: places)
        case .metric: return value
        }
    }

    /// Decimal places the format prints (percentages in points).
    var decimals: Int {
        if case .decimals(let places) = resolved { return places }
        return 0
    }
}
