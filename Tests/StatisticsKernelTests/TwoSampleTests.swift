import Foundation
import Testing
import VFMTestSupport
@testable import StatisticsKernel

/// The cases of `Fixtures/numerics/two_sample/two_sample.json`, written by
/// `make_two_sample.py` from scipy 1.17.1 (`ttest_ind(equal_var=False)`,
/// `mannwhitneyu(method="exact" | "asymptotic")`) and exact rational arithmetic.
struct TwoSampleReference: Decodable {
    struct Welch: Decodable { let t: Double; let df: Double; let p: Double }
    struct MannWhitney: Decodable {
        let u: Double
        let p: Double
        let exact: Bool
        let exactPRational: Double?
        enum CodingKeys: String, CodingKey { case u, p, exact, exactPRational = "exact_p_rational" }
    }
    struct Case: Decodable {
        let name: String
        let first: [Double]
        let second: [Double]
        let welch: Welch?
        let welchExact: Welch?
        let mannWhitney: MannWhitney?
        enum CodingKeys: String, CodingKey {
            case name, first, second, welch
            case welchExact = "welch_exact"
            case mannWhitney = "mann_whitney"
        }
    }
    let cases: [Case]

    static let all: [Case] = {
        let url = FixturePaths.fixture("numerics/two_sample/two_sample.json")
        guard let data = try? Data(contentsOf: url),
              let reference = try? JSONDecoder().decode(TwoSampleReference.self, from: data)
        else { return [] }
        return reference.cases
    }()

    /// The case whose values sit near 10⁷ and differ in the eighth digit: scipy's moments
    /// cancel there (t off by ~2·10⁻⁸), so it is compared with the exact values instead.
    static let cancellingCase = "offset-1e7"
}

@Suite("Welch's t-test and the Mann–Whitney U test (SPEC §12 Work Choice)")
struct TwoSampleTests {
    @Test("the fixture holds every case the switch and the edge cases need")
    func fixtureIsComplete() {
        let names = Set(TwoSampleReference.all.map(\.name))
        for name in ["small-no-ties", "small-ties", "unequal-sizes", "switch-50-50", "switch-51-50",
                     "switch-50-51", "one-each", "equal-values", "empty-first", "offset-1e7"] {
            #expect(names.contains(name), "missing case \(name)")
        }
    }

    @Test("Welch's t, df and p equal scipy's to 1e-9", arguments: TwoSampleReference.all)
    func welchAgreesWithScipy(_ c: TwoSampleReference.Case) throws {
        guard let expected = c.welch, c.name != TwoSampleReference.cancellingCase else {
            #expect(c.welch == nil || c.name == TwoSampleReference.cancellingCase)
            return
        }
        let ours = try #require(WelchTTest(c.first, c.second), "\(c.name)")
        #expect(isClose(ours.t, expected.t, relative: 1e-9), "\(c.name): t \(ours.t) vs \(expected.t)")
        #expect(isClose(ours.degreesOfFreedom, expected.df, relative: 1e-9), "\(c.name): df \(ours.degreesOfFreedom) vs \(expected.df)")
        #expect(isClose(ours.pValue, expected.p, relative: 1e-9), "\(c.name): p \(ours.pValue) vs \(expected.p)")
    }

    @Test("Welch's t and df equal the exact rational values to 1e-13", arguments: TwoSampleReference.all)
    func welchAgreesWithExactMoments(_ c: TwoSampleReference.Case) throws {
        guard let exact = c.welchExact else { return }
        let ours = try #require(WelchTTest(c.first, c.second), "\(c.name)")
        #expect(isClose(ours.t, exact.t, relative: 1e-13), "\(c.name): t \(ours.t) vs exact \(exact.t)")
        #expect(isClose(ours.degreesOfFreedom, exact.df, relative: 1e-13), "\(c.name)")
        #expect(isClose(ours.pValue, exact.p, relative: 1e-10), "\(c.name): p \(ours.pValue) vs \(exact.p)")
    }

