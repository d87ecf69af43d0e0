import Returns

/// The run's dated rows as a panel (SPEC §11 "Matching a service across periods"): its
/// periods in order, and per period each service's row. A service is *matched* between two
/// consecutive periods when it has a row in both.
///
/// Where a service has two rows in one period (duplicates kept under `keep-all`), its
/// first in stable order (authority, service, period, source file, line) stands for it:
/// the duplicate flag already asks for one of them to go.
public struct PeriodPanel: Sendable {
    /// The distinct periods placed in time, in order (a calendar year just before the
    /// financial year that starts in it).
    public let periods: [ReportingPeriod]
    /// Per period (aligned with `periods`), the rows of that period, ascending.
    public let rows: [[Int]]
    private let rowOfService: [[ServiceKey: Int]]
    private let keys: [ServiceKey]

    /// The panel of `services`, which must be in stable order. Undated rows are in no period.
    public init(_ services: [CleanedService]) {
        var byPeriod: [ReportingPeriod: [Int]] = [:]
        var keys: [ServiceKey] = []
        keys.reserveCapacity(services.count)
        for index in services.indices {
            keys.append(ServiceKey(services[index].input))
            guard let label = services[index].input.period, let period = ReportingPeriod(canonical: label) else { continue }
            byPeriod[period, default: []].append(index)
        }
        periods = byPeriod.keys.sorted()
        rows = periods.map { byPeriod[$0] ?? [] }
        rowOfService = rows.map { members in
            var first: [ServiceKey: Int] = [:]
            for index in members where first[keys[index]] == nil { first[keys[index]] = index }
            return first
        }
        self.keys = keys
    }

    /// The matched services of periods `pair` and `pair + 1`, as (row in `from`, row in
    /// `to`), in the stable order of their `to` rows.
    public func matched(pair: Int) -> [(from: Int, to: Int)] {
        let earlier = rowOfService[pair], later = rowOfService[pair + 1]
        return later.compactMap { key, to in earlier[key].map { (from: $0, to: to) } }.sorted { $0.to < $1.to }
    }

    /// Consecutive pairs of periods, as indices `pair` for `matched(pair:)`.
    public var pairs: Range<Int> { 0..<max(0, periods.count - 1) }
}
