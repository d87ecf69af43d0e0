import Tabular
import VFMCore
import Workbook

/// Reads a return from an `.xlsx` workbook (SPEC §4): the worksheet named by `--sheet` (or
/// the pipeline's `[input] sheet`), else the first worksheet holding a header row; cells by
/// their stored type; a row's `line` is its sheet row number. A row with no value in any
/// cell is skipped like a blank CSV line.
package enum WorkbookIngest {
    package static let saveAs = "open it in the spreadsheet and save it as .xlsx or CSV UTF-8 (Excel: File › Save As › Excel Workbook or CSV UTF-8), then run again"

    static func read(_ file: InputFile, sha256: String, size: Int, sheet requested: String?,
                     missingWords: MissingValueWords, totals: TotalsLabels = .standard) throws(VFMError) -> FileIngest {
        let name = file.displayName
        let workbook: Workbook
        do {
            workbook = try Workbook(path: file.path)
        } catch {
            throw vfmError(error, file: name)
        }
        var candidates = workbook.sheets
        if let requested {
            guard let sheet = workbook.sheet(named: requested) else {
                throw VFMError(.dataError, "the workbook has no worksheet named `\(requested)`; its sheets are "
                    + list(workbook.sheets), file: name, hint: "name one of those sheets with --sheet (or the pipeline's [input] sheet)")
            }
            candidates = [sheet]
        }
        var firstProblem: VFMError?
        for sheet in candidates {
            var table = ReturnTable(name: name, missingWords: missingWords, totals: totals, padsRows: true)
            let notes: Workbook.SheetNotes
            do {
                notes = try workbook.forEachRowReadingAhead(of: sheet) { row in
                    if row.isBlank { return true }
                    return table.take(line: row.number, cells: row.cells)
                }
            } catch {
                throw vfmError(error, file: name, sheet: sheet.name)
            }
            table.finishHeader()
            if var headerError = table.headerError {
                headerError.message += " (sheet `\(sheet.name)`)"
                throw headerError
            }
            guard let mapping = table.mapping else {
                if firstProblem == nil, table.firstRowError != nil { firstProblem = table.noHeaderError() }
                continue
            }
            var warnings: [String] = []
            if let preamble = table.preambleWarning(where: " (sheet `\(sheet.name)`)") { warnings.append(preamble) }
            if notes.formulasWithoutValue > 0 {
                warnings.append("\(name) (sheet `\(sheet.name)`): \(notes.formulasWithoutValue) formula cell"
                    + "\(notes.formulasWithoutValue == 1 ? " has" : "s have") no saved result (first: \(notes.firstFormulaWithoutValue ?? "?")) "
                    + "and read as empty — the program that wrote the workbook did not calculate it; open and save it in Excel or LibreOffice")
            }
            if notes.mergedCellsFilled > 0 {
                warnings.append("\(name) (sheet `\(sheet.name)`): \(notes.mergedCellsFilled) empty cell"
                    + "\(notes.mergedCellsFilled == 1 ? " was" : "s were") given the value of the merged cell covering "
                    + "\(notes.mergedCellsFilled == 1 ? "it" : "them") (first: \(notes.firstMergedCellFilled ?? "?")), as the "
                    + "spreadsheet shows them; nothing to do if each merged name belongs to every row it spans")
            }
            let summary = InputFileSummary(path: name, sha256: sha256, bytes: size,
                                           rowsRead: table.rowsRead, rowsAccepted: table.accepted.count,
                                           rowsRejected: table.rejected.count, encoding: "xlsx",
                                           preambleRows: table.preambleRows, sheet: sheet.name)
            return FileIngest.finish(table, mapping: mapping, summary: summary, warnings: warnings,
                                     hiddenColumns: notes.hiddenColumns)
        }
        var message = requested == nil
            ? "no worksheet has a header row naming every required column; the sheets are " + list(workbook.sheets)
            : "the worksheet `\(candidates[0].name)` has no header row naming every required column"
        if let firstProblem { message += "; the first row found: " + firstProblem.message }
        throw VFMError(.dataError, message, file: name,
                       hint: "put the header row (authority, service, total_cost, people_supported, outcomes…) above the returns"
                           + (requested == nil ? ", or name the sheet with --sheet" : "") + "; or " + saveAs)
    }

    private static func list(_ sheets: [WorkbookSheet]) -> String {
        sheets.map { "`\($0.name)`" }.joined(separator: ", ")
    }

    package static func vfmError(_ error: WorkbookError, file: String, sheet: String? = nil) -> VFMError {
        let place = sheet.map { " (sheet `\($0)`)" } ?? ""
        switch error.kind {
        case .legacyExcel, .encrypted, .openDocument, .notAWorkbook:
            let hint = error.kind == .encrypted
                ? "remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it) and " + saveAs
                : saveAs
            return VFMError(.dataError, error.message + place, file: file, hint: hint)
        case .scratchSpace:
            return VFMError(.ioError, error.message + place + (error.cause.isEmpty ? "" : " [\(error.cause)]"), file: file,
                            hint: "free space in the temporary directory (TMPDIR), or point TMPDIR at a disk with room, then run again")
        case .corruptArchive, .partTooLarge, .malformedPart, .noSheets, .noSuchSheet:
            let detail = error.cause.isEmpty ? "" : " [\(error.cause)]"
            return VFMError(.dataError, error.message + place + detail, file: file,
                            hint: "the workbook is damaged or not one a spreadsheet wrote; " + saveAs)
        }
    }
}
