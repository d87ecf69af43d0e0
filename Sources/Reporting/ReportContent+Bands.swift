import PipelineDefinition
import RunFiles
import Tabular
import VFMCore

extension ReportContent {
    /// Study Table 8: range and mean ± 1 SD of cost and outcome measures, evidence-based
    /// services against all services.
    var evidenceBasedBands: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Evidence-based services compared with all services "
            + "(study Table 8)")])]
        let bands = data.bands
        blocks.append(.paragraph([.text("Evidence-based services are those following the IPS model with good fidelity "
            + "or where the study observed good practice. The band is the mean ± 1 standard deviation, the range in "
            + "which most services fall; its lower end is shown as £0 or 0% when mean − SD is negative, as the study "
            + "printed it. Beside it, the robust band: the 15.9th to 84.1st percentiles (Φ(−1) and Φ(1)), where mean ± 1 SD "
            + "would fall for normally distributed figures; it follows skewed costs and never falls below the lowest "
            + "service's figure.")]))
        var table = ReportTable(caption: [.text("Bands of cost and outcome, evidence-based and all services (study Table 8)")],
                                [("Measure", .left), ("Services", .left), ("n", .right), ("Range", .right),
                                 ("Lower (mean − 1 SD)", .right), ("Mean", .right), ("Upper (mean + 1 SD)", .right),
                                 ("Robust band (15.9th–84.1st percentile)", .right)])
        for row in bands {
            let metric = row.metric.rawValue
            let figure = { (value: Double?) in HumanNumbers.figure(value, metric: metric) }
            let range = row.minimum == nil && row.maximum == nil
                ? HumanNumbers.missing : figure(row.minimum) + " to " + figure(row.maximum)
            let robust = row.robustBandLow == nil && row.robustBandHigh == nil
                ? HumanNumbers.missing : figure(row.robustBandLow) + " to " + figure(row.robustBandHigh)
            table.append([[.name(Labels.metric(metric))], Self.groupCell(row.group)]
                + [Self.nText(row.n), range, figure(row.bandLow), figure(row.mean),
                   figure(row.bandHigh), robust].map { [.text($0)] })
        }
        return blocks + [.table(table)]
    }
}
