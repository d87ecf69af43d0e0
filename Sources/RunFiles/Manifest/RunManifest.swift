import Tabular
import VFMCore

/// `manifest.json` (SPEC §7): the tool version, the pipeline definition (path + SHA-256),
/// every input with its row accounting, and the SHA-256 of every other file of the run.
/// The one model of the manifest: the report stage writes it, `vfm run` reads it to skip
/// an unchanged run, `vfm-diff` reads it for provenance.
public struct RunManifest: Sendable, Equatable {
    public struct Tool: Sendable, Equatable {
        public var name: String
        public var version: String

        public init(name: String = ToolVersion.name, version: String = ToolVersion.current) {
            self.name = name
            self.version = version
        }
    }

    public struct Pipeline: Sendable, Equatable {
        /// As named in outputs (never an absolute path of the machine).
        public var path: String
        public var sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// One input file: rows read = rows accepted + rows rejected (after cleaning).
    public struct Input: Sendable, Equatable {
        /// Relative to its `--input` argument (a file given directly: its base name).
        public var path: String
        public var sha256: String
        public var bytes: Int
        public var rowsRead: Int
        public var rowsAccepted: Int
        public var rowsRejected: Int
        /// Rows skipped above the header (a title or notes, SPEC §4); written only when > 0.
        public var preambleRows: Int
        /// The worksheet read from a workbook; `nil` (not written) for CSV.
        public var sheet: String?

        public init(path: String, sha256: String, bytes: Int, rowsRead: Int, rowsAccepted: Int, rowsRejected: Int,
                    preambleRows: Int = 0, sheet: String? = nil) {
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
            self.rowsRead = rowsRead
            self.rowsAccepted = rowsAccepted
            self.rowsRejected = rowsRejected
            self.preambleRows = preambleRows
            self.sheet = sheet
        }
    }

    /// One file of the run directory other than the manifest itself.
    public struct Output: Sendable, Equatable {
        /// `/`-separated, relative to the run directory.
        public var path: String
        public var sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    public var tool: Tool
    public var pipeline: Pipeline
    /// Sorted by path (UTF-8 bytes).
    public var inputs: [Input]
    /// Sorted by path (UTF-8 bytes).
    public var outputs: [Output]
    /// `--sheet NAME` given to the run, if it was: part of what the outputs are a function
    /// of (the pipeline's `[input] sheet` is in its hash), so a run with another sheet is
    /// not skipped as up to date. Written as `sheet_option` only when present.
    public var sheetOption: String?
    /// `--period LABEL` given to the run (SPEC §11), likewise; written as `period_option`
    /// only when present.
    public var periodOption: String? = nil
    /// `--previous RUN_DIR` (SPEC §11): the SHA-256 of that run's manifest, written as
    /// `previous_run` only when present (never its path: outputs name no machine's paths).
    public var previousRun: String? = nil
    /// `--reference FILE` of a spending-survey run (SPEC §12): its name and SHA-256, part of
    /// what the outputs are a function of; written as `reference` only when present.
    public var reference: Output? = nil

    public init(tool: Tool = Tool(), pipeline: Pipeline, inputs: [Input], outputs: [Output], sheetOption: String? = nil) {
        self.tool = tool
        self.pipeline = pipeline
        self.sheetOption = sheetOption
        self.inputs = inputs.sorted { ByteOrder.precedes($0.path, $1.path) }
        self.outputs = outputs.sorted { ByteOrder.precedes($0.path, $1.path) }
    }

    /// The deterministic JSON text (keys sorted, two-space indent, LF, final newline).
    public var rendered: String { json.rendered }

    public var json: DeterministicJSON {
        var members: [String: DeterministicJSON] = [
            "inputs": .array(inputs.map { input in
                var members: [String: DeterministicJSON] = [
                    "path": .string(input.path), "sha256": .string(input.sha256), "bytes": .integer(input.bytes),
                    "rows_read": .integer(input.rowsRead), "rows_accepted": .integer(input.rowsAccepted),
                    "rows_rejected": .integer(input.rowsRejected),
                ]
                // Present only when they say something (SPEC §4).
                if input.preambleRows > 0 { members["preamble_rows"] = .integer(input.preambleRows) }
                if let sheet = input.sheet { members["sheet"] = .string(sheet) }
                return .object(members)
            }),
            "outputs": .array(outputs.map { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) }),
            "pipeline": .object(["path": .string(pipeline.path), "sha256": .string(pipeline.sha256)]),
            "tool": .object(["name": .string(tool.name), "version": .string(tool.version)]),
        ]
        if let sheetOption { members["sheet_option"] = .string(sheetOption) }
        if let periodOption { members["period_option"] = .string(periodOption) }
        if let previousRun { members["previous_run"] = .string(previousRun) }
        if let reference { members["reference"] = .object(["path": .string(reference.path), "sha256": .string(reference.sha256)]) }
        return .object(members)
    }
}
