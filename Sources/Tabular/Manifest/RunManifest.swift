import VFMCore

/// `manifest.json` (SPEC §7): the tool version, the pipeline definition (path + SHA-256),
/// every input with its row accounting, and the SHA-256 of every other file of the run.
/// The one model of the manifest: the report stage writes it, `vfm run` reads it to skip
/// an unchanged run, `vfm-diff` reads it for provenance.
public struct RunManifest: Sendable, Equatable {
    public struct Tool: Sendable, Equatable {
        public var name: String
        public var version: String

        public init(name: String = "vfm", version: String = ToolVersion.current) {
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

        public init(path: String, sha256: String, bytes: Int, rowsRead: Int, rowsAccepted: Int, rowsRejected: Int) {
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
            self.rowsRead = rowsRead
            self.rowsAccepted = rowsAccepted
            self.rowsRejected = rowsRejected
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

    public init(tool: Tool = Tool(), pipeline: Pipeline, inputs: [Input], outputs: [Output]) {
        self.tool = tool
        self.pipeline = pipeline
        self.inputs = inputs.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.outputs = outputs.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The deterministic JSON text (keys sorted, two-space indent, LF, final newline).
    public var rendered: String { json.rendered }

    var json: DeterministicJSON {
        .object([
            "inputs": .array(inputs.map { input in
                .object([
                    "path": .string(input.path), "sha256": .string(input.sha256), "bytes": .integer(input.bytes),
                    "rows_read": .integer(input.rowsRead), "rows_accepted": .integer(input.rowsAccepted),
                    "rows_rejected": .integer(input.rowsRejected),
                ])
            }),
            "outputs": .array(outputs.map { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) }),
            "pipeline": .object(["path": .string(pipeline.path), "sha256": .string(pipeline.sha256)]),
            "tool": .object(["name": .string(tool.name), "version": .string(tool.version)]),
        ])
    }
}
