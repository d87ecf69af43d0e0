import PipelineDefinition
import Returns
import VFMCore

extension CleanedService {
    /// This service's value of `metric` (inputs or derived measures); `nil` when missing.
    /// A derived measure is worked out alone, by the formula `DerivedMeasures` uses.
    @inlinable
    public func value(of metric: Metric) -> Double? {
        DerivedMeasures.value(of: metric, counts: input.counts, people: input.peopleSupported, totalCost: input.totalCost)
    }

    /// `value(of:)` of the service at `service`, read where it lies: the analysis, the
    /// screens and the charts ask a million services for one measure at a time, and a
    /// service taken out of its array is a copy of it — a retain and a release for each of
    /// its strings and arrays.
    @inlinable
    public static func value(of metric: Metric, at service: UnsafePointer<CleanedService>) -> Double? {
        DerivedMeasures.value(of: metric, counts: service.pointee.input.counts, people: service.pointee.input.peopleSupported,
                              totalCost: service.pointee.input.totalCost)
    }

    /// The service's client focus (SPEC §5's >50% rule), from its two shares alone.
    @inlinable
    public var clientFocus: ClientFocus {
        withUnsafePointer(to: self) { Self.clientFocus(at: $0) }
    }

    /// `clientFocus` of the service at `service`, read where it lies.
    @inlinable
    public static func clientFocus(at service: UnsafePointer<CleanedService>) -> ClientFocus {
        ClientFocus(ldShare: value(of: .ldShare, at: service), mhShare: value(of: .mhShare, at: service))
    }
}

extension Array where Element == CleanedService {
    /// `value(of: metric)` of every service, in order, each read where it lies.
    public func values(of metric: Metric) -> [Double?] {
        withUnsafeBufferPointer { services in
            guard let first = services.baseAddress else { return [] }
            return (0..<services.count).map { CleanedService.value(of: metric, at: first + $0) }
        }
    }

    /// `clientFocus` of every service, in order, each read where it lies: in two halves on
    /// two cores from 65,536 services, as `measureColumns` (the analysis and the report
    /// each ask for a million at a point where nothing else runs).
    public func clientFocuses() -> [ClientFocus] {
        withUnsafeBufferPointer { services in
            guard let first = services.baseAddress else { return [] }
            return Parallel.mapInHalves(services.count) { rows in rows.map { CleanedService.clientFocus(at: first + $0) } }
                .flatMap { $0 }
        }
    }

    /// `self[row].value(of: metric)`, read where the service lies.
    public func value(of metric: Metric, at row: Int) -> Double? {
        precondition(indices.contains(row), "a service's position is within its array")
        return withUnsafeBufferPointer { services in
            services.baseAddress.flatMap { CleanedService.value(of: metric, at: $0 + row) }
        }
    }

    /// `self[row].clientFocus`, read where the service lies.
    public func clientFocus(at row: Int) -> ClientFocus {
        precondition(indices.contains(row), "a service's position is within its array")
        return withUnsafeBufferPointer { services in
            services.baseAddress.map { CleanedService.clientFocus(at: $0 + row) } ?? .unknown
        }
    }
}

extension Array where Element == CleanedService {
    /// Each of `metrics` over every service, in one pass: column k holds `metrics[k]` of
    /// every service, NaN where missing (no measure is ever NaN, `DerivedMeasures`). Each
    /// service's measures are derived once and read where it lies — for the analysis and
    /// the charts, which want many measures of a million services.
    ///
    /// The rows are measured in two halves on two cores when there are many: at the start
    /// of the analysis nothing else is ready to run, and one core took 0.4 s at 10⁶
    /// services (issue 30). Each half writes its own rows of the columns, straight into
    /// their storage.
    public func measureColumns(_ metrics: [Metric]) -> [[Double]] {
        withUnsafeBufferPointer { services in
            Self.filledColumns(metrics.count, rows: services.count) { columns in
                guard let first = services.baseAddress else { return }
                _ = Parallel.mapInHalves(services.count) { rows in
                    for row in rows {
                        let input = UnsafePointer(first + row)
                        let people = input.pointee.input.peopleSupported, totalCost = input.pointee.input.totalCost
                        let measures = DerivedMeasures(counts: input.pointee.input.counts, people: people, totalCost: totalCost)
                        for (position, metric) in metrics.enumerated() {
                            if let value = measures.value(of: metric, totalCost: totalCost, people: people) {
                                columns[position][row] = value
                            }
                        }
                    }
                }
            }
        }
    }

    /// `count` columns of `rows` NaNs, filled by `fill` through their own storage, each
    /// column's opened in turn (`fill` sees them all at once; they are valid only inside it).
    private static func filledColumns(_ count: Int, rows: Int,
                                      opened: [UnsafeMutableBufferPointer<Double>] = [],
                                      _ fill: ([UnsafeMutableBufferPointer<Double>]) -> Void) -> [[Double]] {
        guard opened.count < count else {
            fill(opened)
            return []
        }
        var rest: [[Double]] = []
        let column = [Double](unsafeUninitializedCapacity: rows) { buffer, initialised in
            buffer.initialize(repeating: .nan)
            initialised = rows
            rest = filledColumns(count, rows: rows, opened: opened + [buffer], fill)
        }
        return [column] + rest
    }
}
