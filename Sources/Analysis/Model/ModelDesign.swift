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
    /// X column-major in one buffer, `terms` order, the intercept first: the value of term k
    /// for the i-th service in the model at `design[k * n + i]`.
    private(set) var design: [Double] = []

    init(_ services: [CleanedService], covariates: [ModelCovariate]) {
        terms = [ModelCovariate.interceptTerm] + covariates.flatMap(\.terms)
        // Room for every service at once: grown by doubling, the three arrays would peak at
        // twice their size while the analysis tables hold theirs (issue 30, 10⁶ rows).
        var entering: [Int] = []
        entering.reserveCapacity(services.count)
        counts.reserveCapacity(services.count)
        offsets.reserveCapacity(services.count)
        // By position, each service read where it lies (`value(of:at:)`): one taken out of
        // the array is a copy of it, a retain and a release per string, per covariate.
        for index in services.indices where services[index].isCurrent && !services[index].excludedFromStatistics {
            let totalCost = services[index].input.totalCost
            guard totalCost > 0, totalCost.isFinite, let outcomes = services.value(of: .jobOutcomes, at: index),
                  covariates.allSatisfy({ Self.isKnown($0, of: services, at: index) })
            else { continue }
            entering.append(index)
            counts.append(outcomes)
            offsets.append(Elementary.log(totalCost))
        }
        let n = entering.count
        design = [Double](repeating: 1, count: n * terms.count)  // the intercept's column stays 1
        var column = 1
        for covariate in covariates {
            for (i, index) in entering.enumerated() {
                switch covariate {
                case .evidenceBased:
                    design[column * n + i] = services[index].input.evidenceBase.isEvidenceBased ? 1 : 0
                case .clientFocus:
                    let focus = services.clientFocus(at: index)
                    design[column * n + i] = focus == .mentalHealth ? 1 : 0
                    design[(column + 1) * n + i] = focus == .mixed ? 1 : 0
                case .logPeopleSupported:
                    design[column * n + i] = Elementary.log(Double(services[index].input.peopleSupported))
                case .supportLevelIndex:
                    design[column * n + i] = services.value(of: .supportLevelIndex, at: index) ?? 0
                }
            }
            column += covariate.terms.count
        }
    }

    var n: Int { counts.count }

    /// Whether the service has the covariate (client focus not `unknown`, people supported
    /// above 0 for its log, support-level data for the index); the evidence base always is.
    private static func isKnown(_ covariate: ModelCovariate, of services: [CleanedService], at index: Int) -> Bool {
        switch covariate {
        case .evidenceBased: return true
        case .clientFocus: return services.clientFocus(at: index) != .unknown
        case .logPeopleSupported: return services[index].input.peopleSupported > 0
        case .supportLevelIndex: return services.value(of: .supportLevelIndex, at: index) != nil
        }
    }
}
