import Foundation
import PipelineDefinition
import VFMCore

/// `manifest.json` (SPEC §7, STAGES.md): tool version, pipeline (path + SHA-256), every
/// input with its row accounting, and the SHA-256 of every other file of the run, so a
/// reader can prove which inputs and analysis produced a report, and the runner can skip
/// a run whose inputs, pipeline and version are unchanged.
enum RunManifest {
    /// The manifest text for `runDirectory` as it is now (call after every other file is written).
    static func render(runDirectory: String, inputs: RunInputs?, pipeline: LoadedPipeline) throws(VFMError) -> String {
        let inputEntries: [DeterministicJSON] = (inputs?.files ?? []).map { file in
            var members: [String: DeterministicJSON] = [
                "path": .string(file.path), "sha256": .string(file.sha256), "bytes": .integer(file.bytes),
                "rows_read": .integer(file.rowsRead), "rows_accepted": .integer(file.rowsAccepted),
                "rows_rejected": .integer(file.rowsRejected),
            ]
            // Present only when they say something (SPEC §4): rows skipped above the header,
            // and the worksheet read from a workbook.
            if file.preambleRows > 0 { members["preamble_rows"] = .integer(file.preambleRows) }
            if let sheet = file.sheet { members["sheet"] = .string(sheet) }
            return .object(members)
        }
        var outputEntries: [DeterministicJSON] = []
        for path in try outputFiles(in: runDirectory) {
            let bytes = try FileSystem.readBytes((runDirectory as NSString).appendingPathComponent(path), displayName: path)
            outputEntries.append(.object(["path": .string(path), "sha256": .string(SHA256.hexDigest(of: bytes))]))
        }
        var members: [String: DeterministicJSON] = [
            "inputs": .array(inputEntries),
            "outputs": .array(outputEntries),
            "pipeline": .object(["path": .string(pipeline.displayPath), "sha256": .string(pipeline.sha256)]),
            "tool": .object(["name": .string("vfm"), "version": .string(ToolVersion.current)]),
        ]
        // `--sheet` given to the run: part of what the outputs are a function of.
        if let sheetOption = inputs?.sheetOption { members["sheet_option"] = .string(sheetOption) }
        let document = DeterministicJSON.object(members)
        return document.rendered
    }

    /// Every regular file under `runDirectory` except `manifest.json` and hidden files
    /// (a lock or editor file is not an output), as `/`-separated relative paths sorted by
    /// their UTF-8 bytes.
    static func outputFiles(in runDirectory: String) throws(VFMError) -> [String] {
        let root = URL(fileURLWithPath: runDirectory)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else {
            throw VFMError(.noInput, "cannot list the run directory", file: runDirectory,
                           hint: "check that it exists and is readable")
        }
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(rootPath + "/") else { continue }
            let relative = String(full.dropFirst(rootPath.count + 1))
            if relative != RunLayout.manifest { paths.append(relative) }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
