import Foundation
import Tabular
import VFMCore

/// One input file as the outputs name it, with the SHA-256 of its bytes.
public struct InputFingerprint: Sendable, Hashable, Comparable {
    /// Relative to its `--input` argument (a file given directly: its base name), as in
    /// the manifest and the `source` columns (SPEC §7).
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }

    public static func < (lhs: InputFingerprint, rhs: InputFingerprint) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        return lhs.sha256 < rhs.sha256
    }
}

/// Everything a run's outputs are a function of (SPEC §7 reproducibility): the inputs'
/// names and contents, the pipeline definition, and the tool version. Two runs with the
/// same identity give byte-identical outputs, so the second can be skipped.
public struct RunIdentity: Sendable, Equatable {
    /// Sorted by path.
    public var inputs: [InputFingerprint]
    public var pipelinePath: String
    public var pipelineSHA256: String
    public var toolVersion: String

    public init(inputs: [InputFingerprint], pipelinePath: String, pipelineSHA256: String,
                toolVersion: String = ToolVersion.current) {
        self.inputs = inputs.sorted()
        self.pipelinePath = pipelinePath
        self.pipelineSHA256 = pipelineSHA256
        self.toolVersion = toolVersion
    }
}

/// What the published run at a destination says about its rows, for `--fail-on` when the
/// run is skipped as up to date (a strict cron job keeps failing until the data is fixed).
public struct PublishedCounts: Sendable, Equatable {
    public var rowsRejected: Int
    public var flags: Int
}

/// The skip-when-unchanged decision (SPEC §3).
public enum UpToDateCheck {
    /// The counts of the run published at `destination` if it has exactly `identity` and
    /// its files are still those its manifest lists (same SHA-256s), else `nil`.
    ///
    /// Checking the outputs' hashes as well costs a read of the outputs — far less than a
    /// run — and means a hand-edited or damaged report is regenerated rather than kept.
    public static func publishedRun(at destination: RunDestination, matching identity: RunIdentity) -> PublishedCounts? {
        guard let manifest = try? RunManifest.read(runDirectory: destination.path),
              manifest.tool.name == "vfm", manifest.tool.version == identity.toolVersion,
              manifest.pipeline.path == identity.pipelinePath, manifest.pipeline.sha256 == identity.pipelineSHA256
        else { return nil }
        let recorded = manifest.inputs.map { InputFingerprint(path: $0.path, sha256: $0.sha256) }.sorted()
        guard recorded == identity.inputs else { return nil }
        for output in manifest.outputs {
            guard (try? FileSystem.sha256(of: destination.file(output.path))) == output.sha256 else { return nil }
        }
        let rejected = manifest.inputs.reduce(0) { $0 + $1.rowsRejected }
        return PublishedCounts(rowsRejected: rejected, flags: flagCount(at: destination))
    }

    /// Records in `clean/flags.csv` after its header.
    private static func flagCount(at destination: RunDestination) -> Int {
        guard let bytes = try? FileSystem.readBytes(destination.file(RunLayout.cleanFlags)),
              let records = try? CSVRecordParser.records(utf8: bytes)
        else { return 0 }
        return max(records.count - 1, 0)
    }
}
