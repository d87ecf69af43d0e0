import Foundation
import Testing
@testable import Workbook

/// Reading worksheets by stored cell type (ECMA-376 Part 1 §18.3.1.4, §18.18.11). The
/// expected cells are the values `make_workbooks.py` wrote, read off the script by hand.
@Suite("a workbook's cells are read by their stored type")
struct WorkbookReadingTests {
    @Test("a hand-written package: prefixed elements, inline strings, cells without r, gaps, booleans, formula results, errors")
    func handwritten() throws {
        let read = try rows(of: workbookPath("handwritten-inline.xlsx"), sheet: "Data")
        #expect(read.map(\.number) == [1, 2, 4, 5])
        #expect(read[0].cells.count == 8)
        #expect(read[1].cells == [
            .text("Kells Council"), .text("Kells & District <Works>"), .number(5000, isPercent: false),
            .number(25, isPercent: false), .number(5, isPercent: false), .text("Northern"), .bool(true), .text("#DIV/0!"),
        ])
        // Rich text runs concatenated; _x000D_ is a carriage return; 1.5E3 is 1500; G4 after a gap at F4.
        #expect(read[2].cells == [
            .text("Lorn Council"), .text("Lorn\rWorks"), .number(1500, isPercent: false), .number(10, isPercent: false),
            .number(2, isPercent: false), .empty, .bool(false),
        ])
        #expect(read[3].cells.isEmpty && read[3].isBlank)
    }

    @Test("openpyxl: sheets in workbook order, money as plain numbers, percent formats known")
    func openpyxl() throws {
        let workbook = try Workbook(path: workbookPath("openpyxl-return.xlsx"))
        #expect(workbook.sheets.map(\.name) == ["Notes", "Return"])
        let read = try rows(of: workbookPath("openpyxl-return.xlsx"), sheet: "Return")
        #expect(read.first?.cells == [.text("Employment support return — 2012/13")])
        let header = try #require(read.first { $0.number == 3 })
        #expect(header.cells.first == .text("authority"))
        let ambleford = try #require(read.first { $0.number == 5 })
        // "£1,730.50" stored as 1730.5 with a £ format; 73.72% stored as 0.7372 with "0.00%".
        #expect(ambleford.cells[4] == .number(1730.5, isPercent: false))
        #expect(ambleford.cells[6] == .number(0.7372, isPercent: true))
        #expect(ambleford.cells[7] == .number(0.1, isPercent: true))
        #expect(ambleford.cells[8] == .empty)
        #expect(ambleford.cells[16] == .bool(false))
    }

    @Test("LibreOffice: formulas are read by their saved results")
    func libreOfficeFormulas() throws {
        let read = try rows(of: workbookPath("libreoffice-return.xlsx"), sheet: "Return")
        let mon = try #require(read.first { $0.number == 4 })
        // total_cost was =262132+1000 and outcomes_total =SUM(L4:N4) = 30 + 20 + 2.
        #expect(mon.cells[4] == .number(263132, isPercent: false))
        #expect(mon.cells[14] == .number(52, isPercent: false))
    }

    @Test("a formula with no saved result reads as empty and is counted")
    func formulasWithoutResults() throws {
        let workbook = try Workbook(path: workbookPath("formulas-no-cache.xlsx"))
        let sheet = try #require(workbook.sheet(named: "return"))
        let notes = try workbook.forEachRow(of: sheet) { _ in true }
        // Nine rows have all three outcome types as numbers (make_workbooks.py: all but rows 6 and 10).
        #expect(notes.formulasWithoutValue == 9)
        #expect(notes.firstFormulaWithoutValue == "O4")
    }

    @Test("reading stops when the body says so")
    func stops() throws {
        let workbook = try Workbook(path: workbookPath("sample-70-libreoffice.xlsx"))
        var seen = 0
        try workbook.forEachRow(of: workbook.sheets[0]) { _ in seen += 1; return seen < 3 }
        #expect(seen == 3)
    }

    @Test("percent number formats", arguments: [
        ("0%", true), ("0.00%", true), ("#,##0.0%", true), ("\"£\"#,##0.00", false), ("[$£-809]#,##0", false),
        ("0\\%", false), ("\"%\"0", false), ("General", false), ("[Red]0%", true),
    ])
    func percentCodes(code: String, isPercent: Bool) {
        #expect(StylesPart.isPercentCode(code) == isPercent)
    }

    @Test("cell references to column indices", arguments: [
        ("A1", 0), ("Z9", 25), ("AA10", 26), ("XFD1048576", 16_383), ("$B$2", 1),
    ])
    func columns(reference: String, column: Int) {
        #expect(SheetReader.column(of: reference) == column)
        #expect(SheetReader.letters(column) == reference.filter { $0.isLetter })
    }

    @Test("malformed references are not columns", arguments: ["", "12", "A1B", "ABCD1", "A-1"])
    func badReferences(reference: String) {
        #expect(SheetReader.column(of: reference) == nil)
    }
}
