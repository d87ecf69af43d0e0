import Cleaning
import PipelineDefinition

/// A group's members among the services that enter statistics (SPEC §5: a service
/// excluded as an outlier by `exclude_outliers` enters none).
struct StatisticsGroup: Sendable {
    var name: String
    var services: [CleanedService]

    init(name: String, selection: GroupSelection, from services: [CleanedService]) {
        self.name = name
        self.services = services.filter { !$0.excludedFromStatistics && selection.includes($0) }
    }

    /// The defined values of `metric`, in service order.
    func values(of metric: Metric) -> [Double] {
        services.compactMap { $0.value(of: metric) }
    }

    /// Every member's value of `metric`, `nil` where undefined (for pairwise-complete work).
    func column(of metric: Metric) -> [Double?] {
        services.map { $0.value(of: metric) }
    }
}
