/// Poisson regression with log link and an offset — a model of counts per unit of
/// exposure (SPEC §14: job outcomes per pound, offset log total cost):
///
///     yᵢ ~ Poisson(μᵢ),   log μᵢ = offsetᵢ + xᵢᵀβ
///
/// fitted by maximum likelihood, with robust (sandwich, HC0) standard errors, because
/// services' outcomes are over-dispersed (Cameron & Trivedi, *Regression Analysis of
/// Count Data*, 2nd ed., 2013, §3.2.3). The figures are those of statsmodels'
/// `GLM(y, X, family=Poisson(), offset=offset).fit(cov_type="HC0")` and of R's
/// `glm(..., family = poisson)` with `sandwich::vcovHC(type = "HC0")`.
///
/// How it is fitted, and why every figure is the same bits on every BLAS/LAPACK kernel
/// (SPEC §6 "Reproducible arithmetic"):
///
/// 1. Iteratively reweighted least squares (McCullagh & Nelder, *Generalized Linear
///    Models*, 2nd ed., 1989, §2.5), started as statsmodels starts it (μ = (y + ȳ)/2) and
///    stopped by its rule (the deviance changes by at most 10⁻⁸) — which gives
///    `iterations`; each step's weighted least-squares problem is solved by LAPACK's
///    Householder QR (`LAPACK.leastSquares`, `dgels`). A few more LAPACK steps bring β
///    to within a few ulps of the maximum; those last bits depend on the kernel.
/// 2. Newton steps β ← β + I⁻¹·Xᵀ(y − μ) with μ from the project's own double-double
///    exponential (`Elementary.exponential(_: DoubleDouble)`), the score and the
///    information I = XᵀWX summed from error-free products in double-double, and the
///    system solved in double-double (`SymmetricSystem`), until the step rounds to
///    nothing. The step is then the distance to the exact maximum to ~2⁻¹⁰⁰, so β ends
///    as the maximum rounded to the nearest double whatever LAPACK's start was.
/// 3. Every figure is computed from that β in double-double and rounded once.
///
/// [McCullagh & Nelder 1989]: https://doi.org/10.1201/9780203753736
/// [Cameron & Trivedi 2013]: https://doi.org/10.1017/CBO9781139013567
/// [statsmodels GLM]: https://www.statsmodels.org/stable/generated/statsmodels.genmod.generalized_linear_model.GLM.html
package enum PoissonRegression {
    /// Φ⁻¹(0.975), the z of a two-sided 95% interval (SPEC §14).
    package static let z95 = 1.959963984540054

    /// Fits the model.
    /// - Parameters:
    ///   - counts: yᵢ ≥ 0 (whole numbers in the study's use, but any finite value ≥ 0 is
    ///     a valid quasi-Poisson response).
    ///   - offsets: offsetᵢ (log total cost).
    ///   - design: the columns of X, each `counts.count` long (an intercept, if wanted,
    ///     is a column of ones).
    /// - Returns: the fit, or why there is none. Never traps, never yields NaN.
    package static func fit(counts: [Double], offsets: [Double],
                           design: [[Double]]) -> Result<PoissonFit, PoissonFitFailure> {
        guard design.allSatisfy({ $0.count == counts.count }) else { return .failure(.invalidData) }
        return fit(counts: counts, offsets: offsets, columnMajor: Array(design.joined()), parameters: design.count)
    }

    /// Fits the model with X given column-major in one buffer: column k (the intercept, if
    /// wanted, a column of ones) at `columnMajor[k * n ..< (k + 1) * n]`, n = `counts.count`.
    package static func fit(counts: [Double], offsets: [Double], columnMajor design: [Double],
                           parameters p: Int) -> Result<PoissonFit, PoissonFitFailure> {
        let n = counts.count
        guard p > 0, offsets.count == n, design.count == n * p,
              counts.allSatisfy({ $0.isFinite && $0 >= 0 }), offsets.allSatisfy(\.isFinite),
              design.allSatisfy(\.isFinite)
        else { return .failure(.invalidData) }
        guard n >= p + 2 else { return .failure(.tooFewObservations(n: n, parameters: p)) }
        let problem = PoissonProblem(counts: counts, offsets: offsets, columnMajor: design, parameters: p)
        guard problem.hasFullRank() else { return .failure(.rankDeficient) }
        guard counts.contains(where: { $0 > 0 }) else { return .failure(.noFiniteEstimate) }
        let start: LeastSquaresStart
        switch problem.iterativelyReweighted() {
        case .success(let value): start = value
        case .failure(let failure): return .failure(failure)
        }
        var means = [DoubleDouble](repeating: .zero, count: n)
        guard let estimate = problem.refined(from: start.coefficients, means: &means),
              let fit = problem.figures(at: estimate.beta, means: means, information: estimate.information,
                                        iterations: start.iterations)
        else { return .failure(.noFiniteEstimate) }
        var result = fit
        result.lapackStart = start.coefficients
        result.leastSquaresSolves = start.solves
        return .success(result)
    }
}

