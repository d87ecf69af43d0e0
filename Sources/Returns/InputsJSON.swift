import Tabular
import Foundation
import VFMCore

/// `ingest/inputs.json`: the per-file accounting and the warnings, as deterministic JSON
/// (keys sorted, two-space indent, LF, UTF-8, no escaped slashes):
/// `{"files":[{"bytes":…,"encoding":…,"path":…,"preamble_rows":…,"rows_accepted":…,"rows_read":…,"rows_rejected":…,"sha256":…,"sheet":…}],"warnings":[…]}`
/// (`sheet`: the worksheet read, `null` for CSV).
/// Written by hand rather than by `JSONEncoder` so the bytes do not depend on a Foundation version.
public enum InputsJSON {
    /// `summary.sheetOption` (`--sheet`), when given, is written as a top-level `sheet_option`.
    public static func render(_ summary: InputsSummary) -> String {
        let files = summary.files, warnings = summary.warnings
        var text = "{\n  \"files\": ["
        for (index, file) in files.enumerated() {
            text += index == 0 ? "\n" : ",\n"
            var members: [(String, String)] = [
                ("bytes", String(file.bytes)),
                ("encoding", quoted(file.encoding)),
                ("path", quoted(file.path)),
                ("preamble_rows", String(file.preambleRows)),
                ("rows_accepted", String(file.rowsAccepted)),
                ("rows_read", String(file.rowsRead)),
                ("rows_rejected", String(file.rowsRejected)),
                ("sha256", quoted(file.sha256)),
                ("sheet", file.sheet.map(quoted) ?? "null"),
            ]
            // Only when there were notes, so a file without any reads as before (issue 28).
            if file.noteRows > 0 { members.insert(("note_rows", String(file.noteRows)), at: 2) }
            text += "    {\n" + members.map { "      \(quoted($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n    }"
        }
        text += files.isEmpty ? "],\n" : "\n  ],\n"
        if let periodOption = summary.periodOption { text += "  \"period_option\": \(quoted(periodOption)),\n" }
        if let previousRun = summary.previousRun { text += "  \"previous_run\": \(quoted(previousRun)),\n" }
        if let sheetOption = summary.sheetOption { text += "  \"sheet_option\": \(quoted(sheetOption)),\n" }
        text += "  \"warnings\": ["
        text += warnings.isEmpty ? "]" : "\n" + warnings.map { "    " + quoted($0) }.joined(separator: ",\n") + "\n  ]"
        return text + "\n}\n"
    }

    static func quoted(_ text: String) -> String { JSONText.quoted(text) }

    private struct Document: Decodable {
        var files: [File]
        var sheetOption: String?
        var periodOption: String?
        var previousRun: String?
        var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case files, warnings
            case sheetOption = "sheet_option"
            case periodOption = "period_option"
            case previousRun = "previous_run"
        }
    }

    private struct File: Decodable {
        var bytes: Int
        var encoding: String
        var path: String
        var preambleRows: Int?
        var noteRows: Int?
        var sheet: String?
        var rowsAccepted: Int
        var rowsRead: Int
        var rowsRejected: Int
        var sha256: String

        enum CodingKeys: String, CodingKey {
            case bytes, encoding, path, sha256, sheet
            case preambleRows = "preamble_rows"
            case noteRows = "note_rows"
            case rowsAccepted = "rows_accepted"
            case rowsRead = "rows_read"
            case rowsRejected = "rows_rejected"
        }
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(VFMError) -> InputsSummary {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch {
            throw VFMError(.dataError, "not the inputs summary ingest writes (\(error))", file: file,
                           hint: "this file is written by vfm-ingest; run the ingest stage again to rewrite it")
        }
        let files = document.files.map {
            var file = InputFileSummary(path: $0.path, sha256: $0.sha256, bytes: $0.bytes, rowsRead: $0.rowsRead,
                                        rowsAccepted: $0.rowsAccepted, rowsRejected: $0.rowsRejected, encoding: $0.encoding,
                                        preambleRows: $0.preambleRows ?? 0, sheet: $0.sheet)
            file.noteRows = $0.noteRows ?? 0
            return file
        }
        var summary = InputsSummary(files: files, warnings: document.warnings, sheetOption: document.sheetOption)
        summary.periodOption = document.periodOption
        summary.previousRun = document.previousRun
        return summary
    }
}
