import Foundation
import Testing
@testable import StatisticsKernel

@Suite("Regularized incomplete beta and Student t")
struct IncompleteBetaTests {
    @Test("closed forms: I_x(1, 1) = x, I_x(a, 1) = xᵃ, I_x(1, b) = 1 − (1 − x)ᵇ, I_½(a, a) = ½")
    func closedForms() throws {
        #expect(isClose(try #require(IncompleteBeta.regularized(a: 1, b: 1, x: 0.3)), 0.3, relative: 1e-15))
        // I_0.5(3, 1) = 0.5³ = 0.125
        #expect(isClose(try #require(IncompleteBeta.regularized(a: 3, b: 1, x: 0.5)), 0.125, relative: 1e-15))
        // I_0.2(1, 2) = 1 − 0.8² = 0.36
        #expect(isClose(try #require(IncompleteBeta.regularized(a: 1, b: 2, x: 0.2)), 0.36, relative: 1e-14))
        #expect(isClose(try #require(IncompleteBeta.regularized(a: 7.5, b: 7.5, x: 0.5)), 0.5, relative: 1e-14))
    }

    @Test("out-of-range arguments give nil", arguments: [(0.0, 1.0, 0.5), (1.0, -1.0, 0.5), (1.0, 1.0, 1.5), (1.0, 1.0, -0.1)])
    func outOfRange(a: Double, b: Double, x: Double) {
        #expect(IncompleteBeta.regularized(a: a, b: b, x: x) == nil)
    }

    @Test("log B(a, b) matches closed forms for small, integer and half-integer arguments")
    func logBeta() {
        // B(2, 3) = 1!·2!/4! = 1/12; B(0.5, 0.5) = π
        #expect(isClose(IncompleteBeta.logBeta(2, 3), log(1.0 / 12), relative: 1e-15))
        #expect(isClose(IncompleteBeta.logBeta(0.5, 0.5), log(Double.pi), relative: 1e-15))
        // Integers: B(a, b) = (a − 1)!(b − 1)!/(a + b − 1)! = (a + b)/(ab) / C(a + b, a).
        // C(50, 20) = 47129212243960 (Python math.comb) → B(20, 30) = 50/600/C(50, 20).
        #expect(isClose(IncompleteBeta.logBeta(20, 30), log(50.0 / 600 / 47_129_212_243_960), relative: 1e-14))
        // One argument large (the Student t case b = ½): B(12, 0.5) = Γ(12)Γ(½)/Γ(12.5)
        // = 11!·√π / (Γ(½)·(23!!)/2¹²) = 11!·2¹²/23!!, 23!! = 316234143225.
        #expect(isClose(IncompleteBeta.logBeta(12, 0.5), log(39_916_800.0 * 4096 / 316_234_143_225), relative: 1e-14))
    }

    struct BetaReference: Decodable {
        struct Case: Decodable { let a: Double; let b: Double; let x: Double; let value: Double; let source: String }
        let cases: [Case]
    }

    @Test("I_x(a, b) agrees with 40-digit mpmath across small and large a, b")
    func agreesWithReference() throws {
        // mpmath 1.3.0 betainc at 40 digits (scipy 1.17.1 special.betainc where mpmath does not
        // converge) — Fixtures/reference/make_reference.py → incomplete_beta.json
        let reference = try ReferenceData.load(BetaReference.self, from: "incomplete_beta.json")
        #expect(reference.cases.count > 200)
        for c in reference.cases {
            let ours = try #require(IncompleteBeta.regularized(a: c.a, b: c.b, x: c.x))
            let tolerance = 1e-12
            #expect(isClose(ours, c.value, relative: tolerance), "I(\(c.x); \(c.a), \(c.b)) = \(ours) vs \(c.value)")
        }
    }

    struct TReference: Decodable {
        struct Case: Decodable { let df: Double; let t: Double; let p: Double; let reference: Double }
        let cases: [Case]
    }

    @Test("two-sided Student t p-values agree with mpmath and scipy.stats.t.sf for 1 to 10⁶ df")
    func studentT() throws {
        // mpmath 1.3.0 I_{ν/(ν+t²)}(ν/2, ½) at 40 digits, and scipy 1.17.1 2·stats.t.sf(|t|, ν)
        // — Fixtures/reference/make_reference.py → student_t.json
        let reference = try ReferenceData.load(TReference.self, from: "student_t.json")
        #expect(reference.cases.count > 80)
        for c in reference.cases {
            let ours = try #require(StudentT.twoSidedPValue(t: c.t, degreesOfFreedom: c.df))
            // The Lentz recurrence loses ~1e-16·ν relative when x = ν/(ν+t²) lies near its
            // switch point (measured: 6e-11 at ν = 10⁶, t = 1.96); ≤ 1e-12 up to ν ≈ 10⁴.
            let tolerance = max(1e-12, 2e-16 * c.df)
            #expect(isClose(ours, c.reference, relative: tolerance), "t = \(c.t), df = \(c.df): \(ours) vs \(c.reference)")
            #expect(isClose(ours, c.p, relative: tolerance), "t = \(c.t), df = \(c.df) vs scipy")
        }
    }

    @Test("Student t by hand: with 1 df, P(|T| ≥ 1) = ½; with 2 df, P(|T| ≥ t) = 1 − t/√(2 + t²)")
    func studentTByHand() throws {
        // Cauchy: P(|T| ≥ 1) = 1 − (2/π)·atan(1) = 1/2
        #expect(isClose(try #require(StudentT.twoSidedPValue(t: 1, degreesOfFreedom: 1)), 0.5, relative: 1e-14))
        // ν = 2, t = 2: 1 − 2/√6 = 0.18350341907227397…
        #expect(isClose(try #require(StudentT.twoSidedPValue(t: 2, degreesOfFreedom: 2)),
                        1 - 2 / 6.0.squareRoot(), relative: 1e-14))
        #expect(StudentT.twoSidedPValue(t: 0, degreesOfFreedom: 5) == 1)
        #expect(StudentT.twoSidedPValue(t: .infinity, degreesOfFreedom: 5) == 0)
        #expect(StudentT.twoSidedPValue(t: 1, degreesOfFreedom: 0) == nil)
    }
}
