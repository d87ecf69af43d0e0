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
        // the array is a copy of it, a retain and a release per string, per covariate. The
        // derived covariates of each entering service are worked out once, for both the
        // check that it has them and its row of the design.
        let needsFocus = covariates.contains(.clientFocus), needsIndex = covariates.contains(.supportLevelIndex),
            needsPeople = covariates.contains(.logPeopleSupported)
        var focuses: [ClientFocus] = [], supportIndexes: [Double] = []
        for index in services.indices where services[index].isCurrent && !services[index].excludedFromStatistics {
            let totalCost = services[index].input.totalCost
            guard totalCost > 0, totalCost.isFinite, let outcomes = services.value(of: .jobOutcomes, at: index)
            else { continue }
            let focus = needsFocus ? services.clientFocus(at: index) : .unknown
            let supportIndex = needsIndex ? services.value(of: .supportLevelIndex, at: index) : nil
            guard !needsFocus || focus != .unknown, !needsIndex || supportIndex != nil,
                  !needsPeople || services[index].input.peopleSupported > 0
            else { continue }
            entering.append(index)
            counts.append(outcomes)
            offsets.append(totalCost)  // its log below, in bulk (`Elementary.logs`)
            if needsFocus { focuses.append(focus) }
            if needsIndex { supportIndexes.append(supportIndex ?? 0) }
        }
        offsets = Elementary.logs(offsets)
        let n = entering.count
        design = [Double](repeating: 1, count: n * terms.count)  // the intercept's column stays 1
        var column = 1
        var logarithms = RepeatedArguments<Double>()  // people supported: whole numbers that repeat
        for covariate in covariates {
            for (i, index) in entering.enumerated() {
                switch covariate {
                case .evidenceBased:
                    design[column * n + i] = services[index].input.evidenceBase.isEvidenceBased ? 1 : 0
                case .clientFocus:
                    design[column * n + i] = focuses[i] == .mentalHealth ? 1 : 0
                    design[(column + 1) * n + i] = focuses[i] == .mixed ? 1 : 0
                case .logPeopleSupported:
                    design[column * n + i] = logarithms.value(at: Double(services[index].input.peopleSupported),
                                                              of: Elementary.log)
                case .supportLevelIndex:
                    design[column * n + i] = supportIndexes[i]
                }
            }
            column += covariate.terms.count
        }
    }

    var n: Int { counts.count }
}
