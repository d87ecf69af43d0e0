import Foundation
import Testing
import VFMTestSupport

/// SPEC §14 end to end: `vfm run` on `Fixtures/model/returns-model.csv` (36 services, one
/// earlier return; unknown client focus, zero cost and zero people left out) writes the
/// model statsmodels fits to the design `make_model_fixtures.py` derives from the same file.
@Suite("What explains value for money: a run's model tables and report")
struct ModelRunTests {
    /// The cells of a run's CSV by column name (the model tables hold no quoted cells).
    static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = try #require(lines.first).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    @Test("tables/model.csv and model_fit.csv equal statsmodels' fit to 1e-9 (p to 1e-6), and the report says it in one sentence")
    func returnsModel() throws {
        let reference = try #require(ModelReference.named("returns-model"))
        let expected = try #require(reference.expected)
        let workspace = try RunWorkspace(copying: "model/returns-model.csv")
        defer { workspace.remove() }
        let result = try workspace.run(["--quiet"])
        #expect(result.status == 0, "\(result)")
        let model = try Self.rows(workspace.output.appendingPathComponent("tables/model.csv"))
        #expect(model.map { $0["term"] ?? "" } == reference.terms)
        for (row, theirs) in zip(model, expected.model) {
            for (column, value, tolerance) in [("estimate", theirs.estimate, 1e-9), ("se", theirs.se, 1e-9),
                                                ("rate_ratio", theirs.rate_ratio, 1e-9), ("ci_low", theirs.ci_low, 1e-9),
                                                ("ci_high", theirs.ci_high, 1e-9), ("p_value", theirs.p_value, 1e-6)] {
                #expect(ModelReference.agrees(row[column].flatMap(Double.init), value, within: tolerance),
                        "\(theirs.term) \(column): \(row[column] ?? "-") against \(value)")
            }
        }
        let fit = try #require(try Self.rows(workspace.output.appendingPathComponent("tables/model_fit.csv")).first)
        #expect(fit["n"] == String(expected.fit.n))
        #expect(fit["parameters"] == String(expected.fit.parameters))
        #expect(fit["iterations"] == String(expected.fit.iterations))
        #expect(ModelReference.agrees(fit["dispersion"].flatMap(Double.init), expected.fit.dispersion, within: 1e-9))
        #expect(ModelReference.agrees(fit["deviance"].flatMap(Double.init), expected.fit.deviance, within: 1e-9))
        let report = try String(contentsOf: workspace.output.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("## What explains value for money"))
        #expect(report.contains("Taking client group and size into account, evidence-based services bought "))
        #expect(report.contains(", n = \(expected.fit.n))."))
        #expect(report.contains("not a trial"))
    }

    @Test("a model that cannot be fitted leaves tables/model.csv with its header only and says why in the report")
    func notFitted() throws {
        // Six services: 5 parameters need at least 7.
        let six = TestReturns.valid.split(separator: "\n").prefix(7).joined(separator: "\n") + "\n"
        let workspace = try RunWorkspace(returns: six)
        defer { workspace.remove() }
        #expect(try workspace.run(["--quiet"]).status == 0)
        let model = try String(contentsOf: workspace.output.appendingPathComponent("tables/model.csv"), encoding: .utf8)
        #expect(model == "term,estimate,se,rate_ratio,ci_low,ci_high,p_value\n")
        let fit = try Self.rows(workspace.output.appendingPathComponent("tables/model_fit.csv"))
        #expect(fit.count == 1 && fit[0]["parameters"] == "5" && fit[0]["dispersion"] == "")
        let report = try String(contentsOf: workspace.output.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("The model was not fitted: it has 5 parameters and needs at least 7 services"))
    }
}
