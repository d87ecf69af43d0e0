import Cleaning
import PipelineDefinition

/// The services of a run as columns, for the analysis (issue 12): one `Double` column
/// with a validity bitmap per metric, filled once from the services, so that every table
/// reads contiguous numbers instead of asking each service for each metric again.
struct ServiceColumns {
    let services: [CleanedService]
    private var columns: [Metric: MetricColumn] = [:]

    init(_ services: [CleanedService], metrics: Set<Metric>) {
        self.services = services
        for metric in metrics { columns[metric] = MetricColumn(services.map { $0.value(of: metric) }) }
    }

    func column(_ metric: Metric) -> MetricColumn {
        columns[metric] ?? MetricColumn(services.map { $0.value(of: metric) })
    }
}

/// One metric over all services: `values[i]` is meaningful where `valid[i]`.
struct MetricColumn {
    var values: [Double]
    var valid: ValidityBitmap

    init(_ optionals: [Double?]) {
        values = optionals.map { $0 ?? 0 }
        valid = ValidityBitmap(optionals.map { $0 != nil })
    }

    @inline(__always)
    subscript(_ row: Int) -> Double? { valid[row] ? values[row] : nil }
}

/// One bit per row (as Arrow's validity buffers): set when the row has a value.
struct ValidityBitmap {
    private var words: [UInt64]

    init(_ flags: [Bool]) {
        words = [UInt64](repeating: 0, count: (flags.count + 63) / 64)
        for (row, flag) in flags.enumerated() where flag { words[row >> 6] |= 1 << UInt64(row & 63) }
    }

    @inline(__always)
    subscript(_ row: Int) -> Bool { words[row >> 6] & (1 << UInt64(row & 63)) != 0 }
}
