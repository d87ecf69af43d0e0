import StatisticsKernel

// The rows of "what explains value for money" (SPEC §14, §7), one type per table; `nil`
// is an empty cell.

/// One parameter of the Poisson model (`tables/model.csv`): its term and the kernel's
/// figures for it.
package struct ModelRow: Sendable, Equatable {
    /// `intercept`, or a covariate's term (`ModelCovariate.terms`).
    package var term: String
    package var coefficient: PoissonCoefficient

    package init(term: String, coefficient: PoissonCoefficient) {
        self.term = term
        self.coefficient = coefficient
    }
}

/// The model's size and fit (`tables/model_fit.csv`): one row when the pipeline has
/// `[model]`. When the model could not be fitted, n and parameters are still given and
/// the figures are empty, so the report can say why from the file alone.
package struct ModelFitRow: Sendable, Equatable {
    package var n: Int
    package var parameters: Int
    package var dispersion: Double?
    package var deviance: Double?
    package var iterations: Int?

    package init(n: Int, parameters: Int, dispersion: Double?, deviance: Double?, iterations: Int?) {
        self.n = n
        self.parameters = parameters
        self.dispersion = dispersion
        self.deviance = deviance
        self.iterations = iterations
    }

    /// Whether the model was fitted (a fit always has its deviance).
    package var isFitted: Bool { deviance != nil }

    /// SPEC §14: the model needs n ≥ parameters + 2.
    package var hasTooFewServices: Bool { n < parameters + 2 }
}
