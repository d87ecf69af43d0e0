import Cleaning
import PipelineDefinition
import StatisticsKernel

/// The data of the Poisson model (SPEC §14): which services enter it, their job outcomes,
/// offsets log(total cost) and the design's columns, one per term.
///
/// A service enters when it is a current return that enters statistics (SPEC §5:
/// `exclude_outliers` keeps an excluded outlier out of this figure as of every other),
/// its total cost is above 0 (the offset is its log), its job outcomes are known, and
/// every covariate is known: client focus not `unknown`, people supported above 0 for
/// its log, support-level data for the Support Level Index. The evidence base is always
/// known: a blank or unrecognised label is not evidence-based (SPEC §4).
struct ModelDesign {
    let terms: [String]
    private(set) var counts: [Double] = []
    private(set) var offsets: [Double] = []
    /// X by columns, `terms` order, the intercept first.
    private(set) var columns: [[Double]]

    init(_ services: [CleanedService], covariates: [ModelCovariate]) {
        terms = [ModelCovariate.interceptTerm] + covariates.flatMap(\.terms)
        columns = Array(repeating: [], count: terms.count)
        for service in services where service.isCurrent && !service.excludedFromStatistics {
            guard service.input.totalCost > 0, service.input.totalCost.isFinite,
                  let outcomes = service.derived.jobOutcomes,
                  let row = Self.row(service, covariates: covariates)
            else { continue }
            counts.append(outcomes)
            offsets.append(Elementary.log(service.input.totalCost))
            for (k, value) in row.enumerated() { columns[k].append(value) }
        }
    }

    var n: Int { counts.count }

    /// The service's design row (intercept first), or `nil` when a covariate is unknown.
    private static func row(_ service: CleanedService, covariates: [ModelCovariate]) -> [Double]? {
        var row: [Double] = [1]
        for covariate in covariates {
            switch covariate {
            case .evidenceBased:
                row.append(service.input.evidenceBase.isEvidenceBased ? 1 : 0)
            case .clientFocus:
                let focus = service.derived.clientFocus
                guard focus != .unknown else { return nil }
                row.append(focus == .mentalHealth ? 1 : 0)
                row.append(focus == .mixed ? 1 : 0)
            case .logPeopleSupported:
                guard service.input.peopleSupported > 0 else { return nil }
                row.append(Elementary.log(Double(service.input.peopleSupported)))
            case .supportLevelIndex:
                guard let index = service.derived.supportLevelIndex else { return nil }
                row.append(index)
            }
        }
        return row
    }
}
