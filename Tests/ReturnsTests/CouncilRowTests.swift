import Foundation
import Testing
@testable import Returns
import VFMCore

/// Rows a council's spreadsheet holds besides its services (issue 28): a totals row is
/// rejected as `total-row`; Excel's trailing lines of bare commas are blank lines; footnotes
/// under the table are counted as notes, never rejects; a spreadsheet error value rejects
/// its row only in a required column.
@Suite("council spreadsheets: totals rows, trailing commas, footnotes, error values")
struct CouncilRowTests {
    static let words = MissingValueWords(["n/a", "-"])
    static let header = "authority,service,total_cost,people_supported,outcomes_total,helper,clients_ld\n"

    static func ingest(_ body: String, totals: TotalsLabels = .standard,
                       sizes: PieceParse.Sizes = PieceParse.Sizes()) throws -> FileIngest {
        try FileIngest.ingest(Array((header + body).utf8), name: "council.csv", missingWords: words, totals: totals,
                              sizes: sizes)
    }

    /// SPEC §4's rule for an ASCII name, spelt out on lower-cased words: the name is a
    /// label, ends with one as its last words, or starts with one followed by a colon, a
    /// dash or `for`; a trailing colon is ignored.
    static func isTotalByTheRule(_ name: String, labels: [String]) -> Bool {
        var words = name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.hasSuffix(":") { words = String(words.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard !words.isEmpty else { return false }
        return labels.contains { label in
            words == label || words.hasSuffix(" " + label)
                || [":", " :", " -", " –", " for "].contains { words.hasPrefix(label + $0) }
        }
    }

    @Test("the byte prefilter never passes over a totals label: names built from label words and near misses")
    func prefilterKeepsEveryTotal() {
        let labelSets = [TotalsLabels.standardLabels, ["gesamt", "all services", "x1", "9z"]]
        let pieces = ["Total", "totals", "Leeds", "Sub-Total", "sum", "Summary", "All Services", "ALL", "services",
                      "Grand  Total", "for", "-", ":", "x1", "X1", "9Z", "Xtotal", "subtotal", "GESAMT", "gesamtheit",
                      "Service 4, Ltd", "Authority 12", "tot", "su", "all"]
        var generator = SystemRandomNumberGenerator()
        for labels in labelSets {
            let totals = TotalsLabels(labels)
            for _ in 0..<3000 {
                let name = (0..<Int.random(in: 1...4, using: &generator))
                    .map { _ in pieces.randomElement(using: &generator)! }.joined(separator: " ")
                #expect(totals.isTotal(name) == Self.isTotalByTheRule(name, labels: labels), "\(name) with \(labels)")
            }
        }
    }

    @Test("a totals label in the service or authority column rejects the row as total-row",
          arguments: ["Leeds,Total", "Leeds,TOTAL:", "Total,", " grand total ,", "All services,", "Leeds,Sub-total",
                      "Leeds,subtotal", "Sum,Leeds", "Leeds,Totals", "Leeds,Leeds Total", ",York  sub-total",
                      "Leeds,Total: Leeds", "Leeds,Sub-total - York", "Leeds,Total for Hull", "Leeds Total,"])
    func totalsRow(names: String) throws {
        let file = try Self.ingest("Leeds,Job Club,100,10,2,,\n\(names),100,10,2,,\n")
        #expect(file.accepted.count == 1)
        let reject = try #require(file.rejected.first)
        #expect(reject.rule == .totalRow)
        #expect(reject.source.line == 3)
        #expect(reject.message.contains("a totals row, not a service — the figures are summed from the services"))
        #expect(file.summary.rowsRead == file.summary.rowsAccepted + file.summary.rowsRejected)
    }

    @Test("a service whose name only contains a totals word is a service")
    func totalInsideName() throws {
        let file = try Self.ingest("Leeds,Total Employment Support,100,10,2,,\nSumner Council,Job Club,100,10,2,,\n"
            + "Leeds,Totally Working,100,10,2,,\nLeeds,Sum Up Skills,100,10,2,,\n")
        #expect(file.accepted.count == 4)
        #expect(file.rejected.isEmpty)
    }

    @Test("the byte scan looks for the fewest needles: those holding another, and repeats, are dropped")
    func fewestNeedles() {
        let needles = ["total", "totals", "total", "total", "subtotal", "sum", "services"].map { Array($0.utf8) }
        #expect(TotalsLabels.fewest(needles).map { String(decoding: $0, as: UTF8.self) } == ["total", "sum", "services"])
        #expect(TotalsLabels.fewest([Array("ab".utf8), Array("b".utf8)]) == [Array("b".utf8)])
    }

    @Test("the pipeline's totals labels replace the standard ones")
    func configuredTotals() throws {
        let file = try Self.ingest("Leeds,Gesamt,100,10,2,,\nLeeds,Total,100,10,2,,\n", totals: TotalsLabels(["gesamt"]))
        #expect(file.rejected.map(\.rule) == [.totalRow])
        #expect(file.rejected.first?.source.line == 2)
    }

    @Test("Excel's trailing lines of bare commas are blank lines: skipped, not counted, not rejected",
          arguments: [",,,,,,\n,,,,,,\n", ",,,\n", " , ,\t,,,,\n"])
    func trailingCommas(tail: String) throws {
        let file = try Self.ingest("Leeds,Job Club,100,10,2,,\n" + tail)
        #expect(file.summary.rowsRead == 1)
        #expect(file.rejected.isEmpty)
        #expect(file.summary.noteRows == 0)
        #expect(file.warnings.isEmpty)
    }

    @Test("footnotes under the table are counted and reported as notes, never as rejects")
    func footnotes() throws {
        let file = try Self.ingest("Leeds,Job Club,100,10,2,,\nSource: council finance system,,,,,,\n"
            + ",Note: figures unaudited\n\"Merged note\",\"Merged note\",\"Merged note\",,,,\n")
        #expect(file.summary.rowsRead == 1)
        #expect(file.rejected.isEmpty)
        #expect(file.summary.noteRows == 3)
        let warning = try #require(file.warnings.first)
        #expect(warning.hasPrefix("council.csv: 3 rows below the header hold only a note (line 3: \"Source: council finance system\"; "
            + "line 4: \"Note: figures unaudited\"; line 5: \"Merged note\")"))
    }

