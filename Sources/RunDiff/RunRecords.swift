/// One row of `tables/correlations.csv` (SPEC §6): a pair of metrics in a group.
package struct CorrelationRecord: Sendable, Equatable {
    package var group: String
    package var x: String
    package var y: String
    package var n: Int?
    package var pearsonR: Double?
    package var spearmanRho: Double?
    package var ciLow: Double?
    package var ciHigh: Double?
    package var pValue: Double?
    package var strength: String?

    /// True when the 95% CI of r lies wholly above or below 0; `nil` without a CI.
    package var ciExcludesZero: Bool? {
        guard let ciLow, let ciHigh else { return nil }
        return ciLow > 0 || ciHigh < 0
    }
}

/// Authority, service and period: how the study and commissioners name a return.
package struct ServiceKey: Sendable, Hashable, Comparable {
    package var authority: String
    package var service: String
    package var period: String

    package static func < (lhs: ServiceKey, rhs: ServiceKey) -> Bool {
        if lhs.authority != rhs.authority { return lhs.authority.utf8.lexicographicallyPrecedes(rhs.authority.utf8) }
        if lhs.service != rhs.service { return lhs.service.utf8.lexicographicallyPrecedes(rhs.service.utf8) }
        return lhs.period.utf8.lexicographicallyPrecedes(rhs.period.utf8)
    }
}

/// One row of `clean/services.csv`: its cells in the order of the run's header (held
/// once per run, `RunSnapshot.serviceColumns`), not a dictionary per service.
package struct ServiceRecord: Sendable, Equatable {
    package var key: ServiceKey
    /// `file:line` it was read from.
    package var source: String
    package var cells: [String]

    /// The cell of `column` (its position in the header), `""` when absent.
    func cell(_ position: Int?) -> String {
        guard let position, position < cells.count else { return "" }
        return cells[position]
    }
}

/// One row of `clean/flags.csv`.
package struct FlagRecord: Sendable, Equatable {
    package var service: ServiceKey
    package var source: String
    package var rule: String
    package var metric: String
    package var value: Double?
    package var threshold: Double?
    package var severity: String
    package var message: String
}

/// One row of `clean/rejected.csv`: where, why, and the row's raw cells.
package struct RejectRecord: Sendable, Equatable {
    package var sourceFile: String
    package var line: String
    package var rule: String
    package var message: String
    package var rawCells: [String]
}

/// One row of `tables/benchmark.csv`: a service's position against the bands.
package struct BenchmarkRecord: Sendable, Equatable {
    package var service: ServiceKey
    package var metric: String
    package var value: Double?
    package var allBand: String
    package var evidenceBand: String
}

/// A row of `clean/services.csv` as the comparison needs it, whether held as text
/// (`ServiceRecord`) or streamed as bytes (`StreamedService`).
protocol ServiceRow: ServiceKeyed {
    /// `file:line` it was read from.
    var source: String { get }
    /// The cell at `position` as the service wrote it; `""` when absent.
    func text(_ position: Int?) -> String
    /// True when the cell at `position` and `other`'s at `otherPosition` are the same
    /// bytes (a fast path: false only means "compare the text").
    func sameBytes(_ position: Int?, as other: Self, _ otherPosition: Int?) -> Bool
    /// The whole row as text, for a service listed as added or removed.
    var record: ServiceRecord { get }
}

extension ServiceRecord: ServiceRow {
    var serviceKey: ServiceKey { key }
    func text(_ position: Int?) -> String { cell(position) }
    func sameBytes(_ position: Int?, as other: ServiceRecord, _ otherPosition: Int?) -> Bool {
        cell(position) == other.cell(otherPosition)
    }
    var record: ServiceRecord { self }
}

extension FlagRecord: ServiceKeyed {
    var serviceKey: ServiceKey { service }
}

extension BenchmarkRecord: ServiceKeyed {
    var serviceKey: ServiceKey { service }
}