/// Why `PoissonRegression.fit` has no answer.
package enum PoissonFitFailure: Error, Sendable, Equatable {
    /// Fewer than parameters + 2 observations (SPEC §14: n ≥ p + 2, so the dispersion has
    /// at least two degrees of freedom).
    case tooFewObservations(n: Int, parameters: Int)
    /// The columns of X are linearly dependent (a covariate that never varies, such as an
    /// indicator no observation has): no unique β.
    case rankDeficient
    /// The likelihood has no maximum at finite β: no count is positive, or a combination
    /// of covariates separates the zero counts from the rest (β runs off to −∞).
    case noFiniteEstimate
    /// Lengths differ, a value is not finite, or a count is negative (a bug in the caller).
    case invalidData
}

/// One coefficient of a Poisson fit; `nil` where a figure does not exist as a finite
/// number (an infinite rate ratio, a p-value of a zero standard error).
package struct PoissonCoefficient: Sendable, Equatable {
    /// βₖ.
    package var estimate: Double
    /// √ of the HC0 sandwich covariance's diagonal.
    package var standardError: Double?
    /// e^βₖ: how many times as many events per unit of exposure, other covariates equal.
    package var rateRatio: Double?
    /// e^(βₖ ∓ 1.959963984540054·SE).
    package var ciLow: Double?
    package var ciHigh: Double?
    /// Two-sided normal p of βₖ / SE.
    package var pValue: Double?

    package init(estimate: Double, standardError: Double?, rateRatio: Double?, ciLow: Double?, ciHigh: Double?,
                pValue: Double?) {
        self.estimate = estimate
        self.standardError = standardError
        self.rateRatio = rateRatio
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.pValue = pValue
    }
}

/// A fitted Poisson model: one coefficient per design column, and how well it fits.
package struct PoissonFit: Sendable, Equatable {
    /// Observations.
    package var n: Int
    package var coefficients: [PoissonCoefficient]
    /// Pearson's dispersion Σ (y − μ)²/μ / (n − p): 1 for Poisson data, above 1 when
    /// over-dispersed (which is why the standard errors are robust).
    package var dispersion: Double
    /// 2 Σ (y log(y/μ) − (y − μ)), with y log(y/μ) = 0 at y = 0.
    package var deviance: Double
    /// IRLS iterations to statsmodels' convergence rule.
    package var iterations: Int
    /// β from the last LAPACK step, before the refinement (for tests).
    var lapackStart: [Double] = []
    /// LAPACK QR solves made (for tests).
    var leastSquaresSolves = 0

    package init(n: Int, coefficients: [PoissonCoefficient], dispersion: Double, deviance: Double, iterations: Int) {
        self.n = n
        self.coefficients = coefficients
        self.dispersion = dispersion
        self.deviance = deviance
        self.iterations = iterations
    }

    /// Fits compare by their figures (the LAPACK start is not one).
    package static func == (a: PoissonFit, b: PoissonFit) -> Bool {
        a.n == b.n && a.coefficients == b.coefficients && a.dispersion == b.dispersion && a.deviance == b.deviance
            && a.iterations == b.iterations
    }
}
