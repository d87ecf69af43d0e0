import Tabular
import Foundation
import PipelineDefinition
import StatisticsKernel
import VFMCore

/// Applies the pipeline's outlier rules to the accepted services (SPEC §5): every
/// accepted service with the metric present is screened — including services flagged
/// for other reasons, because the study checked outliers with the services rather than
/// pre-filtering them.
enum OutlierFlags {
    /// Appends an `outlier` flag to each service outside a rule's limits; returns
    /// warnings for rules that could not screen (MAD = 0, SD = 0).
    ///
    /// The rules screen concurrently (`Parallel.map`: each reads the services and writes
    /// only its own screening); their flags are then appended one rule after another, in
    /// rule order, so the result is the same on one core or many.
    static func apply(_ rules: [OutlierRuleSetting], to services: inout [CleanedService]) -> [String] {
        let screenings = services.withUnsafeBufferPointer { rows in
            Parallel.map(rules.count) { position in
                let rule = rules[position]
                let value = { (row: Int) -> Double? in
                    guard rows[row].isCurrent, let first = rows.baseAddress else { return nil }
                    return CleanedService.value(of: rule.metric, at: first + row)
                }
                return OutlierScreen.screen(count: rows.count, value: value, method: rule.method,
                                            threshold: rule.threshold, logScale: rule.logScale)
            }
        }
        var warnings: [String] = []
        for (rule, screening) in zip(rules, screenings) {
            if let reason = screening.skippedBecause, screening.screened > 0 {
                warnings.append("outlier screen of \(rule.metric.rawValue) (\(rule.method.rawValue)) flagged nothing: \(reason)")
            }
            for finding in screening.findings {
                guard let value = services[finding.index].value(of: rule.metric) else { continue }
                services[finding.index].flags.append(flag(rule, value: value, finding: finding))
            }
        }
        return warnings
    }

    static func flag(_ rule: OutlierRuleSetting, value: Double, finding: OutlierScreen.Finding) -> ServiceFlag {
        let limit = rule.logScale ? Elementary.exp(finding.limit) : finding.limit
        return ServiceFlag(rule: .outlier, metric: rule.metric.rawValue, value: value, threshold: limit,
                           detail: .outlier(score: finding.score ?? 0, ruleThreshold: rule.threshold,
                                            metric: rule.metric, method: rule.method, logScale: rule.logScale,
                                            isAbove: finding.isAbove))
    }

    /// The outlier flag's message: the value, the limit it crossed and the rule's test.
    static func message(metric: Metric, value: Double, limit: Double, score: Double, method: OutlierMethod,
                        threshold: Double, logScale: Bool, isAbove: Bool) -> String {
        let side = isAbove ? "above the upper" : "below the lower"
        let scale = logScale ? " on the log scale" : ""
        let test: String
        switch method {
        case .modifiedZScore:
            test = "modified z-score \(HumanNumbers.significant(score))\(scale), limit ±\(HumanNumbers.significant(threshold))"
        case .zScore:
            test = "z-score \(HumanNumbers.significant(score))\(scale), limit ±\(HumanNumbers.significant(threshold))"
        case .tukeyFences:
            test = "Tukey fence \(isAbove ? "Q3 +" : "Q1 −") \(HumanNumbers.significant(threshold))·IQR\(scale)"
        }
        let shown = { (number: Double) in metric.isMoney ? HumanNumbers.money(number) : HumanNumbers.significant(number) }
        return "\(metric.rawValue) \(shown(value)) is \(side) outlier limit \(shown(limit)) (\(test)); check it with the service"
    }
}
