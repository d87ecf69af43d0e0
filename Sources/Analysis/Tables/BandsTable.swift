import Cleaning
import StatisticsKernel
import PipelineDefinition

/// `tables/bands.csv` (study Table 8, SPEC §6 "Bands comparison"): range, mean − SD, mean
/// and mean + SD of each band metric for evidence-based services and for all services, and
/// the robust band (SPEC §6) beside the study's.
/// The two groups are the built-in selections, whether or not the pipeline lists them.
enum BandsTable {
    /// The groups Table 8 compares, in its order: evidence-based sites, then all sites.
    /// A pipeline group with the same selection is reused (with the figures it has).
    static func comparedGroups(_ store: ServiceColumns, metrics: [Metric],
                               reusing groups: [(GroupSelection, GroupFigures)])
        -> (evidenceBased: GroupFigures, all: GroupFigures) {
        func group(_ name: String, _ selection: GroupSelection) -> GroupFigures {
            if let known = groups.first(where: { $0.0 == selection })?.1 { return known.renamed(name) }
            return GroupFigures(StatisticsGroup(name: name, selection: selection, store: store), metrics: metrics,
                                pairs: [])
        }
        return (group("evidence_based", .evidenceBased), group("all", .all))
    }

    static func rows(evidenceBased: GroupFigures, all: GroupFigures, metrics: [Metric]) -> [BandRow] {
        var rows: [BandRow] = []
        for metric in metrics {
            for group in [evidenceBased, all] {
                let summary = group.summary(of: metric)
                let band = Band(summary: summary, metric: metric)
                let robust = group.robustBand(of: metric)
                rows.append(BandRow(metric: metric, group: group.name, n: summary?.n ?? 0, minimum: summary?.minimum,
                                    maximum: summary?.maximum, bandLow: band.low, mean: summary?.mean,
                                    bandHigh: band.high, robustBandLow: robust.low, robustBandHigh: robust.high))
            }
        }
        return rows
    }
}