    @Test("a row with two names and no figures, or text only further right, is rejected, not a note",
          arguments: ["Leeds,Job Club,,,,,\n", ",,,,,Note,\n", ",,100,,,,\n"])
    func notNotes(row: String) throws {
        let file = try Self.ingest(row)
        #expect(file.summary.noteRows == 0)
        #expect(file.rejected.count == 1)
    }

    @Test("a spreadsheet error in an optional or helper column is missing and named in a warning",
          arguments: ["#DIV/0!", "#VALUE!", "#N/A", "#REF!", "#NAME?", "Err:502", "#div/0!"])
    func errorInOptionalColumn(error: String) throws {
        let file = try Self.ingest("Leeds,Job Club,100,10,2,\(error),\(error)\n")
        let row = try #require(file.accepted.first)
        #expect(row.serviceReturn.counts[.clientsLD] == nil)
        #expect(row.extraValues == [nil])
        #expect(file.warnings == [
            "council.csv:2: column 6 (`helper`) holds the spreadsheet error `\(error)`; it is read as missing and the service is kept — correct the formula if the column matters",
            "council.csv:2: column 7 (`clients_ld`) holds the spreadsheet error `\(error)`; it is read as missing and the service is kept — correct the formula if the column matters",
        ])
    }

    @Test("a spreadsheet error in a required column rejects the row, naming the cell and the error")
    func errorInRequiredColumn() throws {
        let file = try Self.ingest("Leeds,Job Club,#DIV/0!,10,2,,\n")
        let reject = try #require(file.rejected.first)
        #expect(reject.rule == .spreadsheetError)
        #expect(reject.column == .totalCost)
        #expect(reject.value == "#DIV/0!")
        #expect(reject.message.hasPrefix("`total_cost` (column 3) is required but holds the spreadsheet error `#DIV/0!`"))
    }

    @Test("text that only starts like an error value is read as it always was")
    func nearErrors() throws {
        let file = try Self.ingest("Leeds,#1 Service,100,10,2,Error,\n")
        #expect(file.accepted.first?.serviceReturn.service == "#1 Service")
        #expect(file.accepted.first?.extraValues == ["Error"])
        #expect(file.warnings.isEmpty)
    }

    @Test("notes and error values are counted the same when the file is read in small pieces on both cores")
    func pieces() throws {
        var body = ""
        for index in 0..<400 { body += "Leeds,Service \(index),100,10,2,#DIV/0!,\n" }
        body += "Leeds,Total,40000,4000,800,,\nSource: finance,,,,,,\n,,,,,,\n"
        let whole = try Self.ingest(body)
        let cut = try Self.ingest(body, sizes: PieceParse.Sizes(block: 512, largestPending: 4096))
        #expect(whole.summary == cut.summary)
        #expect(whole.warnings == cut.warnings)
        #expect(cut.summary.rowsRead == 401)
        #expect(cut.summary.noteRows == 1)
        #expect(cut.rejected.map(\.rule) == [.totalRow])
        #expect(cut.warnings.last == "council.csv: … and 395 more spreadsheet error values read as missing")
    }
}

