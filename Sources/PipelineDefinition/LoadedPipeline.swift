/// A pipeline definition together with where it came from, so that every run records
/// which analysis produced it (manifest `pipeline.path` and `pipeline.sha256`, SPEC §7).
public struct LoadedPipeline: Sendable {
    public var definition: PipelineDefinition
    /// How the file is named in outputs (never an absolute path of the machine).
    public var displayPath: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    /// The file's text, as read.
    public var text: String

    public init(definition: PipelineDefinition, displayPath: String, sha256: String, text: String) {
        self.definition = definition
        self.displayPath = displayPath
        self.sha256 = sha256
        self.text = text
    }
}
