import Foundation
import VFMTestSupport
import Workbook

/// `Fixtures/workbooks/<relative>`, written by `Fixtures/workbooks/make_workbooks.py`.
func workbookPath(_ relative: String) -> String { FixturePaths.fixture("workbooks/" + relative).path }

/// Every row of `sheet` (by name), read in full.
func rows(of path: String, sheet name: String, limits: WorkbookLimits = .standard) throws -> [WorkbookRow] {
    let workbook = try Workbook(path: path, limits: limits)
    guard let sheet = workbook.sheet(named: name) else { return [] }
    var rows: [WorkbookRow] = []
    try workbook.forEachRow(of: sheet) { rows.append($0); return true }
    return rows
}