    @Test("on values near 10⁷ Welch keeps the digits scipy's two-pass moments lose")
    func welchSurvivesCancellation() throws {
        let c = try #require(TwoSampleReference.all.first { $0.name == TwoSampleReference.cancellingCase })
        let exact = try #require(c.welchExact), scipy = try #require(c.welch)
        let ours = try #require(WelchTTest(c.first, c.second))
        #expect(!isClose(scipy.t, exact.t, relative: 1e-9), "the case no longer shows scipy's cancellation")
        #expect(isClose(ours.t, exact.t, relative: 1e-13))
    }

    @Test("no Welch test for a group of fewer than 2 values or two constant groups",
          arguments: [([1.0], [2.0, 3.0]), ([1.0, 2.0], []), ([4.0, 4.0], [4.0, 4.0, 4.0]), ([1.0, 1.0], [3.0, 3.0]),
                      ([1.0, .nan], [2.0, 3.0])])
    func welchUndefined(first: [Double], second: [Double]) {
        #expect(WelchTTest(first, second) == nil)
    }

    @Test("Mann–Whitney U, p and the exact/approximate choice equal scipy's to 1e-9", arguments: TwoSampleReference.all)
    func mannWhitneyAgreesWithScipy(_ c: TwoSampleReference.Case) throws {
        guard let expected = c.mannWhitney else {
            #expect(MannWhitneyU(c.first, c.second) == nil, "\(c.name)")
            return
        }
        let ours = try #require(MannWhitneyU(c.first, c.second), "\(c.name)")
        #expect(ours.u == expected.u, "\(c.name): U \(ours.u) vs \(expected.u)")
        #expect(ours.isExact == expected.exact, "\(c.name)")
        #expect(isClose(ours.pValue, expected.p, relative: 1e-9), "\(c.name): p \(ours.pValue) vs \(expected.p)")
        if let rational = expected.exactPRational {
            #expect(isClose(ours.pValue, rational, relative: 1e-15), "\(c.name): p \(ours.pValue) vs exact \(rational)")
        }
    }

    @Test("the exact distribution is used up to 50 values a group, without ties, and not beyond")
    func exactSwitch() throws {
        let values = (0..<101).map { Double($0) * 1.5 }
        #expect(try #require(MannWhitneyU(Array(values[..<50]), Array(values[50..<100]))).isExact)
        #expect(try #require(MannWhitneyU(Array(values[..<51]), Array(values[51...]))).isExact == false)
        #expect(try #require(MannWhitneyU(Array(values[..<50]), Array(values[50...]))).isExact == false)
        #expect(try #require(MannWhitneyU([1, 2, 3], [2, 5])).isExact == false)
    }

    @Test("swapping the groups mirrors U and t and keeps both p-values", arguments: TwoSampleReference.all)
    func swappingGroups(_ c: TwoSampleReference.Case) throws {
        if let forward = MannWhitneyU(c.first, c.second) {
            let backward = try #require(MannWhitneyU(c.second, c.first))
            #expect(backward.u == Double(c.first.count * c.second.count) - forward.u)
            #expect(backward.pValue == forward.pValue)
        }
        if let forward = WelchTTest(c.first, c.second) {
            let backward = try #require(WelchTTest(c.second, c.first))
            #expect(backward.t == -forward.t)
            #expect(backward.pValue == forward.pValue)
        }
    }

    @Test("exact p of completely separated groups is 2 / C(n₁ + n₂, n₁)")
    func separatedGroups() throws {
        // C(6, 3) = 20 arrangements, one as extreme on each side: p = 2/20.
        let result = try #require(MannWhitneyU([10, 11, 12], [1, 2, 3]))
        #expect(result.u == 9)
        #expect(result.pValue == 0.1)
        #expect(result.isExact)
    }

    @Test("a group with a NaN or an empty group has no Mann–Whitney test")
    func mannWhitneyUndefined() {
        #expect(MannWhitneyU([], [1]) == nil)
        #expect(MannWhitneyU([1, .infinity], [2]) == nil)
    }
}

extension TwoSampleReference.Case: CustomTestStringConvertible {
    var testDescription: String { name }
}
