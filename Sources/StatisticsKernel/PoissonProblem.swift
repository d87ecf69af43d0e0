/// The data of one Poisson fit and the two ways of stepping towards its maximum:
/// LAPACK's weighted least squares (`PoissonProblem+Iteration.swift`) and the
/// double-double Newton refinement and figures (`PoissonProblem+Refinement.swift`).
/// See `PoissonRegression` for the method and its sources.
struct PoissonProblem {
    let counts: [Double]
    let offsets: [Double]
    /// X column-major, one flat buffer: xᵢₖ at `design[k * n + i]`.
    let design: [Double]
    /// Columns of X.
    let p: Int

    var n: Int { counts.count }

    /// X given column-major in one buffer of `counts.count × parameters` values.
    init(counts: [Double], offsets: [Double], columnMajor design: [Double], parameters: Int) {
        self.counts = counts
        self.offsets = offsets
        self.design = design
        p = parameters
    }

    /// X given by columns, each `counts.count` long.
    init(counts: [Double], offsets: [Double], design: [[Double]]) {
        self.init(counts: counts, offsets: offsets, columnMajor: Array(design.joined()), parameters: design.count)
    }

    /// X has full column rank: XᵀX, summed from exact products in double-double, passes
    /// `SymmetricSystem`'s pivot test (a deterministic rank decision, not LAPACK's, whose
    /// `info > 0` only catches a diagonal of R that is exactly zero).
    func hasFullRank() -> Bool {
        var gram = [DoubleDouble](repeating: .zero, count: p * p)
        for i in 0..<n {
            for k in 0..<p {
                let xk = design[k * n + i]
                for l in 0...k { gram[k * p + l] = gram[k * p + l] + DoubleDouble.twoProduct(xk, design[l * n + i]) }
            }
        }
        return SymmetricSystem(gram, size: p) != nil
    }

    /// ηᵢ = offsetᵢ + xᵢᵀβ in double-double (exact products, summed in column order).
    func linearPredictor(_ beta: [Double], row i: Int) -> DoubleDouble {
        var eta = DoubleDouble(offsets[i])
        for k in 0..<p { eta = eta + DoubleDouble.twoProduct(design[k * n + i], beta[k]) }
        return eta
    }

    /// The score Xᵀ(y − μ) and the information XᵀWX (W = diag μ) at β, in double-double;
    /// `nil` if a μ is not finite and positive. Each μᵢ is left in `means` (n long), for
    /// the figures at the β the refinement settles on.
    ///
    /// The p + p(p+1)/2 sums are taken four at a time in the lanes of
    /// `DoubleDoubleLanes<SIMD4>` (`ScoreLanes`): each lane adds the same products in the
    /// same row order as scalar double-double sums (which the tests hold it to bit for bit,
    /// `ScoreLanesTests`) — at 10⁶ services these sums were a fifth of the model's time.
    func scoreAndInformation(_ beta: [Double], means: inout [DoubleDouble])
        -> (score: [DoubleDouble], information: [DoubleDouble])? {
        var sums = ScoreLanes(parameters: p)
        let ok = eachMean(beta) { i, mu in
            means[i] = mu
            sums.add(row: i, mu: mu, count: counts[i], design: design, n: n)
        }
        return ok ? sums.totals() : nil
    }

    /// Hands `body` each row's μᵢ = e^ηᵢ in row order; false, stopping, at an ηᵢ out of range.
    /// Four rows' exponentials at a time (each lane the same bits as one at a time: a
    /// third of the fit at 10⁶ services).
    func eachMean(_ beta: [Double], _ body: (Int, DoubleDouble) -> Void) -> Bool {
        func inRange(_ eta: DoubleDouble) -> Bool { eta.hi > -600 && eta.hi < 600 }
        var i = 0
        while i + 3 < n {
            var etas = DoubleDoubleLanes<SIMD4<Double>>(.zero)
            for lane in 0..<4 {
                let eta = linearPredictor(beta, row: i + lane)
                guard inRange(eta) else { return false }
                etas[lane: lane] = eta
            }
            let mus = Elementary.exponential(etas)
            for lane in 0..<4 { body(i + lane, mus[lane: lane]) }
            i += 4
        }
        while i < n {
            let eta = linearPredictor(beta, row: i)
            guard inRange(eta) else { return false }
            body(i, Elementary.exponential(eta))
            i += 1
        }
        return true
    }
}
