import Foundation
import Testing
@testable import StatisticsKernel

@Suite("Correlation")
struct CorrelationTests {
    @Test("Pearson r, Fisher CI and p of a small sample match the hand calculation")
    func byHand() throws {
        // x = 1 2 3 4 5, y = 2 1 4 3 5: x̄ = ȳ = 3; dx = −2 −1 0 1 2, dy = −1 −2 1 0 2
        // Sxy = 2 + 2 + 0 + 0 + 4 = 8, Sxx = Syy = 10 → r = 0.8 (ranks equal values → ρ = 0.8)
        // CI: atanh 0.8 = 1.0986122886681098, half-width 1.959963984540054/√2 = 1.3859038243496777
        //     → tanh(−0.2872915356815679) = −0.2796…, tanh(2.4845161130177875) = 0.9861…
        // p: t = 0.8·√(3/0.36) = 2.3094010767585030, 3 df → 0.10408803866182788 (scipy t.sf·2)
        let e = Correlation.estimate(x: [1, 2, 3, 4, 5], y: [2, 1, 4, 3, 5])
        #expect(e.n == 5)
        #expect(isClose(try #require(e.pearsonR), 0.8, relative: 1e-15))
        #expect(isClose(try #require(e.spearmanRho), 0.8, relative: 1e-15))
        #expect(isClose(try #require(e.ciLow), tanh(atanh(0.8) - 1.959963984540054 / 2.0.squareRoot()), relative: 1e-14))
        #expect(isClose(try #require(e.ciHigh), tanh(atanh(0.8) + 1.959963984540054 / 2.0.squareRoot()), relative: 1e-14))
        #expect(isClose(try #require(e.pValue), 0.10408803866182788, relative: 1e-12))
    }

    @Test("exactly linear data gives r = ±1 to 1e-14, also with a large offset and missing values",
          arguments: [(2.0, 1.0), (-0.375, 1e7), (0.0009765625, -5e6), (12345.5, 0.5)])
    func exactlyLinear(slope: Double, offset: Double) throws {
        // x = 10⁶ + i/4 and dyadic slopes: every y = offset + slope·(x − 10⁶) is exact in
        // binary64, so the stored data are exactly linear (checked below).
        var x = [Double?](), y = [Double?]()
        for i in 0..<50 {
            let xi: Double = 1e6 + 0.25 * Double(i)
            let yi: Double = offset + slope * (xi - 1e6)
            #expect((yi - offset) / slope == xi - 1e6)
            x.append(i % 9 == 4 ? nil : xi)   // missing in x and in y at different rows
            y.append(i % 11 == 7 ? nil : yi)
        }
        let e = Correlation.estimate(x: x, y: y)
        let sign: Double = slope > 0 ? 1 : -1
        #expect(abs(try #require(e.pearsonR) - sign) <= 1e-14)
        #expect(try #require(e.spearmanRho) == sign)
        #expect(try #require(e.pValue) < 1e-100)
    }

    @Test("a variable against an identical copy has r = 1 exactly, CI [1, 1] and p = 0")
    func identicalColumns() throws {
        let x: [Double?] = [3.2, 1.5, 8.25, 4, 4.5, 0.75]
        let e = Correlation.estimate(x: x, y: x)
        #expect(e == CorrelationEstimate(n: 6, pearsonR: 1, spearmanRho: 1, ciLow: 1, ciHigh: 1, pValue: 0))
    }

