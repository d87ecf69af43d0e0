import PipelineDefinition
import Returns
import RunFiles
import StatisticsKernel
import Tabular
import VFMCore

/// The period-to-period edits of a run (SPEC §11): for each pair of consecutive periods
/// and each edit variable, every matched service's Hidiroglou–Berthelot outcome, and the
/// ONS thousand-pounds check on `total_cost`. One computation feeds both the flags of
/// `clean/flags.csv` and `tables/period_edits.csv`, so the two cannot disagree.
public struct PeriodEdit: Sendable, Equatable {
    /// Rows of the services array: the earlier and the later return.
    public var fromRow: Int
    public var toRow: Int
    public var from: ReportingPeriod
    public var to: ReportingPeriod
    public var variable: Metric
    public var valueFrom: Double?
    public var valueTo: Double?
    public var edit: HidiroglouBerthelot.Edit
    /// A `total_cost` ratio between 650 and 1,350 or its inverse (£ against £ thousands).
    public var looksLikeThousands: Bool
}

/// The period panel and the edits of a run's returns (this run's and any earlier run's, in
/// that order), as the clean stage worked them out for its flags. The analysis's period
/// tables are over the same returns, so `vfm run` hands them on (`CleanResult`) rather
/// than working them out twice: 0.19 s of a two-period run of 2 × 10⁵ returns. They are
/// never written: a stage run by hand works them out again from the files.
public struct PeriodComparison: Sendable {
    public let panel: PeriodPanel
    public let edits: [PeriodEdit]
    /// How many returns they are of, checked before they are used.
    public let returnCount: Int
}

public enum PeriodEdits {
    /// ONS's thousand-pounds rule: a ratio of 650–1,350 (or 1/1,350–1/650), inclusive.
    public static let thousandsRange: ClosedRange<Double> = 650...1_350

    /// Whether a ratio of two years' pounds looks like £ one year and £ thousands the
    /// other: the one test of the rule, for the service returns' `total_cost` and the
    /// spending survey's budgets (SPEC §11, §12).
    package static func looksLikeThousands(_ ratio: Double?) -> Bool {
        ratio.map { thousandsRange.contains($0) || thousandsRange.contains(1 / $0) } == true
    }

    /// Every edit, by pair of periods, then matched service (stable order of the later
    /// row), then edit variable in the pipeline's order.
    public static func compute(_ services: [CleanedService], panel: PeriodPanel, settings: PeriodSettings) -> [PeriodEdit] {
        let parameters = HidiroglouBerthelot.Parameters(sizeExponent: settings.sizeExponent,
                                                         spreadFloor: settings.spreadFloor,
                                                         boundWidth: settings.boundWidth)
        var edits: [PeriodEdit] = []
        for pair in panel.pairs {
            let matched = panel.matched(pair: pair)
            let perVariable = settings.edits.map { variable in
                HidiroglouBerthelot.edits(matched.map { (from: services[$0.from].value(of: variable),
                                                         to: services[$0.to].value(of: variable)) },
                                          parameters: parameters)
            }
            for (position, rows) in matched.enumerated() {
                for (variableIndex, variable) in settings.edits.enumerated() {
                    let edit = perVariable[variableIndex][position]
                    let thousands = variable == .totalCost && looksLikeThousands(edit.ratio)
                    edits.append(PeriodEdit(fromRow: rows.from, toRow: rows.to, from: panel.periods[pair],
                                            to: panel.periods[pair + 1], variable: variable,
                                            valueFrom: services[rows.from].value(of: variable),
                                            valueTo: services[rows.to].value(of: variable), edit: edit,
                                            looksLikeThousands: thousands))
                }
            }
        }
        return edits
    }

    /// Raises `period-change` and `period-thousands` on the later row of each edit that
    /// calls for one (warnings: the service is kept). `earlier`: a previous run's returns
    /// of earlier periods, which are compared with but never flagged (their flags stay in
    /// that run). Returns a warning for each pair of periods and variable with too few
    /// services to screen (SPEC §11: fewer than 5 — said so, not silently passed).
    /// `comparison`: set to the panel and edits worked out, for the analysis.
    static func flag(_ services: inout [CleanedService], earlier: [CleanedService] = [],
                     settings: PeriodSettings, comparison: inout PeriodComparison?) -> [String] {
        let all = earlier.isEmpty ? services : services + earlier
        let panel = PeriodPanel(all)
        guard panel.periods.count > 1 else {
            comparison = PeriodComparison(panel: panel, edits: [], returnCount: all.count)
            return []
        }
        let edits = compute(all, panel: panel, settings: settings)
        comparison = PeriodComparison(panel: panel, edits: edits, returnCount: all.count)
        var warnings: [String] = []
        var counted: [String: (screenable: Int, from: String, to: String, variable: String)] = [:]
        var order: [String] = []
        for edit in edits {
            let key = edit.from.label + "\u{0}" + edit.to.label + "\u{0}" + edit.variable.rawValue
            if counted[key] == nil {
                order.append(key)
                counted[key] = (0, edit.from.label, edit.to.label, edit.variable.rawValue)
            }
            if edit.edit.effect != nil || (edit.edit.outcome == .notScreened && edit.edit.ratio != nil && edit.edit.ratio != 1) {
                counted[key]?.screenable += 1
            }
        }
        for key in order {
            guard let entry = counted[key], entry.screenable > 0, entry.screenable < HidiroglouBerthelot.Parameters().minimumScreened
            else { continue }
            warnings.append("period edits of \(entry.variable) between \(entry.from) and \(entry.to): only "
                + "\(entry.screenable) matched service\(entry.screenable == 1 ? "" : "s") changed, fewer than the 5 the "
                + "Hidiroglou–Berthelot bounds need; none is screened (see \(RunLayout.periodEdits))")
        }
        for edit in edits where edit.toRow < services.count {
            let name = edit.variable.rawValue
            if edit.edit.outcome == .above || edit.edit.outcome == .below, let ratio = edit.edit.ratio {
                services[edit.toRow].flags.append(ServiceFlag(
                    rule: .periodChange, metric: name, value: ratio, threshold: edit.edit.ratioBound,
                    detail: .text("\(name) went from \(number(edit.valueFrom)) in \(edit.from.label) to "
                        + "\(number(edit.valueTo)) in \(edit.to.label) (ratio \(number(ratio))), "
                        + (edit.edit.outcome == .above ? "above" : "below") + " what services of its size changed by "
                        + "(Hidiroglou–Berthelot bound \(number(edit.edit.ratioBound))): check both years' returns")))
            }
            if edit.looksLikeThousands, let ratio = edit.edit.ratio {
                services[edit.toRow].flags.append(ServiceFlag(
                    rule: .periodThousands, metric: name, value: ratio, threshold: 1000,
                    detail: .text("total_cost went from \(number(edit.valueFrom)) in \(edit.from.label) to "
                        + "\(number(edit.valueTo)) in \(edit.to.label): looks like £ one year and £ thousands the "
                        + "other — give both years in pounds")))
            }
        }
        return warnings
    }

    private static func number(_ value: Double?) -> String {
        value.map(HumanNumbers.significant) ?? "nothing"
    }
}
