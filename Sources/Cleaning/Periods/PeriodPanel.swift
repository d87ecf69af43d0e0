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
        let placed = ReportingPeriod.canonicalPeriods(of: services)
        for (index, period) in placed.enumerated() {
            guard let period else { continue }
            byPeriod[period, default: []].append(index)
        }
        periods = byPeriod.keys.sorted()
        rows = periods.map { byPeriod[$0] ?? [] }
        // With fewer than two periods nothing is matched: no service keys are needed (at
        // 10⁶ services making and hashing them cost seconds and hundreds of MB).
        guard periods.count >= 2 else {
            rowOfService = []
            keys = []
            return
        }
        let keys = services.map { ServiceKey($0.input) }
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

extension ReportingPeriod {
    /// Each service's period placed in time (`init(canonical:)`), read once per distinct
    /// label: a run has a handful of periods and up to millions of rows.
    ///
    /// By index, not `map`: mapping copied each whole `CleanedService` out of the array
    /// (a retain per string it holds), and with the label of the row before remembered, a
    /// run of one period hashes no label (together 6% of a 10⁶-row `vfm run`, issue 30).
    static func canonicalPeriods(of services: [CleanedService]) -> [ReportingPeriod?] {
        var known: [String: ReportingPeriod?] = [:]
        var last: (label: String, period: ReportingPeriod?)?
        var periods: [ReportingPeriod?] = []
        periods.reserveCapacity(services.count)
        for index in services.indices {
            guard let label = services[index].input.period else {
                periods.append(nil)
                continue
            }
            if let last, last.label == label {
                periods.append(last.period)
                continue
            }
            let period: ReportingPeriod?
            if let seen = known[label] {
                period = seen
            } else {
                period = ReportingPeriod(canonical: label)
                known[label] = period
            }
            last = (label, period)
            periods.append(period)
        }
        return periods
    }
}
