/// β from iteratively reweighted least squares, each step solved by LAPACK, and the
/// number of iterations statsmodels' rule counts.
struct LeastSquaresStart {
    var coefficients: [Double]
    var iterations: Int
    /// LAPACK QR solves made, the extra steps included.
    var solves: Int
}

extension PoissonProblem {
    /// statsmodels' `GLM.fit` defaults: at most 100 iterations, stop when the deviance
    /// changes by at most 10⁻⁸ (`tol`, absolute, `rtol = 0`).
    static let maximumIterations = 100
    static let devianceTolerance = 1e-8
    /// LAPACK steps taken after that rule stops, so that the refinement starts within a
    /// few ulps of the maximum (each step squares the error; two or three suffice).
    static let extraSteps = 6

    /// IRLS (McCullagh & Nelder 1989, §2.5) for the log link: weights wᵢ = μᵢ, working
    /// response zᵢ = ηᵢ − offsetᵢ + (yᵢ − μᵢ)/μᵢ, β = argmin Σ wᵢ (zᵢ − xᵢᵀβ)², solved as
    /// the ordinary least-squares problem of the rows scaled by √wᵢ with LAPACK's QR.
    /// Started at μ = (y + ȳ)/2, as statsmodels' Poisson family starts.
    func iterativelyReweighted() -> Result<LeastSquaresStart, PoissonFitFailure> {
        let mean = DoubleDouble.sum(counts).value / Double(n)
        var mu = counts.map { ($0 + mean) / 2 }
        // Both logarithms take values made from the counts, which repeat (`RepeatedArguments`).
        var logarithms = RepeatedArguments<Double>()
        var eta = mu.map { logarithms.value(at: $0, of: Elementary.log) }
        let logCounts = counts.map { $0 > 0 ? logarithms.value(at: $0, of: Elementary.log) : 0 }
        var deviance = deviance(mu: mu, eta: eta, logCounts: logCounts)
        var beta = [Double](repeating: 0, count: p)
        var solves = 0
        var iterations: Int? = nil
        // The weighted design and response, column-major for LAPACK, built in place each step.
        var matrix = [Double](repeating: 0, count: n * p)
        var response = [Double](repeating: 0, count: n)
        for step in 1...(Self.maximumIterations + Self.extraSteps) {
            guard let next = weightedStep(mu: mu, eta: eta, matrix: &matrix, response: &response)
            else { return .failure(.rankDeficient) }
            solves += 1
            var moved = false
            for k in 0..<p where abs(next[k] - beta[k]) > 4 * beta[k].ulp { moved = true }
            beta = next
            guard means(at: beta, eta: &eta, mu: &mu) else { return .failure(.noFiniteEstimate) }
            let previous = deviance
            deviance = self.deviance(mu: mu, eta: eta, logCounts: logCounts)
            if let counted = iterations {
                if !moved || step >= counted + Self.extraSteps { break }
            } else if abs(deviance - previous) <= Self.devianceTolerance || !moved {
                // statsmodels' rule; or β no longer moves, which ends it where the rule
                // cannot (two β an ulp apart can give deviances of 10⁸ further apart than 10⁻⁸).
                iterations = step
            } else if step == Self.maximumIterations {
                return .failure(.noFiniteEstimate)
            }
        }
        guard let iterations else { return .failure(.noFiniteEstimate) }
        return .success(LeastSquaresStart(coefficients: beta, iterations: iterations, solves: solves))
    }

    /// ηᵢ = offsetᵢ + xᵢᵀβ and μᵢ = e^ηᵢ of every row into `eta` and `mu`; `false` when a
    /// μ is not finite and positive. Four rows' exponentials at a time (`Elementary.exp` of a
    /// `SIMD4`: each lane the same bits as one at a time), a sixth of the fit at 10⁶ services.
    private func means(at beta: [Double], eta: inout [Double], mu: inout [Double]) -> Bool {
        func predictor(_ i: Int) -> Double {
            var sum = offsets[i]
            for k in 0..<p { sum += design[k * n + i] * beta[k] }
            return sum
        }
        var i = 0
        while i + 3 < n {
            var four = SIMD4<Double>.zero
            for lane in 0..<4 {
                eta[i + lane] = predictor(i + lane)
                four[lane] = eta[i + lane]
            }
            four = Elementary.exp(four)
            for lane in 0..<4 { mu[i + lane] = four[lane] }
            i += 4
        }
        while i < n {
            eta[i] = predictor(i)
            mu[i] = Elementary.exp(eta[i])
            i += 1
        }
        return mu.allSatisfy { $0 > 0 && $0.isFinite }
    }

    /// One weighted least-squares solve by LAPACK, the rows of X and of the working
    /// response scaled by √wᵢ into `matrix` (column-major) and `response`, which LAPACK
    /// then overwrites; `nil` when LAPACK finds R singular.
    private func weightedStep(mu: [Double], eta: [Double], matrix: inout [Double],
                              response: inout [Double]) -> [Double]? {
        for i in 0..<n {
            let root = mu[i].squareRoot()
            for k in 0..<p { matrix[k * n + i] = root * design[k * n + i] }
            response[i] = root * (eta[i] - offsets[i] + (counts[i] - mu[i]) / mu[i])
        }
        guard case .success(let beta) = LAPACK.leastSquares(columnMajor: &matrix, rows: n, columns: p,
                                                            rightHandSide: &response),
              beta.allSatisfy(\.isFinite)
        else { return nil }
        return beta
    }

    /// 2 Σ (yᵢ log(yᵢ/μᵢ) − (yᵢ − μᵢ)), the term y log(y/μ) being 0 at y = 0 and taken as
    /// y·(log y − η) (μ = e^η; log y computed once) — only for the stopping rule (the
    /// written deviance is the refined one).
    /// Summed in double-double, so that the rule compares the terms' changes, not the
    /// rounding of a long sum.
    private func deviance(mu: [Double], eta: [Double], logCounts: [Double]) -> Double {
        var total = DoubleDouble.zero
        for i in 0..<n {
            let y = counts[i]
            total = total + ((y > 0 ? y * (logCounts[i] - eta[i]) : 0) - (y - mu[i]))
        }
        return 2 * total.value
    }
}
