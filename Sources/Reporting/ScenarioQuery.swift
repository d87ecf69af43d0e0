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
    /// The groups whose rates price a budget or an alternative (`--group`, e.g. `LD`);
    /// `nil` is the pipeline file's default, evidence-based and all services.
    public var groups: [String]?

    public init(budget: Double? = nil, years: Double? = nil, reallocate: Double? = nil, alternative: Double? = nil,
                groups: [String]? = nil) {
        self.budget = budget
        self.years = years
        self.reallocate = reallocate
        self.alternative = alternative
        self.groups = groups
    }

    /// The scenarios asked for, named by their kind, priced at evidence-based services'
    /// and all services' rates (the pipeline file's default groups).
    public var scenarios: [Scenario] {
        var scenarios: [Scenario] = []
        if let budget {
            scenarios.append(Scenario(name: Scenario.budgetKind,
                                      kind: .budget(amount: budget, years: years ?? 1, groups: groups ?? Scenario.defaultGroups)))
        }
        if let reallocate {
            scenarios.append(Scenario(name: Scenario.reallocationKind, kind: .reallocation(share: reallocate, spend: nil)))
        }
        if let alternative {
            scenarios.append(Scenario(name: Scenario.alternativeKind,
                                      kind: .alternative(cost: alternative, groups: groups ?? Scenario.defaultGroups)))
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
        let known = basis.map(\.group)
        for group in groups ?? [] where !known.contains(group) {
            throw VFMError(.usage, "the run has no group `\(group)`", file: basisPath,
                           hint: "--group takes one of the run's groups: " + known.joined(separator: ", "))
        }
        let rows = ScenarioCalculator.rows(scenarios, basis: basis)
        switch format {
        case .csv:
            return CSVWriter.document(rows)
        case .text:
            let sentences = BudgetSentences(rows: rows, basis: basis)
            var text = ""
            for scenario in scenarios { text += (sentences.sentence(scenario) ?? "") + "\n" }
            return text + (try Self.periodsSentence(runDirectory: runDirectory).map { $0 + "\n" } ?? "")
                + "These figures assume that job outcomes scale with spend at each group's pooled rate "
                + "(total job outcomes ÷ total cost); they come from services' returns, not a trial.\n"
        }
    }

    /// Which returns the rates come from (SPEC §11: each service's current return), from
    /// the run's `tables/periods.csv`; `nil` for a run from before periods.
    static func periodsSentence(runDirectory: String) throws(VFMError) -> String? {
        let path = (runDirectory as NSString).appendingPathComponent(RunLayout.periods)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes = try PublishedRunFile.verifiedBytes(RunLayout.periods, in: runDirectory, limit: 16 << 20)
        var periods: [String] = []
        for row in try RunFileCSV(file: path, hint: "run `vfm run --force --output \(runDirectory)` to publish it again")
            .rows(bytes, as: PeriodRow.self) where !periods.contains(row.period) {
            periods.append(row.period)
        }
        guard let first = periods.first, let last = periods.last else { return nil }
        if periods.count == 1 { return "The rates come from the run's \(first) returns." }
        let manifest = try RunManifest.read(runDirectory: runDirectory,
                                            displayName: (runDirectory as NSString).appendingPathComponent(RunLayout.manifest))
        if let chosen = manifest.periodOption {
            return "The rates come from the run's \(chosen) returns (chosen with --period; the run holds returns for "
                + "\(first) to \(last))."
        }
        return "The rates come from each service's current return — its latest, unless the pipeline file names a "
            + "current period — among returns for \(first) to \(last); a service's earlier returns are not counted."
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
