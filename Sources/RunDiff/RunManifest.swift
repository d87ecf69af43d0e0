import Foundation
import VFMCore

/// The provenance a run records in `manifest.json` (SPEC §7, STAGES.md): which tool
/// version, which pipeline definition and which input files produced it. Two runs whose
/// pipelines or tool versions differ can differ for that reason alone, so the diff
/// shows this first.
public struct RunManifest: Sendable, Equatable {
    public struct Input: Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var bytes: Int?
        public var rowsRead: Int?
        public var rowsAccepted: Int?
        public var rowsRejected: Int?
    }

    public var toolName: String?
    public var toolVersion: String?
    public var pipelinePath: String?
    public var pipelineSHA256: String?
    /// Sorted by path.
    public var inputs: [Input]

    /// Reads `manifest.json` of `runDirectory`.
    /// - Throws: `.noInput` when missing or unreadable, `.dataError` when it is not the
    ///   manifest JSON object of STAGES.md.
    static func read(runDirectory: String) throws(VFMError) -> RunManifest {
        let display = RunTable.displayPath(runDirectory, RunLayout.manifest)
        let bytes = try FileSystem.readBytes(runDirectory + "/" + RunLayout.manifest, displayName: display)
        let malformed = { (what: String) in
            VFMError(.dataError, what, file: display,
                     hint: "the run directory is damaged; re-run `vfm run` to regenerate it")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
              let root = object as? [String: Any] else {
            throw malformed("manifest is not a JSON object")
        }
        let tool = root["tool"] as? [String: Any]
        let pipeline = root["pipeline"] as? [String: Any]
        guard let inputObjects = root["inputs"] as? [[String: Any]] else {
            throw malformed("manifest has no `inputs` list")
        }
        var inputs: [Input] = []
        for entry in inputObjects {
            guard let path = entry["path"] as? String, let sha = entry["sha256"] as? String else {
                throw malformed("a manifest input has no `path` or `sha256`")
            }
            inputs.append(Input(path: path, sha256: sha, bytes: integer(entry["bytes"]),
                                rowsRead: integer(entry["rows_read"]), rowsAccepted: integer(entry["rows_accepted"]),
                                rowsRejected: integer(entry["rows_rejected"])))
        }
        inputs.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return RunManifest(toolName: tool?["name"] as? String, toolVersion: tool?["version"] as? String,
                           pipelinePath: pipeline?["path"] as? String, pipelineSHA256: pipeline?["sha256"] as? String,
                           inputs: inputs)
    }

    private static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        guard double.isFinite, double == double.rounded(), abs(double) < 1e15 else { return nil }
        return Int(double)
    }
}
