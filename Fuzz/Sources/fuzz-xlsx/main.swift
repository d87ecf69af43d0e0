import Foundation
import FuzzDriver
import Workbook

// The .xlsx reader (issue 15): the ZIP container, the workbook and shared-string parts and a
// streamed worksheet, on a file written to tmpfs — every sheet's rows are read to the end.
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-fuzz-xlsx-\(getpid())").path
try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let path = directory + "/return.xlsx"

FuzzDriver.run { bytes in
    try! Data(bytes).write(to: URL(fileURLWithPath: path))
    guard let workbook = try? Workbook(path: path) else { return }
    for sheet in workbook.sheets {
        _ = try? workbook.forEachRow(of: sheet) { _ in true }
    }
}
