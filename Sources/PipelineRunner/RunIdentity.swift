import Foundation
import RunFiles
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
        if let order = ByteOrder.compare(lhs.path, rhs.path) { return order }
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
    /// `--sheet NAME` for `.xlsx` inputs, when given on the command line.
    public var sheetOption: String? = nil
    /// `--period LABEL` (SPEC §11), when given on the command line.
    public var periodOption: String? = nil
    /// `--previous RUN_DIR` (SPEC §11): the SHA-256 of that run's manifest.
    public var previousRun: String? = nil
    /// `--reference FILE` (SPEC §12): its name and SHA-256.
    public var reference: InputFingerprint? = nil

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

/// The skip-when-unchanged decision (SPEC §3), and why a run is needed when it is.
public enum UpToDateCheck {
    /// What the run published at `destination` means for a run with `identity`: up to
    /// date (its counts, for `--fail-on`), or the reasons to run.
    ///
    /// Only reads. The outputs' hashes are checked as well — a read of the outputs, far
    /// less than a run — so that a hand-edited or damaged report is regenerated, not kept.
    /// Safe against a concurrent writer even without the lock: a run is published by one
    /// atomic rename, and an output that changes under us fails its hash, which only makes
    /// the answer "run".
    public static func decide(at destination: RunDestination, for identity: RunIdentity) -> RunDecision {
        let manifestPath = destination.file(RunLayout.manifest)
        guard FileManager.default.fileExists(atPath: destination.path) else {
            return .run([.noPreviousRun])
        }
        guard let manifest = try? RunManifest.read(runDirectory: destination.path) else {
            let exists = FileManager.default.fileExists(atPath: manifestPath)
            return .run([exists ? .unreadableManifest : .noPreviousRun])
        }
        var reasons: [RerunReason] = []
        if manifest.tool.name != ToolVersion.name || manifest.tool.version != identity.toolVersion {
            reasons.append(.toolVersion(was: manifest.tool.version, now: identity.toolVersion))
        }
        if manifest.pipeline.path != identity.pipelinePath || manifest.pipeline.sha256 != identity.pipelineSHA256 {
            reasons.append(.pipeline(was: manifest.pipeline.path, now: identity.pipelinePath,
                                     edited: manifest.pipeline.path == identity.pipelinePath))
        }
        let recorded = Dictionary(manifest.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let current = Dictionary(identity.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let byName: (String, String) -> Bool = { ByteOrder.precedes($0, $1) }
        let changed = current.filter { entry in recorded[entry.key].map { $0 != entry.value } ?? false }.keys.sorted(by: byName)
        let added = current.keys.filter { recorded[$0] == nil }.sorted(by: byName)
        let removed = recorded.keys.filter { current[$0] == nil }.sorted(by: byName)
        if !changed.isEmpty { reasons.append(.inputsChanged(changed)) }
        if !added.isEmpty { reasons.append(.inputsAdded(added)) }
        if !removed.isEmpty { reasons.append(.inputsRemoved(removed)) }
        if manifest.sheetOption != identity.sheetOption {
            reasons.append(.sheetOption(was: manifest.sheetOption, now: identity.sheetOption))
        }
        if manifest.periodOption != identity.periodOption {
            reasons.append(.periodOption(was: manifest.periodOption, now: identity.periodOption))
        }
        if manifest.previousRun != identity.previousRun {
            reasons.append(.previousRun(was: manifest.previousRun, now: identity.previousRun))
        }
        if manifest.reference?.path != identity.reference?.path || manifest.reference?.sha256 != identity.reference?.sha256 {
            reasons.append(.reference(was: manifest.reference?.sha256, now: identity.reference?.sha256))
        }
        if !reasons.isEmpty { return .run(reasons) }
        // clean/flags.csv is counted while it is hashed: one read, no table of strings.
        var flagLines = OwnCSVRecordCounter()
        for output in manifest.outputs {
            let counting = output.path == RunLayout.cleanFlags
            let digest = try? FileSystem.sha256(of: destination.file(output.path)) { chunk in
                if counting { flagLines.feed(chunk) }
            }
            guard let sha256 = digest else { return .run([.outputMissing(output.path)]) }
            guard sha256 == output.sha256 else { return .run([.outputEdited(output.path)]) }
        }
        if let added = PreviousRun.unlisted(in: destination.path, by: manifest).first {
            return .run([.outputAdded(added)])
        }
        let rejected = manifest.inputs.reduce(0) { $0 + $1.rowsRejected }
        return .upToDate(PublishedCounts(rowsRejected: rejected, flags: max(flagLines.records - 1, 0)))
    }

    /// The counts of the run published at `destination` if it has exactly `identity` and
    /// its files are still those its manifest lists, else `nil`.
    public static func publishedRun(at destination: RunDestination, matching identity: RunIdentity) -> PublishedCounts? {
        if case .upToDate(let counts) = decide(at: destination, for: identity) { return counts }
        return nil
    }
}

/// Counts the records of a CSV file as this project writes it (LF line ends, RFC 4180
/// quoting, no blank lines), fed in chunks: a record ends at an LF outside quotes. Only
/// for files whose SHA-256 matched the manifest, i.e. exactly as vfm wrote them; for those
/// it gives the count `CSVRecordParser` would, without making a `String` of any cell.
struct OwnCSVRecordCounter {
    private var inQuotes = false
    private var lineHasContent = false
    private var complete = 0

    /// Records seen so far, a last one without its final LF included.
    var records: Int { complete + (lineHasContent ? 1 : 0) }

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()  // a doubled quote toggles twice
                lineHasContent = true
            } else if byte == UInt8(ascii: "\n"), !inQuotes {
                if lineHasContent { complete += 1 }
                lineHasContent = false
            } else {
                lineHasContent = true
            }
        }
    }
}
