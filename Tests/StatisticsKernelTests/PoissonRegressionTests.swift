import Foundation
import Testing
import VFMTestSupport
@testable import StatisticsKernel


extension ModelReference: CustomTestStringConvertible {
    public var testDescription: String { name }

    static var fitted: [ModelReference] { all.filter { $0.expected != nil } }
    static var unfitted: [ModelReference] { all.filter { $0.expected == nil } }

    func fit() -> Result<PoissonFit, PoissonFitFailure> {
        PoissonRegression.fit(counts: counts, offsets: costs.map(Elementary.log), design: design)
    }
}

private func agrees(_ a: Double?, _ b: Double, within tolerance: Double) -> Bool {
    ModelReference.agrees(a, b, within: tolerance)
}

@Suite("Poisson regression with offset (SPEC §14)")
struct PoissonRegressionTests {
    @Test("the fixtures were read")
    func fixturesRead() {
        #expect(ModelReference.fitted.count >= 8)
        #expect(ModelReference.unfitted.count >= 4)
    }

    @Test("every figure equals statsmodels' to 1e-9 (p to 1e-6)", arguments: ModelReference.fitted)
    func matchesStatsmodels(_ reference: ModelReference) throws {
        let expected = try #require(reference.expected)
        let fit = try reference.fit().get()
        #expect(fit.n == expected.fit.n)
        #expect(fit.coefficients.count == expected.fit.parameters)
        #expect(fit.iterations == expected.fit.iterations)
        #expect(agrees(fit.dispersion, expected.fit.dispersion, within: 1e-9), "dispersion \(fit.dispersion)")
        #expect(agrees(fit.deviance, expected.fit.deviance, within: 1e-9), "deviance \(fit.deviance)")
        for (ours, theirs) in zip(fit.coefficients, expected.model) {
            #expect(agrees(ours.estimate, theirs.estimate, within: 1e-9), "\(theirs.term) estimate \(ours.estimate)")
            #expect(agrees(ours.standardError, theirs.se, within: 1e-9), "\(theirs.term) se")
            #expect(agrees(ours.rateRatio, theirs.rate_ratio, within: 1e-9), "\(theirs.term) rate ratio")
            #expect(agrees(ours.ciLow, theirs.ci_low, within: 1e-9), "\(theirs.term) ci_low")
            #expect(agrees(ours.ciHigh, theirs.ci_high, within: 1e-9), "\(theirs.term) ci_high")
            #expect(agrees(ours.pValue, theirs.p_value, within: 1e-6), "\(theirs.term) p")
        }
    }

    @Test("rank-deficient, too small and zero-count designs give their typed reason", arguments: ModelReference.unfitted)
    func typedReason(_ reference: ModelReference) {
        let expected: PoissonFitFailure
        switch reference.reason {
        case "rank-deficient": expected = .rankDeficient
        case "too-few": expected = .tooFewObservations(n: reference.counts.count, parameters: reference.design.count)
        default: expected = .noFiniteEstimate
        }
        #expect(throws: expected) { try reference.fit().get() }
    }

    @Test("LAPACK's QR solves the steps, and the refinement moves its result by at most a few ulps",
          arguments: ModelReference.fitted)
    func refinementMovesLAPACKStartByUlps(_ reference: ModelReference) throws {
        let fit = try reference.fit().get()
        #expect(fit.leastSquaresSolves >= fit.iterations)
        #expect(fit.lapackStart.count == fit.coefficients.count)
        // In units of the largest coefficient's ulp: QR is backward stable for the whole
        // vector, not componentwise for a coefficient near zero.
        let scale = fit.coefficients.map { abs($0.estimate) }.max() ?? 1
        for (start, coefficient) in zip(fit.lapackStart, fit.coefficients) {
            let ulps = abs(start - coefficient.estimate) / scale.ulp
            // QR's error grows with the design's condition: 25 ulps on the near-separated
            // design and 14 on the one with n = p + 2 (measured), at most 4 on the others.
            let bound: Double = ["near-separation-25", "smallest-7"].contains(reference.name) ? 32 : 4
            #expect(ulps <= bound, "\(reference.name): LAPACK start \(start), refined \(coefficient.estimate), \(ulps) ulps")
        }
    }

    @Test("a start a few ulps away, or a thousand times further, refines to the same bits",
          arguments: ModelReference.fitted)
    func refinementForgetsTheStart(_ reference: ModelReference) throws {
        let fit = try reference.fit().get()
        let problem = PoissonProblem(counts: reference.counts, offsets: reference.costs.map(Elementary.log),
                                     design: reference.design)
        let estimate = fit.coefficients.map(\.estimate)
        for (index, nudge) in [-3.0, 2, 1_000].enumerated() {
            let start = estimate.enumerated().map { k, beta in
                (k + index).isMultiple(of: 2) ? beta + nudge * beta.ulp : beta - nudge * beta.ulp
            }
            #expect(problem.refined(from: start) == estimate, "\(reference.name), nudge \(nudge)")
        }
    }