/// A header on two rows (issue 28, `TwoTierHeader`).
@Suite("a header's second row completes the first")
struct TwoTierHeaderTests {
    @Test("a CSV export: the group label in its first cell only, the group's columns below it")
    func csvExport() throws {
        let text = "Authority,Service,Total cost,People supported,Client group,,Job outcomes,,\n"
            + ",,,,LD,MH,Gained,Retained,Self-employed\nLeeds,Job Club,100,10,6,3,2,1,0\n"
        let file = try FileIngest.ingest(Array(text.utf8), name: "two.csv", missingWords: MissingValueWords([]))
        let row = try #require(file.accepted.first?.serviceReturn)
        #expect(row.counts[.clientsLD] == 6 && row.counts[.clientsMH] == 3)
        #expect(row.counts[.outcomesGained] == 2 && row.counts[.outcomesRetained] == 1 && row.counts[.outcomesSelfEmployed] == 0)
        #expect(file.summary.rowsRead == 1 && file.rejected.isEmpty)
        #expect(file.accepted.first?.serviceReturn.source.line == 3)
    }

    @Test("a first data row that is all text is not taken for a second tier")
    func textRowIsData() throws {
        let text = "authority,service,total_cost,people_supported,outcomes_total,region\nLeeds,Job Club,n/a,n/a,n/a,North\n"
        let file = try FileIngest.ingest(Array(text.utf8), name: "one.csv", missingWords: MissingValueWords(["n/a"]))
        #expect(file.summary.rowsRead == 1)
        #expect(file.rejected.first?.rule == .requiredMissing)
    }

    @Test("a header with no row below it is still the header")
    func headerOnly() throws {
        let text = "authority,service,total_cost,people_supported,outcomes_total\n"
        let file = try FileIngest.ingest(Array(text.utf8), name: "empty.csv", missingWords: MissingValueWords([]))
        #expect(file.summary.rowsRead == 0)
    }
}

/// A merged authority cell exported to CSV keeps its value on its first row only (issue 28).
@Suite("an empty authority or service names the row's other name and merged cells")
struct MergedNameMessageTests {
    @Test("the authority's message names the service and mentions merged cells")
    func authorityMessage() throws {
        let text = "authority,service,total_cost,people_supported,outcomes_total\nLeeds,Job Club,100,10,2\n,Work Route,100,10,2\n"
        let file = try FileIngest.ingest(Array(text.utf8), name: "merged.csv", missingWords: MissingValueWords([]))
        let reject = try #require(file.rejected.first)
        #expect(reject.rule == .requiredMissing && reject.column == .authority)
        #expect(reject.message == "`authority` (column 1) is required but is empty; fill it in or remove the row (the row of service "
            + "\"Work Route\"; if the authority is a merged cell spanning several services, type it on every row: a merged "
            + "cell's value is stored on its first row only)")
    }
}
