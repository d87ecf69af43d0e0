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
        for (index, service) in services.enumerated() where service.isCurrent && !service.excludedFromStatistics {
            guard service.input.totalCost > 0, service.input.totalCost.isFinite,
                  let outcomes = service.value(of: .jobOutcomes),
                  covariates.allSatisfy({ Self.isKnown($0, in: service) })
            else { continue }
            entering.append(index)
            counts.append(outcomes)
            offsets.append(Elementary.log(service.input.totalCost))
        }
        let n = entering.count
        design = [Double](repeating: 1, count: n * terms.count)  // the intercept's column stays 1
        var column = 1
        for covariate in covariates {
            for (i, index) in entering.enumerated() {
                let service = services[index]
                switch covariate {
                case .evidenceBased:
                    design[column * n + i] = service.input.evidenceBase.isEvidenceBased ? 1 : 0
                case .clientFocus:
                    let focus = service.clientFocus
                    design[column * n + i] = focus == .mentalHealth ? 1 : 0
                    design[(column + 1) * n + i] = focus == .mixed ? 1 : 0
                case .logPeopleSupported:
                    design[column * n + i] = Elementary.log(Double(service.input.peopleSupported))
                case .supportLevelIndex:
                    design[column * n + i] = service.value(of: .supportLevelIndex) ?? 0
                }
            }
            column += covariate.terms.count
        }
    }

    var n: Int { counts.count }

    /// Whether the service has the covariate (client focus not `unknown`, people supported
    /// above 0 for its log, support-level data for the index); the evidence base always is.
    private static func isKnown(_ covariate: ModelCovariate, in service: CleanedService) -> Bool {
        switch covariate {
        case .evidenceBased: return true
        case .clientFocus: return service.clientFocus != .unknown
        case .logPeopleSupported: return service.input.peopleSupported > 0
        case .supportLevelIndex: return service.value(of: .supportLevelIndex) != nil
        }
    }
}
