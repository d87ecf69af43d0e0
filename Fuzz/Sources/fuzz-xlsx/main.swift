import Foundation
import FuzzDriver
import Workbook

// The .xlsx reader (issue 15): the ZIP container, the workbook and shared-string parts and a
// streamed worksheet, on a file written to tmpfs — every sheet's rows are read to the end,
// on the caller's thread (`forEachRow`) and read ahead on a thread of its own
// (`forEachRowReadingAhead`, what ingest uses, issue 30), which must give the same rows and
// end the same way.
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-fuzz-xlsx-\(getpid())").path
try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let path = directory + "/return.xlsx"

FuzzDriver.run { bytes in
    try! Data(bytes).write(to: URL(fileURLWithPath: path))
    guard let workbook = try? Workbook(path: path) else { return }
    for sheet in workbook.sheets {
        var direct = Rows(), ahead = Rows()
        let directEnd = end { () throws(WorkbookError) -> Workbook.SheetNotes in try workbook.forEachRow(of: sheet) { direct.add($0); return true } }
        let aheadEnd = end { () throws(WorkbookError) -> Workbook.SheetNotes in try workbook.forEachRowReadingAhead(of: sheet) { ahead.add($0); return true } }
        precondition(direct == ahead && directEnd == aheadEnd, "read ahead differs from forEachRow")
    }
}

/// How reading a sheet ended: its notes, or the kind of its failure.
enum End: Equatable {
    case read(Workbook.SheetNotes)
    case failed(WorkbookError.Kind)
}

func end(_ read: () throws(WorkbookError) -> Workbook.SheetNotes) -> End {
    do { return .read(try read()) } catch { return .failed(error.kind) }
}

/// The rows read, compared without holding them all (a small input can inflate to
/// millions): the first thousand as read, then a count and a hash of every row.
struct Rows: Equatable {
    var first: [WorkbookRow] = []
    var count = 0
    var hash = 0

    mutating func add(_ row: WorkbookRow) {
        if first.count < 1_000 { first.append(row) }
        count += 1
        var hasher = Hasher()
        hasher.combine(row.number)
        for cell in row.cells {
            switch cell {
            case .empty: hasher.combine(0)
            case .text(let text): hasher.combine(1); hasher.combine(text)
            case .number(let value, let isPercent): hasher.combine(2); hasher.combine(value.bitPattern); hasher.combine(isPercent)
            case .bool(let value): hasher.combine(3); hasher.combine(value)
            }
        }
        hash = hash &* 31 &+ hasher.finalize()
    }
}
