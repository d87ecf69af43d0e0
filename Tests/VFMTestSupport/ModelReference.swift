import Foundation

/// A case of `Fixtures/model/cases.json`: a design, job outcomes and costs with
/// statsmodels' `GLM(y, X, family=Poisson(), offset=log(cost)).fit(cov_type="HC0")`
/// figures (`Fixtures/model/make_model_fixtures.py`), or the reason no fit is expected.
/// Shared by the kernel's, the analysis' and the end-to-end tests of SPEC §14.
public struct ModelReference: Decodable, CustomStringConvertible, Sendable {
    public struct Term: Decodable, Sendable {
        public var term: String
        public var estimate, se, rate_ratio, ci_low, ci_high, p_value: Double
    }
    public struct Fit: Decodable, Sendable {
        public var n, parameters, iterations: Int
        public var dispersion, deviance: Double
    }
    public struct Expected: Decodable, Sendable {
        public var model: [Term]
        public var fit: Fit
    }
    public var name: String
    public var covariates: [String]
    public var terms: [String]
    public var counts: [Double]
    public var costs: [Double]
    /// X by columns, `terms` order.
    public var design: [[Double]]
    public var expected: Expected?
    /// `rank-deficient`, `too-few` or `no-finite-estimate` when `expected` is nil.
    public var reason: String?
    public var description: String { name }

    /// Every case; empty if the file cannot be read (the tests that count them fail then).
    public static let all: [ModelReference] = {
        struct File: Decodable { var cases: [ModelReference] }
        guard let data = try? Data(contentsOf: FixturePaths.fixture("model/cases.json")),
              let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return file.cases
    }()

    public static func named(_ name: String) -> ModelReference? { all.first { $0.name == name } }

    /// |a − b| ≤ tolerance · max(1, |b|): SPEC §14's "to 1e-9" for figures of any size.
    public static func agrees(_ a: Double?, _ b: Double, within tolerance: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }
}
