import Foundation
import Returns
import VFMCore

/// Per-input-file provenance and row accounting, as the ingest and clean stages record
/// it in `ingest/inputs.json` and `clean/inputs.json`
/// (`{"files":[{"bytes","encoding","path","rows_accepted","rows_read","rows_rejected","sha256"}],"warnings":[…]}`).
public struct RunInputs: Sendable, Equatable {
    public var files: [InputFileSummary]
    public var warnings: [String]
    /// `--sheet` as given to the run (`sheet_option` in ingest/inputs.json), if it was.
    public var sheetOption: String? = nil

    /// The summary at `relativePath`, or `nil` when the stage did not write it.
    public static func readIfPresent(runDirectory: String, relativePath: String) throws(VFMError) -> RunInputs? {
        let path = (runDirectory as NSString).appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes = try FileSystem.readBytes(path, displayName: relativePath)
        return try parse(bytes, file: relativePath)
    }

    static func parse(_ bytes: [UInt8], file: String) throws(VFMError) -> RunInputs {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch {
            throw VFMError(.dataError, "not an inputs summary written by vfm (\(error))", file: file,
                           hint: "this file is written by an earlier stage; run that stage again")
        }
        let files = document.files.map {
            InputFileSummary(path: $0.path, sha256: $0.sha256 ?? "", bytes: $0.bytes ?? 0, rowsRead: $0.rowsRead,
                             rowsAccepted: $0.rowsAccepted, rowsRejected: $0.rowsRejected, encoding: $0.encoding ?? "",
                             preambleRows: $0.preambleRows ?? 0, sheet: $0.sheet)
        }
        var inputs = RunInputs(files: files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) },
                               warnings: document.warnings ?? [])
        inputs.sheetOption = document.sheetOption
        return inputs
    }

    /// Provenance from ingest (hash, bytes) with the row accounting after cleaning
    /// (clean rejects more rows), per file; whichever exists when only one does.
    static func merged(ingest: RunInputs?, clean: RunInputs?) -> RunInputs? {
        guard var ingest else { return clean }
        guard let clean else { return ingest }
        let sheetOption = ingest.sheetOption
        let cleanByPath = Dictionary(clean.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let files = ingest.files.map { file -> InputFileSummary in
            guard let after = cleanByPath[file.path] else { return file }
            var merged = file
            merged.rowsRead = after.rowsRead
            merged.rowsAccepted = after.rowsAccepted
            merged.rowsRejected = after.rowsRejected
            return merged
        }
        var warnings = ingest.warnings
        for warning in clean.warnings where !warnings.contains(warning) { warnings.append(warning) }
        var merged = RunInputs(files: files, warnings: warnings)
        merged.sheetOption = sheetOption
        return merged
    }

    private struct Document: Decodable {
        var files: [File]
        var warnings: [String]?
        var sheetOption: String?

        enum CodingKeys: String, CodingKey {
            case files, warnings
            case sheetOption = "sheet_option"
        }
    }

    private struct File: Decodable {
        var bytes: Int?
        var encoding: String?
        var path: String
        var rowsAccepted: Int
        var rowsRead: Int
        var rowsRejected: Int
        var sha256: String?
        var preambleRows: Int?
        var sheet: String?

        enum CodingKeys: String, CodingKey {
            case bytes, encoding, path, sha256, sheet
            case preambleRows = "preamble_rows"
            case rowsAccepted = "rows_accepted"
            case rowsRead = "rows_read"
            case rowsRejected = "rows_rejected"
        }
    }
}
