/// The pipeline's `[model]` table (SPEC §14): the covariates of the Poisson model of job
/// outcomes per pound, in order, after an intercept. `[model]` absent: no model.
package struct ModelSettings: Sendable, Equatable {
    package var covariates: [ModelCovariate]

    /// SPEC §14's default: evidence base, client group, size.
    package static let defaultCovariates: [ModelCovariate] = [.evidenceBased, .clientFocus, .logPeopleSupported]

    package init(covariates: [ModelCovariate] = ModelSettings.defaultCovariates) {
        self.covariates = covariates
    }

    /// The model's parameters in order: `intercept`, then each covariate's terms.
    package var terms: [String] { [ModelCovariate.interceptTerm] + covariates.flatMap(\.terms) }
}

/// A covariate the model can take (SPEC §14), named as in the pipeline file.
package enum ModelCovariate: String, Sendable, Equatable, CaseIterable {
    /// 1 for `ips-fidelity` or `observed-good-practice`, else 0 (the study's evidence-based
    /// practice sites).
    case evidenceBased = "evidence_based"
    /// Indicators of `MH` and `mixed` client focus, `LD` the reference; `unknown` is left out.
    case clientFocus = "client_focus"
    /// The natural log of people supported (> 0): a rate ratio per e-fold of size.
    case logPeopleSupported = "log_people_supported"
    /// The Support Level Index (study footnote 10), where the service has support data.
    case supportLevelIndex = "support_level_index"

    package static let interceptTerm = "intercept"

    /// Its columns of the design, as `tables/model.csv` names them.
    package var terms: [String] {
        self == .clientFocus ? ["client_focus_MH", "client_focus_mixed"] : [rawValue]
    }
}
