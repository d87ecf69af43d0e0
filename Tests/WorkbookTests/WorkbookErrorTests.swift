import Foundation
import Testing
@testable import Workbook

/// Files that are not readable workbooks fail with a kind the caller can explain
/// (Fixtures/workbooks/errors/, written by make_workbooks.py).
@Suite("unreadable workbooks fail with the right kind")
struct WorkbookErrorTests {
    @Test("each error fixture", arguments: [
        ("legacy.xls", WorkbookError.Kind.legacyExcel),
        ("encrypted.xlsx", .encrypted),
        ("spreadsheet.ods", .openDocument),
        ("truncated.xlsx", .corruptArchive),
        ("not-a-workbook.xlsx", .notAWorkbook),
    ])
    func opening(name: String, kind: WorkbookError.Kind) {
        let error = #expect(throws: WorkbookError.self) { _ = try Workbook(path: workbookPath("errors/" + name)) }
        #expect(error?.kind == kind, "\(String(describing: error))")
    }

    @Test("a part declaring 3 GiB is refused before any byte is inflated")
    func declaredBomb() throws {
        let workbook = try Workbook(path: workbookPath("errors/bomb-declared.xlsx"))
        var rowsSeen = 0
        let error = #expect(throws: WorkbookError.self) {
            try workbook.forEachRow(of: workbook.sheets[1]) { _ in rowsSeen += 1; return true }
        }
        #expect(error?.kind == .partTooLarge)
        #expect(rowsSeen == 0)
    }

    @Test("a part whose declared size lies is stopped once its inflated bytes pass the limit")
    func lyingSize() throws {
        // Declared 100 bytes; the sheet inflates to several kilobytes. With a 2,000-byte
        // limit the declared size passes and the count while inflating must stop it.
        let limits = WorkbookLimits(sheetBytes: 2_000, sharedStringsBytes: 1 << 20, otherPartBytes: 1 << 20)
        let error = #expect(throws: WorkbookError.self) { _ = try rows(of: workbookPath("errors/lying-size.xlsx"), sheet: "Return", limits: limits) }
        #expect(error?.kind == .partTooLarge)
    }

    @Test("a damaged worksheet is malformed XML, reported with its part")
    func damagedSheet() throws {
        let error = #expect(throws: WorkbookError.self) { _ = try rows(of: workbookPath("errors/damaged-sheet.xlsx"), sheet: "Return") }
        #expect(error?.kind == .malformedPart)
        #expect(error?.message.contains("xl/worksheets/sheet2.xml") == true)
    }

    @Test("signatures", arguments: [
        ([0x50, 0x4B, 0x03, 0x04] as [UInt8], FileSignature.zip), ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], .ole2),
        ([0x50, 0x4B], .other), (Array("authority,".utf8), .other), ([], .other),
    ])
    func signatures(bytes: [UInt8], signature: FileSignature) {
        #expect(FileSignature.of(bytes) == signature)
    }
}
