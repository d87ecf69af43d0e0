import Foundation
import VFMCore

/// The parts of a published run's `manifest.json` (written by the report stage; format in
/// STAGES.md) that decide whether a new run would produce anything different.
struct RunManifest: Decodable {
    struct Input: Decodable {
        var path: String
        var sha256: String
        var rowsRejected: Int?

        enum CodingKeys: String, CodingKey {
            case path, sha256
            case rowsRejected = "rows_rejected"
        }
    }

    struct Output: Decodable {
        var path: String
        var sha256: String
    }

    struct Pipeline: Decodable {
        var path: String
        var sha256: String
    }

    struct Tool: Decodable {
        var name: String
        var version: String
    }

    var inputs: [Input]
    var outputs: [Output]
    var pipeline: Pipeline
    var tool: Tool
    /// `--sheet` given to the run, if any.
    var sheetOption: String?

    enum CodingKeys: String, CodingKey {
        case inputs, outputs, pipeline, tool
        case sheetOption = "sheet_option"
    }

    /// The manifest of the run published at `destination`, or `nil` when there is none or
    /// it cannot be read (then the run is simply redone).
    static func published(at destination: RunDestination) -> RunManifest? {
        guard let data = FileManager.default.contents(atPath: destination.file(RunLayout.manifest)) else { return nil }
        return try? JSONDecoder().decode(RunManifest.self, from: data)
    }
}
