import Cleaning
import StatisticsKernel
import PipelineDefinition

/// `tables/bands.csv` (study Table 8, SPEC §6 "Bands comparison"): range, mean − SD, mean
/// and mean + SD of each band metric for evidence-based services and for all services, and
/// the robust band (SPEC §6) beside the study's.
/// The two groups are the built-in selections, whether or not the pipeline lists them.
enum BandsTable {
    /// The groups Table 8 compares, in its order: evidence-based sites, then all sites.
    static func comparedGroups(_ services: [CleanedService]) -> (evidenceBased: StatisticsGroup, all: StatisticsGroup) {
        (StatisticsGroup(name: "evidence_based", selection: .evidenceBased, from: services),
         StatisticsGroup(name: "all", selection: .all, from: services))
    }

    static func rows(evidenceBased: StatisticsGroup, all: StatisticsGroup, metrics: [Metric]) -> [BandRow] {
        var rows: [BandRow] = []
        for metric in metrics {
            for group in [evidenceBased, all] {
                let values = group.values(of: metric)
                let summary = Descriptive.summarize(values)
                let band = Band(summary: summary, metric: metric)
                let robust = RobustBand(values)
                rows.append(BandRow(metric: metric, group: group.name, n: summary?.n ?? 0, minimum: summary?.minimum,
                                    maximum: summary?.maximum, bandLow: band.low, mean: summary?.mean,
                                    bandHigh: band.high, robustBandLow: robust.low, robustBandHigh: robust.high))
            }
        }
        return rows
    }
}
