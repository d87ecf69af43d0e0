import Cleaning
import Foundation
import PipelineDefinition
import Returns
import VFMCore
import VFMTestSupport

/// Builds a `CleanResult` from `Fixtures/analysis/services.csv`, deriving the measures by
/// the formulas of SPEC §5 (the same ones `make_reference.py` uses), so that the analysis
/// is tested on its own, independently of the clean stage.
enum AnalysisFixture {
    static func cleanResult() throws -> CleanResult {
        let text = try String(contentsOf: FixturePaths.fixture("analysis/services.csv"), encoding: .utf8)
        let table = SimpleCSV(text)
        var services: [CleanedService] = []
        for (offset, row) in table.rows.enumerated() {
            services.append(service(row, source: SourceLocation(file: "services.csv", line: offset + 2)))
        }
        return CleanResult(services: services, rejected: [], files: [], warnings: [])
    }

    static func service(_ row: [String: String], source: SourceLocation) -> CleanedService {
        func count(_ key: String) -> Int? { row[key].flatMap { Int($0) } }
        var counts = CountValues()
        for column in CountValues.columns { counts[column] = count(column.rawValue).map(Double.init) }
        let people = count("people_supported") ?? 0
        let cost = Double(row["total_cost"] ?? "") ?? 0
        let input = ServiceReturn(
            source: source, authority: row["authority"] ?? "", service: row["service"] ?? "",
            period: row["period"].flatMap { $0.isEmpty ? nil : $0 }, model: nil,
            evidenceBase: EvidenceBase(label: row["evidence_based"]), totalCost: cost, peopleSupported: people,
            counts: counts, reportedCostPerPerson: nil, reportedCostPerOutcome: nil,
            extraColumns: [ExtraCell(header: "region", value: row["region"].flatMap { $0.isEmpty ? nil : $0 })])
        return CleanedService(input: input, flags: [], excludedFromStatistics: row["excluded"] == "true")
    }

    /// SPEC §5, written out plainly for the fixture.
    static func derive(counts: CountValues, people: Int, cost: Double, focus: String) -> DerivedMeasures {
        var d = DerivedMeasures(clientFocus: ClientFocus(rawValue: focus) ?? .unknown)
        let breakdown = [counts[.outcomesGained], counts[.outcomesRetained], counts[.outcomesSelfEmployed]]
        let full = breakdown.allSatisfy { $0 != nil }
        let jobOutcomes = full ? breakdown.compactMap { $0 }.reduce(0, +) : counts[.outcomesTotal]
        d.jobOutcomes = jobOutcomes
        if people > 0 {
            d.costPerPerson = cost / Double(people)
            d.outcomeRate = jobOutcomes.map { Double($0) / Double(people) }
        }
        if let jobOutcomes, jobOutcomes > 0 {
            d.costPerOutcome = cost / Double(jobOutcomes)
            if full {
                d.gainedShare = Double(breakdown[0] ?? 0) / Double(jobOutcomes)
                d.retainedShare = Double(breakdown[1] ?? 0) / Double(jobOutcomes)
                d.selfEmployedShare = Double(breakdown[2] ?? 0) / Double(jobOutcomes)
            }
        }
        if let a = counts[.supportLT7], let b = counts[.support7to40], let c = counts[.support40plus], a + b + c > 0 {
            let total = Double(a + b + c)
            d.shareLT7 = Double(a) / total
            d.share7to40 = Double(b) / total
            d.share40plus = Double(c) / total
            d.supportLevelIndex = Double(a + 3 * b + 10 * c) / total  // SPEC §5: one quotient, as Fixtures/analysis/make_reference.py
        }
        return d
    }
}

/// A plain CSV reader for fixtures without quoted fields.
struct SimpleCSV {
    var header: [String]
    var records: [[String]]

    init(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        header = lines.first ?? []
        records = Array(lines.dropFirst())
    }

    var rows: [[String: String]] {
        records.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
