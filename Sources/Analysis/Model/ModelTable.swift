import Cleaning
import PipelineDefinition
import StatisticsKernel
import VFMCore

/// What explains value for money (SPEC §14): the Poisson model of job outcomes with
/// offset log(total cost) over the current returns, as `tables/model.csv` and
/// `tables/model_fit.csv` rows.
enum ModelTable {
    /// The two tables; both empty when the pipeline has no `[model]`. When the model
    /// cannot be fitted the coefficients are empty, the fit row keeps n and parameters,
    /// and the log says why (the report says so too).
    static func rows(_ services: [CleanedService], settings: ModelSettings?,
                     log: StageLog) -> (model: [ModelRow], fit: [ModelFitRow]) {
        guard let settings else { return ([], []) }
        let design = ModelDesign(services, covariates: settings.covariates)
        let parameters = design.terms.count
        switch PoissonRegression.fit(counts: design.counts, offsets: design.offsets, columnMajor: design.design,
                                     parameters: parameters) {
        case .success(let fit):
            let rows = zip(design.terms, fit.coefficients).map { ModelRow(term: $0, coefficient: $1) }
            return (rows, [ModelFitRow(n: fit.n, parameters: parameters, dispersion: fit.dispersion,
                                       deviance: fit.deviance, iterations: fit.iterations)])
        case .failure(let failure):
            log.info("analyze: model not fitted over \(design.n) services with \(parameters) parameters: "
                        + Self.reason(failure))
            return ([], [ModelFitRow(n: design.n, parameters: parameters, dispersion: nil, deviance: nil,
                                     iterations: nil)])
        }
    }

    private static func reason(_ failure: PoissonFitFailure) -> String {
        switch failure {
        case .tooFewObservations: return "it needs at least parameters + 2 services"
        case .rankDeficient: return "a covariate takes one value in every service, or duplicates another"
        case .noFiniteEstimate: return "no finite estimate (no job outcome, or a group whose services have none)"
        case .invalidData: return "a value is not a finite number"
        }
    }
}
