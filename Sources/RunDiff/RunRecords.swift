import VFMCore
/// One row of `tables/correlations.csv` (SPEC §6): a pair of metrics in a group.
public struct CorrelationRecord: Sendable, Equatable {
    public var group: String
    public var x: String
    public var y: String
    public var n: Int?
    public var pearsonR: Double?
    public var spearmanRho: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var pValue: Double?
    public var strength: String?

    /// True when the 95% CI of r lies wholly above or below 0; `nil` without a CI.
    public var ciExcludesZero: Bool? {
        guard let ciLow, let ciHigh else { return nil }
        return ciLow > 0 || ciHigh < 0
    }
}

/// Authority, service and period: how the study and commissioners name a return.
public struct ServiceKey: Sendable, Hashable, Comparable {
    public var authority: String
    public var service: String
    public var period: String

    public static func < (lhs: ServiceKey, rhs: ServiceKey) -> Bool {
        if let order = ByteOrder.compare(lhs.authority, rhs.authority) { return order }
        if let order = ByteOrder.compare(lhs.service, rhs.service) { return order }
        return ByteOrder.precedes(lhs.period, rhs.period)
    }
}

/// One row of `clean/services.csv`: its cells in the order of the run's header (held
/// once per run, `RunSnapshot.serviceColumns`), not a dictionary per service.
public struct ServiceRecord: Sendable, Equatable {
    public var key: ServiceKey
    /// `file:line` it was read from.
    public var source: String
    public var cells: [String]

    /// The cell of `column` (its position in the header), `""` when absent.
    func cell(_ position: Int?) -> String {
        guard let position, position < cells.count else { return "" }
        return cells[position]
    }
}

/// One row of `clean/flags.csv`.
public struct FlagRecord: Sendable, Equatable {
    public var service: ServiceKey
    public var source: String
    public var rule: String
    public var metric: String
    public var value: Double?
    public var threshold: Double?
    public var severity: String
    public var message: String
}

/// One row of `clean/rejected.csv`: where, why, and the row's raw cells.
public struct RejectRecord: Sendable, Equatable {
    public var sourceFile: String
    public var line: String
    public var rule: String
    public var message: String
    public var rawCells: [String]
}

/// One row of `tables/benchmark.csv`: a service's position against the bands.
public struct BenchmarkRecord: Sendable, Equatable {
    public var service: ServiceKey
    public var metric: String
    public var value: Double?
    public var allBand: String
    public var evidenceBand: String
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
