@testable import Returns
import Tabular
import Testing
import VFMCore

/// Short headers as council analysts write them (issue 28) are read as the columns they
/// name, and each mapping is said once per file.
@Suite("analysts' short headers map to their columns and are named in the log")
struct AnalystHeaderTests {
    @Test("each short form maps to its column", arguments: [
        ("LD", ReturnColumn.clientsLD), ("MH", .clientsMH), ("Phys/sensory", .clientsPhysicalSensory),
        ("<7 hrs", .supportLT7), ("< 7 hours", .supportLT7), ("7-40 hrs", .support7to40), ("7 - 40 hrs/week", .support7to40),
        ("40+ hrs", .support40plus), ("40+ hrs per week", .support40plus), (">40 hrs", .support40plus),
        ("No. of people supported", .peopleSupported), ("Total spend", .totalCost), ("Total spend (£)", .totalCost),
        ("Year", .period), ("LA", .authority), ("Jobs gained", .outcomesGained), ("Jobs retained", .outcomesRetained),
        ("Total jobs", .outcomesTotal), ("Cost per head", .reportedCostPerPerson),
    ])
    func shortForm(header: String, column: ReturnColumn) {
        #expect(ColumnAliases.columnsByKey[HeaderKey(header)] == column)
    }

    @Test("`<` and `>` are words: the band below 7 hours is not the band above it")
    func lessAndMore() {
        #expect(HeaderKey("<7 hrs").text == "less than 7 hrs")
        #expect(HeaderKey(">7 hrs").text == "more than 7 hrs")
        #expect(ColumnAliases.columnsByKey[HeaderKey(">7 hrs")] == nil)
    }

    @Test("a file with short headers gives non-empty client groups and says how it read them")
    func readAndLogged() throws {
        let text = "LA,Service,Total spend,No. of people supported,LD,MH,<7 hrs,7-40 hrs,40+ hrs,Total jobs,Region\n"
            + "Leeds,Job Club,\"£10,000\",20,12,6,5,10,5,5,North\n"
        let file = try FileIngest.ingest(Array(text.utf8), name: "analyst.csv", missingWords: MissingValueWords(["n/a"]))
        let row = try #require(file.accepted.first?.serviceReturn)
        #expect(row.counts[.clientsLD] == 12 && row.counts[.clientsMH] == 6)
        #expect(row.counts[.supportLT7] == 5 && row.counts[.support7to40] == 10 && row.counts[.support40plus] == 5)
        #expect(row.totalCost == 10_000 && row.peopleSupported == 20)
        #expect(file.extraColumns.map(\.name) == ["Region"])
        #expect(file.warnings == ["analyst.csv:1: short headers read as `LA` → `authority`, `Total spend` → `total_cost`, "
            + "`No. of people supported` → `people_supported`, `LD` → `clients_ld`, `MH` → `clients_mh`, "
            + "`<7 hrs` → `support_lt7`, `7-40 hrs` → `support_7to40`, `40+ hrs` → `support_40plus`, "
            + "`Total jobs` → `outcomes_total`; rename a header if it holds something else"])
    }

    @Test("canonical names and Appendix 6 labels are read without a word, as before")
    func canonicalSilent() throws {
        let header = try HeaderMapping(header: CSVRecord(line: 1, cells: [
            "authority", "Service name", "Total costs of contract", "people_supported", "outcomes_total"]), file: "f.csv")
        #expect(header.warnings.isEmpty)
    }
}

/// Abbreviated headers that are not known short forms are warned about (issue 28).
@Suite("headers that abbreviate a known one are named in a warning")
struct HeaderAbbreviationTests {
    @Test("abbreviations name the column they probably mean", arguments: [
        ("Learning Dis", ReturnColumn.clientsLD), ("LDs", .clientsLD), ("No of ppl supp", .peopleSupported),
        ("Jbs gained", .outcomesGained), ("Phys sens", .clientsPhysicalSensory),
    ])
    func abbreviation(header: String, column: ReturnColumn) {
        #expect(HeaderAbbreviation.column(abbreviatedBy: HeaderKey(header))?.column == column)
    }

    @Test("ordinary extra columns are not abbreviations of anything", arguments: [
        "region", "notes", "checked", "id", "year2", "excluded", "name", "n", "Comments", "Contact", "Manager",
        "Provider", "Postcode", "Contract end", "Funding source", "Lead officer",
    ])
    func notAbbreviations(header: String) {
        #expect(HeaderAbbreviation.column(abbreviatedBy: HeaderKey(header)) == nil)
    }

    @Test("the warning names the file, line, column and what to do")
    func warning() throws {
        let header = try HeaderMapping(header: CSVRecord(line: 3, cells: [
            "authority", "service", "total_cost", "people_supported", "outcomes_total", "Learning Dis"]), file: "f.csv")
        #expect(header.warnings == ["f.csv:3: column 6 `Learning Dis` looks like an abbreviation of \"learning disabilities\", "
            + "which means `clients_ld`; it is carried through as an extra column — rename it `clients_ld` if it is that"])
    }
}
