@testable import Returns
import Tabular
import Testing
import VFMCore

@Suite("header mapping: canonical names and the study's Appendix 6 labels")
struct HeaderMappingTests {
    @Test("no header text names two columns")
    func aliasesAreUnambiguous() {
        #expect(ColumnAliases.ambiguousKeys.isEmpty)
    }

    @Test("Appendix 6 labels and spelling variants map to their column", arguments: [
        ("Local Authority", ReturnColumn.authority), ("Service name", .service),
        ("Total number of people who received support", .peopleSupported), ("Total costs of contract", .totalCost),
        ("Total cost (£)", .totalCost), ("TOTAL_COST", .totalCost), ("  people supported ", .peopleSupported),
        ("Costs per person supported", .reportedCostPerPerson), ("Costs per paid job outcome", .reportedCostPerOutcome),
        ("Gained new job", .outcomesGained), ("Retained existing job", .outcomesRetained),
        ("Became self-employed", .outcomesSelfEmployed),
        ("Total number of people who gained/retained job", .outcomesTotal),
        ("People with a learning disability", .clientsLD), ("People with a mental health problem", .clientsMH),
        ("People with drug- and alcohol-related problems", .clientsDrugAlcohol),
        ("Outcomes: people with autism", .outcomesAutism), ("Less than 7 hours a week", .supportLT7),
        ("7-40 hours a week", .support7to40), ("40+ hours a week", .support40plus),
        ("Job outcomes 40+ hours a week", .outcomes40plus), ("2011/12 or 2012/13 data?", .period),
        ("Evidence-based", .evidenceBased),
    ])
    func alias(header: String, column: ReturnColumn) {
        #expect(ColumnAliases.columnsByKey[HeaderKey(header)] == column)
    }

    @Test("a proportion column is not its count column")
    func percentIsAWord() {
        #expect(ColumnAliases.columnsByKey[HeaderKey("People with autism (%)")] == nil)
    }

    private func mapping(_ header: [String]) throws(VFMError) -> HeaderMapping {
        try HeaderMapping(header: CSVRecord(line: 1, cells: header), file: "f.csv")
    }

    private static let minimal = ["authority", "service", "total_cost", "people_supported", "outcomes_total"]

    @Test("extra columns are carried; names our outputs use are prefixed")
    func extras() throws {
        let header = try mapping(Self.minimal + ["region", "source", "cost_per_outcome_derived", ""])
        #expect(header.extras.map(\.name) == ["region", "extra_source", "cost_per_outcome_derived"])
        #expect(header.slots.last == .unnamed)
        #expect(header.warnings.count == 1)
    }

    @Test("the three outcome breakdown columns stand in for outcomes_total")
    func breakdownInsteadOfTotal() throws {
        let header = try mapping(["authority", "service", "total_cost", "people_supported",
                                  "outcomes_gained", "outcomes_retained", "outcomes_self_employed"])
        #expect(header.slots.count == 7)
    }

    @Test("two columns with the same name are a data error naming both")
    func duplicateExtras() throws {
        let error = try #require(throws: VFMError.self) { try mapping(Self.minimal + ["Notes", "notes"]) }
        #expect(error.status == .dataError)
        #expect(error.message.contains("6") && error.message.contains("7"))
    }

    @Test("short unknown headers are not called misspellings")
    func noFalseMisspellings() throws {
        let header = try mapping(Self.minimal + ["region", "notes", "year2", "id"])
        #expect(header.warnings.isEmpty)
    }
}
