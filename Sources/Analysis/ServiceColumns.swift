import Cleaning
import PipelineDefinition
import StatisticsKernel

/// The services of a run as columns, for the analysis (issue 12): one `Double` column
/// with a validity bitmap per metric, filled once from the services, so that every table
/// reads contiguous numbers instead of asking each service for each metric again.
struct ServiceColumns {
    let services: [CleanedService]
    private var columns: [Metric: MetricColumn] = [:]

    /// One pass over the services (`measureColumns`): a service holds its inputs only
    /// (`CleanedService.derived`), and its measures are derived once for every metric.
    init(_ services: [CleanedService], metrics: Set<Metric>) {
        self.services = services
        let order = Array(metrics)
        var measured = services.measureColumns(order)
        for (position, metric) in order.enumerated() {
            columns[metric] = MetricColumn(nanForMissing: measured[position])
            measured[position] = []  // each column let go once copied: the analysis peaks here at 10⁶ services
        }
    }

    func column(_ metric: Metric) -> MetricColumn {
        columns[metric] ?? MetricColumn(services.values(of: metric))
    }
}

/// One metric over all services: `values[i]` is meaningful where `valid[i]`.
struct MetricColumn {
    var values: [Double]
    /// One bit per row (as Arrow's validity buffers): set when the row has a value.
    var valid: PackedBits

    /// `values` with NaN where a row has no value (stored as 0 there, as `init(_:)` stores).
    init(nanForMissing values: [Double]) {
        self.values = values.map { $0.isNaN ? 0 : $0 }
        valid = PackedBits(count: values.count)
        for row in values.indices where !values[row].isNaN { valid[row] = true }
    }

    init(_ optionals: [Double?]) {
        values = optionals.map { $0 ?? 0 }
        valid = PackedBits(count: optionals.count)
        for (row, value) in optionals.enumerated() where value != nil { valid[row] = true }
    }

    @inline(__always)
    subscript(_ row: Int) -> Double? { valid[row] ? values[row] : nil }
}
