import Foundation
import PipelineDefinition
import StatisticsKernel

/// Applies the pipeline's outlier rules to the accepted services (SPEC §5): every
/// accepted service with the metric present is screened — including services flagged
/// for other reasons, because the study checked outliers with the services rather than
/// pre-filtering them.
enum OutlierFlags {
    /// Appends an `outlier` flag to each service outside a rule's limits; returns
    /// warnings for rules that could not screen (MAD = 0, SD = 0).
    static func apply(_ rules: [OutlierRuleSetting], to services: inout [CleanedService]) -> [String] {
        var warnings: [String] = []
        for rule in rules {
            let values = services.map { $0.value(of: rule.metric) }
            let screening = OutlierScreen.screen(values, method: rule.method, threshold: rule.threshold,
                                                 logScale: rule.logScale)
            if let reason = screening.skippedBecause, screening.screened > 0 {
                warnings.append("outlier screen of \(rule.metric.rawValue) (\(rule.method.rawValue)) flagged nothing: \(reason)")
            }
            for finding in screening.findings {
                guard let value = values[finding.index] else { continue }
                services[finding.index].flags.append(flag(rule, value: value, finding: finding))
            }
        }
        return warnings
    }

    static func flag(_ rule: OutlierRuleSetting, value: Double, finding: OutlierScreen.Finding) -> ServiceFlag {
        let limit = rule.logScale ? Elementary.exp(finding.limit) : finding.limit
        let side = finding.isAbove ? "above the upper" : "below the lower"
        let scale = rule.logScale ? " on the log scale" : ""
        let test: String
        switch rule.method {
        case .modifiedZScore:
            test = "modified z-score \(MessageNumber.format(finding.score ?? 0))\(scale), limit ±\(MessageNumber.format(rule.threshold))"
        case .zScore:
            test = "z-score \(MessageNumber.format(finding.score ?? 0))\(scale), limit ±\(MessageNumber.format(rule.threshold))"
        case .tukeyFences:
            test = "Tukey fence \(finding.isAbove ? "Q3 +" : "Q1 −") \(MessageNumber.format(rule.threshold))·IQR\(scale)"
        }
        let shown = { (number: Double) in rule.metric.isMoney ? MessageNumber.pounds(number) : MessageNumber.format(number) }
        return ServiceFlag(rule: .outlier, metric: rule.metric.rawValue, value: value, threshold: limit,
                           severity: FlagRule.outlier.severity,
                           message: "\(rule.metric.rawValue) \(shown(value)) is \(side) outlier limit \(shown(limit)) (\(test)); check it with the service")
    }
}