    @Test("|r| = 1 gives the CI [r, r] and p = 0, even at n = 3")
    func perfectCorrelationRule() {
        #expect(CorrelationEstimate(n: 10, pearsonR: -1, spearmanRho: -1)
            == CorrelationEstimate(n: 10, pearsonR: -1, spearmanRho: -1, ciLow: -1, ciHigh: -1, pValue: 0))
        #expect(CorrelationEstimate(n: 3, pearsonR: 1, spearmanRho: 1).pValue == 0)
    }

    @Test("n = 3 has r and p but no CI (Fisher z needs n ≥ 4)")
    func threePairs() throws {
        // x = 1 2 3, y = 1 3 2: dx = −1 0 1, dy = −1 1 0 → Sxy = 1, Sxx = Syy = 2 → r = 0.5
        // p = I_{0.75}(½, ½) = 1 − (2/π)·asin(√0.25)... = 1 − (2/π)(π/6) = 2/3
        let e = Correlation.estimate(x: [1, 2, 3], y: [1, 3, 2])
        #expect(isClose(try #require(e.pearsonR), 0.5, relative: 1e-15))
        #expect(isClose(try #require(e.pValue), 2.0 / 3, relative: 1e-14))
        #expect(e.ciLow == nil && e.ciHigh == nil)
    }

    @Test("undefined cases are nil, never NaN",
          arguments: [
            ([1, 2] as [Double?], [2, 1] as [Double?]),                  // n = 2
            ([1, 2, nil, 4], [nil, 3, 5, 6]),                            // 2 complete pairs
            ([1, 2, 3, 4], [5, 5, 5, 5]),                                // y constant
            ([7, 7, 7, 7, 1], [1, 2, 3, 4, nil]),                        // x constant on the complete pairs
            ([], []),                                                    // empty
          ])
    func undefined(x: [Double?], y: [Double?]) {
        let e = Correlation.estimate(x: x, y: y)
        #expect(e.pearsonR == nil && e.spearmanRho == nil)
        #expect(e.ciLow == nil && e.ciHigh == nil && e.pValue == nil)
    }

    @Test("NaN and infinity count as missing")
    func nonFiniteIsMissing() throws {
        // complete finite pairs: (1,1) (3,3) (5,4) → n = 3; dx = −2 0 2, dy = −5/3 1/3 4/3,
        // Sxy = 10/3 + 8/3 = 6, Sxx = 8, Syy = (25 + 1 + 16)/9 = 42/9 → r = 6/√(8·42/9) = 0.98198050606…
        let e = Correlation.estimate(x: [1, .nan, 3, .infinity, 5], y: [1, 2, 3, 4, 4])
        #expect(e.n == 3)
        #expect(isClose(try #require(e.pearsonR), 6 / (8 * 42 / 9.0).squareRoot(), relative: 1e-15))
    }

    @Test("a constant column leaves only its own pairs undefined in a matrix")
    func constantColumnInMatrix() throws {
        // Columns 0 and 2 are the byHand sample (r = 0.8); column 1 is constant.
        let m = Correlation.matrix([[1, 2, 3, 4, 5], [4, 4, 4, 4, 4], [2, 1, 4, 3, 5]])
        #expect(m[0][1].pearsonR == nil && m[1][2].spearmanRho == nil && m[1][1].pearsonR == nil)
        #expect(m[0][1].n == 5)
        #expect(isClose(try #require(m[0][2].pearsonR), 0.8, relative: 1e-15))
    }

    @Test("n counts only pairs where both values are present")
    func pairwiseN() {
        let m = Correlation.matrix([
            [1, 2, 3, nil, 5, 6],
            [2, nil, 1, 4, 6, 5],
            [nil, nil, 3, 1, 2, 8],
        ])
        // pairs present: (0,1) rows 0 2 4 5 → 4; (0,2) rows 2 4 5 → 3; (1,2) rows 2 3 4 5 → 4
        #expect(m[0][1].n == 4 && m[1][0].n == 4)
        #expect(m[0][2].n == 3)
        #expect(m[1][2].n == 4)
        #expect(m[0][0].n == 5 && m[1][1].n == 5 && m[2][2].n == 4)
        #expect(m[0][0].pearsonR == 1)
    }

    struct Reference: Decodable {
        struct Pair: Decodable {
            let j: Int, k: Int, n: Int
            let pearson_r: Double, spearman_rho: Double
            let ci_low: Double, ci_high: Double, p_value: Double
        }
        struct Set: Decodable { let name: String; let columns: [[Double?]]; let pairs: [Pair] }
        let sets: [Set]
    }

    @Test("r, ρ, CI and p agree with scipy pearsonr/spearmanr on each pair's complete cases",
          arguments: ["pairwise-missing", "complete", "small-ties", "near-linear-offset"])
    func agreesWithScipy(set name: String) throws {
        // scipy 1.17.1 stats.pearsonr (+ confidence_interval, Fisher z) and stats.spearmanr,
        // each on the pair's complete cases — Fixtures/reference/make_reference.py → correlation.json
        let reference = try ReferenceData.load(Reference.self, from: "correlation.json")
        let set = try #require(reference.sets.first { $0.name == name })
        let matrix = Correlation.matrix(set.columns)
        for pair in set.pairs {
            let e = matrix[pair.j][pair.k]
            let label = "\(name) (\(pair.j), \(pair.k))"
            #expect(e.n == pair.n, "\(label)")
            #expect(isClose(try #require(e.pearsonR), pair.pearson_r, relative: 1e-12), "\(label) r")
            #expect(isClose(try #require(e.spearmanRho), pair.spearman_rho, relative: 1e-12), "\(label) ρ")
            #expect(isClose(try #require(e.ciLow), pair.ci_low, relative: 1e-12), "\(label) CI low")
            #expect(isClose(try #require(e.ciHigh), pair.ci_high, relative: 1e-12), "\(label) CI high")
            let p = try #require(e.pValue)
            if pair.p_value == 0 {
                #expect(p < 1e-300, "\(label) p (scipy underflows to 0)")
            } else {
                #expect(isClose(p, pair.p_value, relative: 1e-10), "\(label) p")
            }
        }
    }

    @Test("a pair's estimate is the same inside a larger matrix as on its own")
    func matrixMatchesPairs() throws {
        let reference = try ReferenceData.load(Reference.self, from: "correlation.json")
        for set in reference.sets {
            let matrix = Correlation.matrix(set.columns)
            for pair in set.pairs {
                let alone = Correlation.estimate(x: set.columns[pair.j], y: set.columns[pair.k])
                let inMatrix = matrix[pair.j][pair.k]
                #expect(alone.n == inMatrix.n)
                #expect(isClose(try #require(alone.pearsonR), try #require(inMatrix.pearsonR), relative: 1e-14))
            }
        }
    }
}
