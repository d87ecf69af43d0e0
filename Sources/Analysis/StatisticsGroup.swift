import StatisticsKernel
import Cleaning
import PipelineDefinition

/// A group's members among the services that enter statistics (SPEC §5: a service
/// excluded as an outlier by `exclude_outliers` enters none), as row numbers into the
/// run's `ServiceColumns`, computed once. Each metric's values are sorted once per group
/// (`sorted(_:)`) and that order is reused for the median, the descriptives and every
/// correlation pair's Spearman ranks.
struct StatisticsGroup {
    var name: String
    let store: ServiceColumns
    /// Rows of `store`, ascending (service order).
    let members: [Int]
    private let cache = SortCache()

    init(name: String, selection: GroupSelection, store: ServiceColumns) {
        self.init(name: name, selection: selection, store: store,
                  membership: GroupMembership(services: store.services, selections: [selection]))
    }

    /// With the membership of all the pipeline's groups worked out once (`GroupMembership`).
    init(name: String, selection: GroupSelection, store: ServiceColumns, membership: GroupMembership) {
        self.name = name
        self.store = store
        members = membership.rows(of: selection).filter { !store.services[$0].excludedFromStatistics }
    }

    var isEmpty: Bool { members.isEmpty }

    /// The member services, in service order.
    var services: LazyMapSequence<[Int], CleanedService> { members.lazy.map { store.services[$0] } }

    /// Every member's value of `metric`, `nil` where undefined (for pairwise-complete work).
    func column(of metric: Metric) -> [Double?] {
        let column = store.column(metric)
        return members.map { column[$0] }
    }

    /// The members' values of `metric` sorted once: the finite ones ascending with their
    /// positions in `members`, and whether any value was not finite.
    func sorted(_ metric: Metric) -> SortedMetric {
        if let known = cache.sorted[metric] { return known }
        let column = store.column(metric)
        var positions: [Int] = []
        var values: [Double] = []
        var nonFinite = false
        for (position, row) in members.enumerated() {
            guard let value = column[row] else { continue }
            if value.isFinite { positions.append(position); values.append(value) } else { nonFinite = true }
        }
        let order = SortOrder.ascending(values)
        let result = SortedMetric(values: order.map { values[$0] }, positions: order.map { positions[$0] },
                                  hasNonFinite: nonFinite)
        cache.sorted[metric] = result
        return result
    }
}

/// One metric of one group, sorted.
struct SortedMetric {
    /// The finite values, ascending.
    var values: [Double]
    /// `positions[i]` is the member position (index into the group's column) of `values[i]`.
    var positions: [Int]
    /// A NaN or infinity among the values: no descriptive statistic is defined.
    var hasNonFinite: Bool
}

/// The sorts a group has done; a class so that a group value shares them.
private final class SortCache {
    var sorted: [Metric: SortedMetric] = [:]
}

extension StatisticsGroup {
    /// n, mean, SD, min, median, max of `metric` over the members that have it, from the
    /// group's one sort (as `Descriptive.summarize` would give; `nil` when none, or when a
    /// value is not finite).
    func summary(of metric: Metric) -> SampleSummary? {
        let sorted = sorted(metric)
        return sorted.hasNonFinite ? nil : Descriptive.summarize(sorted: sorted.values)
    }
}

extension StatisticsGroup {
    /// The robust band of `metric` (SPEC §6) from the group's one sort; undefined when a
    /// value is not finite, as `RobustBand(values)` is.
    func robustBand(of metric: Metric) -> RobustBand {
        let sorted = sorted(metric)
        return sorted.hasNonFinite ? RobustBand(sorted: []) : RobustBand(sorted: sorted.values)
    }
}

extension StatisticsGroup {
    /// A pair's correlation and trend line over the members, its ranks read from the
    /// group's sorts.
    func pairStatistics(_ pair: CorrelationPair) -> PairStatistics {
        PairStatistics(x: column(of: pair.x), y: column(of: pair.y),
                       xOrder: sorted(pair.x).positions, yOrder: sorted(pair.y).positions)
    }
}
