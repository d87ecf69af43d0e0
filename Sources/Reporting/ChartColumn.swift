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
}
