import Cleaning
import StatisticsKernel
import PipelineDefinition

/// `tables/descriptives.csv`: n, mean, sample SD, min, median, max and the ±1 SD band of
/// every metric in every group, and the robust band beside it (SPEC §6; study Table 4 and
/// Section 5 text).
enum DescriptivesTable {
    static func rows(groups: [GroupFigures], metrics: [Metric]) -> [DescriptiveRow] {
        var rows: [DescriptiveRow] = []
        for group in groups {
            for metric in metrics {
                let summary = group.summary(of: metric)
                let band = Band(summary: summary, metric: metric)
                let robust = group.robustBand(of: metric)
                rows.append(DescriptiveRow(group: group.name, metric: metric, n: summary?.n ?? 0,
                                           mean: summary?.mean, sd: summary?.standardDeviation,
                                           minimum: summary?.minimum, median: summary?.median,
                                           maximum: summary?.maximum, bandLow: band.low, bandHigh: band.high,
                                           robustBandLow: robust.low, robustBandHigh: robust.high))
            }
        }
        return rows
    }
}
