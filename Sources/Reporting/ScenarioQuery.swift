import RunFiles
import Analysis
import Foundation
import PipelineDefinition
import Tabular
import VFMCore

/// `vfm scenario` (SPEC §3): prices a budget, a reallocation or an alternative on a
/// published run, from its `tables/value_for_money_basis.csv`, without re-running
/// anything. The figures are computed by the same `ScenarioCalculator` as the run's own
/// `tables/scenarios.csv`, and the sentences are the report's.
public struct ScenarioQuery: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        case text, csv
    }

    /// £ a year, for `years` years (default 1).
    public var budget: Double?
    public var years: Double?
    /// The share of non-evidence-based spend moved to evidence-based performance.
    public var reallocate: Double?
    /// An alternative's cost per person a year.
    public var alternative: Double?

    public init(budget: Double? = nil, years: Double? = nil, reallocate: Double? = nil, alternative: Double? = nil) {
        self.budget = budget
        self.years = years
        self.reallocate = reallocate
        self.alternative = alternative
    }

    /// The scenarios asked for, named by their kind, priced at evidence-based services'
    /// and all services' rates (the pipeline file's default groups).
    public var scenarios: [Scenario] {
        var scenarios: [Scenario] = []
        if let budget {
            scenarios.append(Scenario(name: Scenario.budgetKind,
                                      kind: .budget(amount: budget, years: years ?? 1, groups: Scenario.defaultGroups)))
        }
        if let reallocate {
            scenarios.append(Scenario(name: Scenario.reallocationKind, kind: .reallocation(share: reallocate, spend: nil)))
        }
        if let alternative {
            scenarios.append(Scenario(name: Scenario.alternativeKind,
                                      kind: .alternative(cost: alternative, groups: Scenario.defaultGroups)))
        }
        return scenarios
    }

    /// The answer for the run in `runDirectory`: one sentence per scenario and the
    /// assumption (text), or rows in the shape of `tables/scenarios.csv` (csv).
    public func render(runDirectory: String, format: Format) throws(VFMError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: runDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw VFMError(.noInput, "no run directory here", file: runDirectory,
                           hint: "give --run the directory `vfm run --output` published, e.g. Output/latest")
        }
        let basisPath = (runDirectory as NSString).appendingPathComponent(RunLayout.valueForMoneyBasis)
        guard FileManager.default.fileExists(atPath: basisPath) else {
            throw VFMError(.noInput, "the run has no \(RunLayout.valueForMoneyBasis)", file: basisPath,
                           hint: "the run was made by an older vfm or not analysed; run `vfm run --force --output "
                               + runDirectory + "` once")
        }
        // One row per group: a pipeline with thousands of groups stays far below this.
        let bytes = try PublishedRunFile.verifiedBytes(RunLayout.valueForMoneyBasis, in: runDirectory, limit: 4 << 20)
        let basis = try RunFileCSV(file: basisPath, hint: "run `vfm run --force --output \(runDirectory)` to publish it again")
            .rows(bytes, as: ValueForMoneyBasis.self)
        let rows = ScenarioCalculator.rows(scenarios, basis: basis)
        switch format {
        case .csv:
            return CSVWriter.document(rows)
        case .text:
            let sentences = BudgetSentences(rows: rows, basis: basis)
            var text = ""
            for scenario in scenarios { text += (sentences.sentence(scenario) ?? "") + "\n" }
            return text + "These figures assume that job outcomes scale with spend at each group's pooled rate "
                + "(total job outcomes ÷ total cost); they come from services' returns, not a trial.\n"
        }
    }

    /// A sum of money as a finance officer writes it: `195974`, `195,974`, `£195,974.50`.
    public static func money(_ text: String) -> Double? {
        var digits = text.trimmingCharacters(in: .whitespaces)
        if digits.hasPrefix("£") { digits.removeFirst() }
        digits = digits.replacingOccurrences(of: ",", with: "")
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(digits), value.isFinite else { return nil }
        return value
    }

    /// A share as a fraction (`0.5`), a percentage (`50%`) or a ratio (`2/3`).
    public static func share(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") { return money(String(trimmed.dropLast())).map { $0 / 100 } }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let a = money(String(parts[0])), let b = money(String(parts[1])), b > 0 else { return nil }
            return a / b
        }
        return money(trimmed)
    }
}
