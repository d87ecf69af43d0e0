import Testing
import PipelineDefinition
import Tabular
import VFMCore
@testable import Analysis
@testable import Cleaning
@testable import Reporting
import Returns

/// The report reads the services, flags and benchmark of `vfm run` from the typed values
/// (`TypedRunRow`); every cell must read exactly as it reads from the file those values
/// are written to. The file path is the independent side: written by the stage's own
/// writer, parsed by `RunTableReader`.
struct TypedRunTableTests {
    static func service(_ authority: String, _ name: String, period: String?, line: Int, people: Int,
                        cost: Double, counts: [ReturnColumn: Double], extras: [ExtraCell],
                        flags: [ServiceFlag], excluded: Bool = false) -> CleanedService {
        var values = CountValues()
        for (column, value) in counts { values[column] = value }
        let input = ServiceReturn(
            source: SourceLocation(file: "returns, \"2014\".csv", line: line), authority: authority, service: name,
            period: period, model: "=IPS", evidenceBase: .unrecognised("Maybe"), totalCost: cost,
            peopleSupported: people, counts: values, reportedCostPerPerson: 1730.25, reportedCostPerOutcome: nil,
            extraColumns: extras)
        return CleanedService(input: input, derived: DerivedMeasures(deriving: input), flags: flags,
                              excludedFromStatistics: excluded)
    }

    static let services: [CleanedService] = [
        service("=HYPERLINK(\"x\")", "Smith, \"Jones\"\nLtd", period: "2012/13", line: 2, people: 120, cost: 263_132.5,
                counts: [.outcomesGained: 20, .outcomesRetained: 10, .outcomesSelfEmployed: 1, .clientsLD: 70,
                         .clientsMH: 30.5, .supportLT7: 1, .support7to40: 2, .support40plus: 3],
                extras: [ExtraCell(header: "region", value: "-North"), ExtraCell(header: "=note", value: "'=x")],
                flags: [ServiceFlag(rule: .outlier, metric: "cost_per_person", value: 2192.770833, threshold: 0.1,
                                    severity: .warning, message: "over\nthe limit, \"far\""),
                        ServiceFlag(rule: .zeroOutcomes, metric: nil, value: -0.0, threshold: nil, severity: .info,
                                    message: "-5 is fine")],
                excluded: true),
        service("Leeds", "'Pathways", period: nil, line: 9, people: 0, cost: 0, counts: [:],
                extras: [ExtraCell(header: "=note", value: nil), ExtraCell(header: "region", value: "South")],
                flags: []),
    ]

    static func expectSameCells(_ parsed: RunTable, _ typed: RunTable) {
        #expect(parsed.header == typed.header)
        #expect(parsed.rows.count == typed.rows.count)
        for (fileRow, typedRow) in zip(parsed.rows, typed.rows) {
            for column in parsed.header + ["no_such_column"] {
                #expect(fileRow.text(column) == typedRow.text(column), "column \(column)")
                #expect(fileRow.number(column)?.bitPattern == typedRow.number(column)?.bitPattern, "column \(column)")
                #expect(fileRow.count(column) == typedRow.count(column), "column \(column)")
            }
        }
    }

    @Test("typed services read exactly as clean/services.csv reads")
    func services() throws {
        let file = try RunTableReader.parse(Array(ServicesCSV.render(Self.services).utf8), file: "clean/services.csv")
        Self.expectSameCells(file, RunTable.typedServices(Self.services, file: "clean/services.csv"))
        #expect(file.rows.count == 2)
    }

    @Test("typed flags read exactly as clean/flags.csv reads, one row per flag")
    func flags() throws {
        let file = try RunTableReader.parse(Array(FlagsCSV.render(Self.services).utf8), file: "clean/flags.csv")
        Self.expectSameCells(file, RunTable.typedFlags(Self.services, file: "clean/flags.csv"))
        #expect(file.rows.count == 2)
    }

    @Test("typed benchmark rows read exactly as tables/benchmark.csv reads")
    func benchmark() throws {
        let rows = [
            BenchmarkRow(authority: "+44 Council", service: "A, B", period: nil, metric: .costPerPerson, value: 1730.5,
                         allBand: .above, evidenceBand: nil),
            BenchmarkRow(authority: "Leeds", service: "C", period: "2013/14", metric: .outcomeRate, value: nil,
                         allBand: nil, evidenceBand: .within),
        ]
        let file = try RunTableReader.parse(Array(CSVWriter.document(rows).utf8), file: "tables/benchmark.csv")
        Self.expectSameCells(file, RunTable.typed(rows, file: "tables/benchmark.csv"))
    }
}
