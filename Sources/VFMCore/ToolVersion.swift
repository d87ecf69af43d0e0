/// The tool's version, recorded in every manifest: a run is redone when it changes,
/// because the same inputs may give different figures under a different version.
public enum ToolVersion {
    public static let current = "0.1.0"
}
