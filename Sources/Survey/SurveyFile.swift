import Returns
import Tabular
import VFMCore
import Workbook

/// Everything read from one survey file (SPEC §12): `.csv` (UTF-8 ± BOM or Windows-1252,
/// as §4) or `.xlsx` (the named sheet, else the first holding a header row), told apart by
/// its first bytes as the service returns are.
struct SurveyFile {
    var summary: InputFileSummary
    var responses: [SurveyResponse]
    var rejected: [RejectedRow]
    var spendColumns: [SpendColumn]
    var warnings: [String]

    static func read(_ file: InputFile, sheet: String?, missingWords: MissingValueWords,
                     totals: TotalsLabels) throws(VFMError) -> SurveyFile {
        let bytes = try FileSystem.readBytes(file.location, displayName: file.displayName)
        if FileSignature.of(Array(bytes.prefix(8))) != .other {
            return try readWorkbook(file, bytes: bytes, sheet: sheet, missingWords: missingWords, totals: totals)
        }
        let name = file.displayName
        let text: DecodedText
        do {
            text = try TextDecoding.decode(bytes)
        } catch {
            throw error.vfmError(file: name)
        }
        var table = SurveyTable(name: name, missingWords: missingWords, totals: totals, padsRows: false)
        var failure: VFMError?
        do throws(CSVStructureError) {
            try CSVRecordParser.forEachRecord(utf8: text.utf8) { record in
                guard failure == nil else { return }
                do throws(VFMError) {
                    try table.take(line: record.line, cells: record.cells.map(ReturnCell.text))
                } catch {
                    failure = error
                }
            }
        } catch {
            if case .unterminatedQuote(let line) = error {
                throw VFMError(.dataError, "a quoted cell opens on this line and never closes; it would swallow the rest "
                    + "of the file", file: name, line: line, hint: "add the closing quote (\") or remove the opening one, then run again")
            }
        }
        if let failure { throw failure }
        var warnings: [String] = []
        if text.looksMixed {
            warnings.append("\(name): decoded as Windows-1252, but it also holds UTF-8 sequences (such as `Â£`); "
                + "the file may mix two encodings — save it as CSV UTF-8")
        }
        let summary = InputFileSummary(path: name, sha256: ContentHash.hex(of: bytes), bytes: bytes.count,
                                       rowsRead: table.rowsRead, rowsAccepted: table.responses.count,
                                       rowsRejected: table.rejected.count, encoding: text.encoding.rawValue,
                                       preambleRows: table.preambleRows)
        return try finish(table, summary: summary, warnings: warnings, place: "")
    }

    private static func readWorkbook(_ file: InputFile, bytes: [UInt8], sheet requested: String?,
                                     missingWords: MissingValueWords, totals: TotalsLabels) throws(VFMError) -> SurveyFile {
        let name = file.displayName
        let workbook: Workbook
        do {
            workbook = try Workbook(path: file.path)
        } catch {
            throw WorkbookIngest.vfmError(error, file: name)
        }
        var candidates = workbook.sheets
        if let requested {
            guard let sheet = workbook.sheet(named: requested) else {
                throw VFMError(.dataError, "the workbook has no worksheet named `\(requested)`; its sheets are "
                    + workbook.sheets.map { "`\($0.name)`" }.joined(separator: ", "), file: name,
                    hint: "name one of those sheets with --sheet (or the pipeline's [input] sheet)")
            }
            candidates = [sheet]
        }
        for sheet in candidates {
            var table = SurveyTable(name: name, missingWords: missingWords, totals: totals, padsRows: true)
            var failure: VFMError?
            do {
                _ = try workbook.forEachRow(of: sheet) { row in
                    if row.isBlank { return true }
                    do throws(VFMError) {
                        try table.take(line: row.number, cells: row.cells)
                        return true
                    } catch {
                        failure = error
                        return false
                    }
                }
            } catch {
                throw WorkbookIngest.vfmError(error, file: name, sheet: sheet.name)
            }
            if let failure { throw failure }
            guard table.header != nil else { continue }
            let summary = InputFileSummary(path: name, sha256: ContentHash.hex(of: bytes), bytes: bytes.count,
                                           rowsRead: table.rowsRead, rowsAccepted: table.responses.count,
                                           rowsRejected: table.rejected.count, encoding: "xlsx",
                                           preambleRows: table.preambleRows, sheet: sheet.name)
            var warnings: [String] = []
            if table.cellsBeyondHeader {
                warnings.append("\(name) (sheet `\(sheet.name)`): a column with no header holds values; they are ignored "
                    + "— give the column a name to keep them")
            }
            return try finish(table, summary: summary, warnings: warnings, place: " (sheet `\(sheet.name)`)")
        }
        throw VFMError(.dataError, "no worksheet has a header row naming the `authority` column; the sheets are "
            + candidates.map { "`\($0.name)`" }.joined(separator: ", "), file: name,
            hint: "put the header row (Authority Name, then the questions) above the responses; or " + WorkbookIngest.saveAs)
    }

    private static func finish(_ table: SurveyTable, summary: InputFileSummary, warnings: [String],
                               place: String) throws(VFMError) -> SurveyFile {
        guard let header = table.header else {
            throw VFMError(.dataError, table.preambleRows == 0 ? "the file is empty: no header row"
                : "no header row: none of the \(table.preambleRows) rows names the `authority` column", file: table.name,
                line: 1, hint: "the header must name `authority` (or `Authority Name`, `Authority`, `Local authority`) and "
                    + "the questions; `vfm columns --config Pipelines/ndti-2014-survey.toml` lists every column and the wordings accepted")
        }
        var warnings = warnings + header.warnings
        if table.preambleRows > 0 {
            warnings.append("\(table.name)\(place): skipped \(table.preambleRows) row\(table.preambleRows == 1 ? "" : "s") "
                + "above the header on line \(header.line) (a title or notes); they are not responses")
        }
        return SurveyFile(summary: summary, responses: table.responses, rejected: table.rejected,
                          spendColumns: header.spendColumns, warnings: warnings)
    }
}
