import StatisticsKernel
import Cleaning
import PipelineDefinition

/// A group's members among the services that enter statistics (SPEC §5: a service
/// excluded as an outlier by `exclude_outliers` enters none), as row numbers into the
/// run's `ServiceColumns`, computed once. Each metric's values are sorted once per group
/// (`sorted(_:)`, by `GroupFigures`) and that order is reused for the median, the
/// descriptives and every correlation pair's Spearman ranks.
struct StatisticsGroup {
    var name: String
    let store: ServiceColumns
    /// Rows of `store`, ascending (service order).
    let members: [Int]

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

    /// Every member's value of `metric`, NaN where undefined (for pairwise-complete work;
    /// 8 bytes a member, as `MissingAsNaN` — no value of the run's columns is NaN).
    func column(of metric: Metric) -> [Double] {
        let column = store.column(metric)
        return members.map { column[$0] ?? .nan }
    }

    /// The members' values of `metric` sorted: the finite ones ascending with their
    /// positions in `members`, and whether any value was not finite.
    func sorted(_ metric: Metric) -> SortedMetric {
        let column = store.column(metric)
        var positions: [UInt32] = []
        var values: [Double] = []
        positions.reserveCapacity(members.count)
        values.reserveCapacity(members.count)
        var nonFinite = false
        for (position, row) in members.enumerated() {
            guard let value = column[row] else { continue }
            if value.isFinite {
                positions.append(UInt32(truncatingIfNeeded: position))
                values.append(value)
            } else {
                nonFinite = true
            }
        }
        let sorted = SortOrder.sorted(consume values, positions: consume positions)
        return SortedMetric(values: sorted.values, positions: sorted.positions, hasNonFinite: nonFinite)
    }
}

/// One metric of one group, sorted.
struct SortedMetric {
    /// The finite values, ascending.
    var values: [Double]
    /// `positions[i]` is the member position (index into the group's column) of `values[i]`.
    var positions: [UInt32]
    /// A NaN or infinity among the values: no descriptive statistic is defined.
    var hasNonFinite: Bool
}
