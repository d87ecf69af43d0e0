extension PoissonProblem {
    /// Newton steps from LAPACK's β in double-double until the step rounds to nothing.
    static let maximumRefinements = 40

    /// β ← fl(β + I⁻¹·Xᵀ(y − μ)) until fl(β + δ) = β in every coordinate: β is then the
    /// maximum of the likelihood rounded to the nearest double (the step is the distance
    /// to it to ~2⁻¹⁰⁰ once β is near). `nil` when the steps do not settle (no finite
    /// maximum: β runs off) or the information is singular.
    func refined(from start: [Double]) -> [Double]? {
        var means = [DoubleDouble](repeating: .zero, count: n)
        return refined(from: start, means: &means)?.beta
    }

    /// The same, leaving in `means` (n long) each μᵢ = e^ηᵢ at the β returned — the last
    /// round's score is taken there — and returning with β the information XᵀWX there, so
    /// that `figures(at:means:information:iterations:)` need not work either out again
    /// (at 881,725 services, summing the information a third time took a tenth of the fit).
    func refined(from start: [Double], means: inout [DoubleDouble])
        -> (beta: [Double], information: [DoubleDouble])? {
        var beta = start
        for round in 1...Self.maximumRefinements {
            guard let (score, information) = scoreAndInformation(beta, means: &means),
                  let system = SymmetricSystem(information, size: p)
            else { return nil }
            let step = system.solve(score)
            let next = (0..<p).map { (DoubleDouble(beta[$0]) + step[$0]).hi }
            guard next.allSatisfy(\.isFinite) else { return nil }
            if next == beta { return (beta, information) }
            // β exactly between two doubles to ~2⁻¹⁰⁰ could alternate between them for
            // ever; after many rounds a step within an ulp is accepted as settled.
            if round >= Self.maximumRefinements / 2,
               (0..<p).allSatisfy({ abs(next[$0] - beta[$0]) <= beta[$0].ulp }) {
                return (beta, information)
            }
            beta = next
        }
        return nil
    }

    /// The written figures at β, each formed in double-double and rounded once:
    /// HC0 sandwich covariance I⁻¹ (Σ (yᵢ − μᵢ)² xᵢxᵢᵀ) I⁻¹ (White 1980; statsmodels'
    /// `cov_type="HC0"`), rate ratios and intervals through the double-double exponential,
    /// two-sided normal p, Pearson's dispersion and the deviance. `means`: μᵢ at β, as
    /// `refined(from:means:)` leaves them, and `information`: XᵀWX at β (its lower
    /// triangle, row-major p × p), the one the refinement's last round summed.
    func figures(at beta: [Double], means: [DoubleDouble], information: [DoubleDouble],
                 iterations: Int) -> PoissonFit? {
        var meat = [DoubleDouble](repeating: .zero, count: p * p)
        var pearson = DoubleDouble.zero
        var deviance = DoubleDouble.zero
        // log y once per distinct count (the counts are job outcomes: whole numbers that repeat).
        var logarithms = RepeatedArguments<DoubleDouble>()
        for i in 0..<n {
            let eta = linearPredictor(beta, row: i)
            guard eta.hi > -600, eta.hi < 600 else { return nil }
            let mu = means[i]
            let y = counts[i]
            let residual = DoubleDouble(y) - mu
            let squared = residual * residual
            pearson = pearson + squared / mu
            // y log(y/μ) − (y − μ), with log μ = η exactly.
            if y > 0 {
                let logY = logarithms.value(at: y) { Elementary.logarithm(DoubleDouble($0)) }
                deviance = deviance + (logY - eta) * y
            }
            deviance = deviance - residual
            for k in 0..<p {
                let squaredWeighted = squared * design[k * n + i]
                for l in 0...k { meat[k * p + l] = meat[k * p + l] + squaredWeighted * design[l * n + i] }
            }
        }
        guard let system = SymmetricSystem(information, size: p) else { return nil }
        let bread = system.inverse()
        for k in 0..<p {
            for l in 0..<k { meat[l * p + k] = meat[k * p + l] }
        }
        // (bread · meat · bread)ₖₖ = Σₐ Σ_b breadₖₐ meatₐ_b bread_bₖ.
        let coefficients = (0..<p).map { k -> PoissonCoefficient in
            var variance = DoubleDouble.zero
            for a in 0..<p {
                var row = DoubleDouble.zero
                for b in 0..<p { row = row + meat[a * p + b] * bread[b * p + k] }
                variance = variance + bread[k * p + a] * row
            }
            return Self.coefficient(beta[k], variance: variance)
        }
        let dispersion = (pearson / Double(n - p)).value
        let devianceValue = (deviance * 2).value
        guard dispersion.isFinite, devianceValue.isFinite else { return nil }
        return PoissonFit(n: n, coefficients: coefficients, dispersion: dispersion,
                          deviance: max(0, devianceValue), iterations: iterations)
    }

    private static func coefficient(_ beta: Double, variance: DoubleDouble) -> PoissonCoefficient {
        let se = variance.hi > 0 ? variance.squareRoot().value : (variance.hi == 0 ? 0 : nil)
        func exp(_ x: DoubleDouble) -> Double? {
            guard x.hi > -700, x.hi < 700 else { return x.hi <= -700 ? 0 : nil }
            return Elementary.exponential(x).value
        }
        var coefficient = PoissonCoefficient(estimate: beta, standardError: se, rateRatio: exp(DoubleDouble(beta)),
                                             ciLow: nil, ciHigh: nil, pValue: nil)
        guard let se, se.isFinite else { return coefficient }
        let half = DoubleDouble.twoProduct(PoissonRegression.z95, se)
        coefficient.ciLow = exp(DoubleDouble(beta) - half)
        coefficient.ciHigh = exp(DoubleDouble(beta) + half)
        if se > 0 { coefficient.pValue = NormalTail.twoSidedPValue(z: beta / se) }
        return coefficient
    }
}
