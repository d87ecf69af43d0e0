import Foundation
import VFMCore

extension RunManifest {
    /// Reads the manifest of `runDirectory`; `displayName` names it in messages.
    /// - Throws: `.noInput` (66) when it is missing or unreadable; `.dataError` (65) naming
    ///   the key when it is not the manifest `render` writes.
    /// A manifest vfm writes is kilobytes (the sample's is 9 KB; 10⁶ services do not make it
    /// longer). A larger one is refused before it is read: a tampered manifest with a 200 MB
    /// string cost `vfm-diff` 3.7 GB to decode (issue 31).
    public static let sizeLimit = 16 << 20

    /// - Throws: also `.dataError` (65) when the file is larger than `sizeLimit`.
    public static func read(runDirectory: String, displayName: String = RunLayout.manifest) throws(VFMError) -> RunManifest {
        let path = (runDirectory as NSString).appendingPathComponent(RunLayout.manifest)
        var info = stat()
        if stat(path, &info) == 0, info.st_size > sizeLimit {
            throw VFMError(.dataError, "is larger than any manifest vfm writes (\(sizeLimit >> 20) MiB)", file: displayName,
                           hint: "the run directory was changed after it was published; run `vfm run --force` to regenerate it")
        }
        return try parse(try FileSystem.readBytes(path, displayName: displayName), file: displayName)
    }

    /// Parses manifest JSON; every key `rendered` always writes is required (`preamble_rows`,
    /// `sheet` and `sheet_option` are written only when they say something).
    public static func parse(_ bytes: [UInt8], file: String) throws(VFMError) -> RunManifest {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw VFMError(.dataError, "not a manifest written by vfm: \(describe(error))", file: file,
                           column: keyPath(of: error),
                           hint: "the run directory is damaged; run `vfm run --force` to regenerate it",
                           cause: VFMError.Cause(describing: error))
        } catch {
            throw VFMError(.dataError, "not a manifest written by vfm (\(error))", file: file,
                           hint: "the run directory is damaged; run `vfm run --force` to regenerate it")
        }
        var manifest = RunManifest(
            tool: Tool(name: document.tool.name, version: document.tool.version),
            pipeline: Pipeline(path: document.pipeline.path, sha256: document.pipeline.sha256),
            inputs: document.inputs.map {
                Input(path: $0.path, sha256: $0.sha256, bytes: $0.bytes, rowsRead: $0.rowsRead,
                      rowsAccepted: $0.rowsAccepted, rowsRejected: $0.rowsRejected,
                      preambleRows: $0.preambleRows ?? 0, sheet: $0.sheet)
            },
            outputs: document.outputs.map { Output(path: $0.path, sha256: $0.sha256) },
            sheetOption: document.sheetOption)
        manifest.periodOption = document.periodOption
        manifest.previousRun = document.previousRun
        manifest.reference = document.reference.map { Output(path: $0.path, sha256: $0.sha256) }
        return manifest
    }

    private static func keyPath(of error: DecodingError) -> String? {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: return nil
        }
        guard !path.isEmpty else { return nil }
        let joined = path.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        return String(joined.drop { $0 == "." })
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound: return "a key is missing"
        case .typeMismatch, .valueNotFound: return "a value has the wrong type"
        case .dataCorrupted: return "it is not valid JSON"
        @unknown default: return "it cannot be read"
        }
    }

    private struct Document: Decodable {
        struct Tool: Decodable { var name: String; var version: String }
        struct Pipeline: Decodable { var path: String; var sha256: String }
        struct Output: Decodable { var path: String; var sha256: String }
        struct Input: Decodable {
            var path: String
            var sha256: String
            var bytes: Int
            var rowsRead: Int
            var rowsAccepted: Int
            var rowsRejected: Int
            var preambleRows: Int?
            var sheet: String?

            enum CodingKeys: String, CodingKey {
                case path, sha256, bytes, sheet
                case preambleRows = "preamble_rows"
                case rowsRead = "rows_read"
                case rowsAccepted = "rows_accepted"
                case rowsRejected = "rows_rejected"
            }
        }

        var tool: Tool
        var pipeline: Pipeline
        var inputs: [Input]
        var outputs: [Output]
        var sheetOption: String?
        var periodOption: String?
        var previousRun: String?
        var reference: Output?

        enum CodingKeys: String, CodingKey {
            case tool, pipeline, inputs, outputs, reference
            case sheetOption = "sheet_option"
            case periodOption = "period_option"
            case previousRun = "previous_run"
        }
    }
}
