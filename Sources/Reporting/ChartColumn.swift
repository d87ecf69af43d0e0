import VFMCore

/// One measure over every service, as the charts read it: 8 bytes a service instead of a
/// `Double?`'s 16 (`MissingAsNaN`), since the report keeps each column a chart uses for the
/// whole chart plan — a dozen columns of a million services (issue 12). A chart column
/// never holds NaN itself: `ChartSource` gives `nil` for
/// anything not finite.
struct ChartColumn {
    private let values: [MissingAsNaN]

    init(_ values: some Sequence<Double?>) {
        self.values = values.map { MissingAsNaN(wrappedValue: $0) }
    }

    subscript(_ row: Int) -> Double? { values[row].wrappedValue }

    /// `LogAxis.log10` of every positive value by row (NaN where missing or ≤ 0), for the
    /// scatters that put this measure on a log axis to share; `nil` when its positive values
    /// span no more than `ChartAxis.logSpan`, since then no group's do and no axis is log.
    func logarithms() -> [Double]? {
        var smallest = Double.infinity, largest = 0.0
        for value in values {
            guard let value = value.wrappedValue, value > 0 else { continue }
            smallest = min(smallest, value)
            largest = max(largest, value)
        }
        guard smallest.isFinite, largest > smallest * ChartAxis.logSpan else { return nil }
        // The positive values' logarithms in bulk (`LogAxis.log10`'s, the same bits).
        var positive: [Double] = []
        for value in values { if let value = value.wrappedValue, value > 0 { positive.append(value) } }
        let logarithms = LogAxis.log10(positive)
        var next = 0
        return values.map { value in
            guard let value = value.wrappedValue, value > 0 else { return .nan }
            defer { next += 1 }
            return logarithms[next]
        }
    }
}
