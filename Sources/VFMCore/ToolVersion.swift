/// The tool's version, recorded in every manifest: a run is redone when it changes,
/// because the same inputs may give different figures under a different version.
public enum ToolVersion {
    public static let current = "0.1.0"
    /// The tool's name in every manifest: a directory whose manifest names another tool is
    /// not a vfm run.
    public static let name = "vfm"
}
