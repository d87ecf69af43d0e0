import Foundation
import Testing
@testable import Workbook

/// `forEachRowReadingAhead` (issue 30): the worksheet read on a thread of its own gives the
/// caller exactly what `forEachRow` gives, stops when told, and fails the same way.
@Suite("a worksheet read ahead on another thread gives the same rows")
struct RowReadAheadTests {
    @Test("every sheet of every fixture: the same rows and notes", arguments: [
        "handwritten-inline.xlsx", "openpyxl-return.xlsx", "libreoffice-return.xlsx", "formulas-no-cache.xlsx",
        "sample-70-libreoffice.xlsx",
    ])
    func sameAsForEachRow(name: String) throws {
        let workbook = try Workbook(path: workbookPath(name))
        for sheet in workbook.sheets {
            var direct: [WorkbookRow] = [], ahead: [WorkbookRow] = []
            let directNotes = try workbook.forEachRow(of: sheet) { direct.append($0); return true }
            let aheadNotes = try workbook.forEachRowReadingAhead(of: sheet) { ahead.append($0); return true }
            #expect(ahead == direct, "\(name), sheet \(sheet.name)")
            #expect(aheadNotes == directNotes, "\(name), sheet \(sheet.name)")
        }
    }

    /// 2,000 rows: several batches (`RowChannel.batchRows`), more than the channel holds,
    /// so the reader waits for the caller.
    @Test("many batches, in order, with a slow caller")
    func manyBatches() throws {
        let path = try writtenWorkbook(rows: 2_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try Workbook(path: path)
        var numbers: [Int] = []
        try workbook.forEachRowReadingAhead(of: workbook.sheets[0]) { row in
            if row.number % 500 == 0 { usleep(20_000) }
            numbers.append(row.number)
            #expect(row.cells == [.text("row \(row.number)"), .text("\(row.number * 7)")])
            return true
        }
        #expect(numbers == Array(1 ... 2_000))
    }

    @Test("reading stops when the body says so, in the first batch or a later one", arguments: [3, 700])
    func stops(after count: Int) throws {
        let path = try writtenWorkbook(rows: 2_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try Workbook(path: path)
        var seen = 0
        try workbook.forEachRowReadingAhead(of: workbook.sheets[0]) { _ in seen += 1; return seen < count }
        #expect(seen == count)
        // The workbook can be read again afterwards (the reading thread has ended).
        var again = 0
        try workbook.forEachRowReadingAhead(of: workbook.sheets[0]) { _ in again += 1; return true }
        #expect(again == 2_000)
    }

    @Test("a part declaring 3 GiB fails as it does for forEachRow, with no row delivered")
    func failure() throws {
        let workbook = try Workbook(path: workbookPath("errors/bomb-declared.xlsx"))
        var rowsSeen = 0
        let error = #expect(throws: WorkbookError.self) {
            try workbook.forEachRowReadingAhead(of: workbook.sheets[1]) { _ in rowsSeen += 1; return true }
        }
        #expect(error?.kind == .partTooLarge)
        #expect(rowsSeen == 0)
    }

    /// A one-sheet workbook (`WorkbookWriter`) of `rows` rows, `row N` and N × 7 as text.
    private func writtenWorkbook(rows: Int) throws -> String {
        let sheet = WorkbookWriter.Sheet(name: "Return", rows: (1 ... rows).map { ["row \($0)", "\($0 * 7)"] })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("read-ahead-\(UUID().uuidString).xlsx").path
        try Data(WorkbookWriter.bytes([sheet])).write(to: URL(fileURLWithPath: path))
        return path
    }
}