    @Test("the double-double exponential agrees with exp to an ulp and holds ~100 bits")
    func doubleDoubleExponential() {
        for x in [-600.0, -20.5, -1, -1e-12, 0, 0x1p-30, 0.5, 1, 2.302585092994046, 35.25, 600] {
            let value = Elementary.exponential(DoubleDouble(x))
            #expect(abs(value.value - Foundation.exp(x)) <= 2 * Foundation.exp(x).ulp, "exp(\(x))")
            // eˣ · e⁻ˣ = 1 to ~2⁻¹⁰⁰ (both double-double; their product's error is ~2⁻¹⁰⁴).
            let product = value * Elementary.exponential(DoubleDouble(-x)) - DoubleDouble(1)
            #expect(abs(product.hi) <= 0x1p-98, "exp(\(x))·exp(−\(x)) − 1 = \(product.hi)")
        }
        // e in double-double (the QD library's constant dd_real::_e, Hida, Li & Bailey 2001).
        let e = Elementary.exponential(DoubleDouble(1)) - DoubleDouble(0x1.5bf0a8b145769p+1, 0x1.4d57ee2b1013ap-53)
        #expect(abs(e.hi) <= 0x1p-100)
        #expect(Elementary.exponential(DoubleDouble(0)) == DoubleDouble(1))
    }

    @Test("shapes that do not fit and non-finite values are invalid data, not a trap")
    func invalidData() {
        #expect(throws: PoissonFitFailure.invalidData) {
            try PoissonRegression.fit(counts: [1, 2], offsets: [0], design: [[1, 1]]).get()
        }
        #expect(throws: PoissonFitFailure.invalidData) {
            try PoissonRegression.fit(counts: [1, -2, 3, 4], offsets: [0, 0, 0, 0], design: [[1, 1, 1, 1]]).get()
        }
        #expect(throws: PoissonFitFailure.invalidData) {
            try PoissonRegression.fit(counts: [1, 2, 3, 4], offsets: [0, .nan, 0, 0], design: [[1, 1, 1, 1]]).get()
        }
        #expect(throws: PoissonFitFailure.invalidData) {
            try PoissonRegression.fit(counts: [1, 2, 3], offsets: [0, 0, 0], design: []).get()
        }
    }

    @Test("intercept only: β is the likelihood's maximum log(Σy / Σe^offset), correctly rounded")
    func interceptOnly() throws {
        // The score equation Σ(yᵢ − e^(oᵢ + β)) = 0 gives β = log(Σy) − log(Σe^oᵢ) exactly;
        // evaluated here in double-double from the same offsets.
        let offsets = [1000.0, 1000, 2000].map(Elementary.log)
        let fit = try PoissonRegression.fit(counts: [1, 5, 6], offsets: offsets, design: [[1, 1, 1]]).get()
        let exposure = offsets.reduce(DoubleDouble.zero) { $0 + Elementary.exponential(DoubleDouble($1)) }
        let exact = Elementary.logarithm(DoubleDouble(12) / exposure)
        #expect(fit.coefficients[0].estimate == exact.value)
        #expect(abs(fit.coefficients[0].rateRatio! - 0.003) <= 8 * 0.003.ulp)
    }

    @Test("many services with large, over-dispersed counts converge (a deviance above 10⁷ is not left to rounding noise)")
    func largeDeviance() throws {
        // 40,000 services, μ in the thousands to tens of thousands, counts scattered ±50% around μ:
        // a deviance of ~7·10⁷, summed naively with ~10⁻⁷ of rounding — above statsmodels' 10⁻⁸
        // stopping rule; the model sums it in double-double and also stops when β stops moving.
        var generator = SplitMix(seed: 14)
        let n = 40_000
        var counts: [Double] = [], offsets: [Double] = [], evidence: [Double] = [], size: [Double] = []
        for _ in 0..<n {
            let cost = 50_000 + 950_000 * Double.random(in: 0..<1, using: &generator)
            let isEvidenceBased = Double.random(in: 0..<1, using: &generator) < 0.3 ? 1.0 : 0.0
            let people = 20 + 900 * Double.random(in: 0..<1, using: &generator)
            let mu = cost / 30 * (isEvidenceBased == 1 ? 1.5 : 1)
            counts.append((mu * (0.5 + Double.random(in: 0..<1, using: &generator))).rounded())
            offsets.append(Elementary.log(cost))
            evidence.append(isEvidenceBased)
            size.append(Elementary.log(people))
        }
        let fit = try PoissonRegression.fit(counts: counts, offsets: offsets,
                                            design: [[Double](repeating: 1, count: n), evidence, size]).get()
        #expect(fit.deviance > 1e7)
        #expect(fit.iterations < 20)
        // The evidence-based services were drawn at 1.5 times the rate.
        #expect(abs(fit.coefficients[1].rateRatio! - 1.5) < 0.02)
    }
}
