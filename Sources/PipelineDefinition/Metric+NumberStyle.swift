import Tabular

extension Metric {
    /// How people read this metric (SPEC §7): money in £, rates in %, counts whole, the
    /// Support Level Index to two decimals. Declared once here for the report, its charts
    /// and `vfm-diff`.
    public var numberStyle: NumberStyle {
        if isMoney { return .money }
        if isRate { return .percent }
        switch self {
        case .peopleSupported, .jobOutcomes: return .whole
        default: return .decimals(2)
        }
    }

    /// The style of a metric named in a table (`nil` names: a pipeline's own column), two
    /// decimals for a name that is not one of ours.
    public static func numberStyle(named name: String) -> NumberStyle {
        Metric(rawValue: name)?.numberStyle ?? .decimals(2)
    }
}

extension HumanNumbers {
    /// A figure of the metric named `metric` as people read it (`Metric.numberStyle`).
    public static func figure(_ value: Double?, metric: String) -> String {
        text(value, style: Metric.numberStyle(named: metric))
    }
}
