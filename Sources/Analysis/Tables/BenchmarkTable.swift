import Cleaning
import PipelineDefinition

/// `tables/benchmark.csv` (SPEC §6 "Benchmark"): where each service sits against the
/// all-services and evidence-based ±1 SD bands of each band metric — for commissioners
/// who want to know whether their service is `below`, `within` or `above` the range.
///
/// Every accepted service is placed, including one excluded from statistics as an outlier
/// (its position is exactly what its commissioner needs); the bands themselves are computed
/// without excluded services. A missing value or an undefined band gives empty cells.
enum BenchmarkTable {
    static func rows(services: [CleanedService], metrics: [Metric], bands: [BandRow]) -> [BenchmarkRow] {
        var allBands: [Metric: Band] = [:], evidenceBands: [Metric: Band] = [:]
        for row in bands {
            let band = Band(low: row.bandLow, high: row.bandHigh)
            if row.group == "all" { allBands[row.metric] = band } else { evidenceBands[row.metric] = band }
        }
        var rows: [BenchmarkRow] = []
        rows.reserveCapacity(services.count * metrics.count)
        for service in services {
            for metric in metrics {
                let value = service.value(of: metric)
                rows.append(BenchmarkRow(authority: service.input.authority, service: service.input.service,
                                         period: service.input.period, metric: metric, value: value,
                                         allBand: allBands[metric]?.position(of: value),
                                         evidenceBand: evidenceBands[metric]?.position(of: value)))
            }
        }
        return rows
    }
}
