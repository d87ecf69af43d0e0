import VFMCore

// What explains value for money (SPEC §14): the Poisson model's coefficients and its fit.

extension RunFileSchema {
    package static let model = RunFileSchema(
        path: RunLayout.model,
        description: "one row per parameter of the Poisson model of job outcomes with offset log(total cost) (SPEC §14)",
        columns: [
            .key("term", "the parameter: intercept, or a covariate's term (evidence_based, client_focus_MH, client_focus_mixed, log_people_supported, support_level_index)"),
            .figure("estimate", "the coefficient β on the log scale"),
            .figure("se", "its robust (HC0 sandwich) standard error"),
            .figure("rate_ratio", "exp(β): times as many job outcomes per pound, the other covariates equal"),
            .figure("ci_low", "lower end of the rate ratio's 95% interval, exp(β − 1.959963984540054·se)"),
            .figure("ci_high", "upper end of the rate ratio's 95% interval, exp(β + 1.959963984540054·se)"),
            .figure("p_value", "two-sided p of β / se from the normal distribution"),
        ],
        primaryKey: ["term"])

    package static let modelFit = RunFileSchema(
        path: RunLayout.modelFit,
        description: "one row when the pipeline has [model]: the services and parameters of the Poisson model, and its fit (empty figures when it could not be fitted)",
        columns: [
            .count("n", "services in the model: current returns with total cost > 0 and job outcomes and every covariate known"),
            .count("parameters", "parameters of the model: the intercept and the covariates' terms"),
            .figure("dispersion", "Pearson's dispersion Σ (y − μ)² / μ / (n − parameters); above 1: over-dispersed"),
            .figure("deviance", "the Poisson deviance 2 Σ (y log(y/μ) − (y − μ))"),
            .count("iterations", "iteratively reweighted least-squares steps to statsmodels' convergence rule"),
        ])
}
