/// What `vfm run` finds at its output before doing anything (SPEC §3).
public enum RunDecision: Sendable, Equatable {
    /// The published run is of these inputs, pipeline and version, with its files intact.
    case upToDate(PublishedCounts)
    /// A run is needed, for these reasons (never empty).
    case run([RerunReason])
}

/// Why a run is needed: what a cron log says, in one line, so that "why did last night's
/// run take an hour?" has an answer (SPEC §3; issue 12).
public enum RerunReason: Sendable, Equatable, CustomStringConvertible {
    case forced
    case noPreviousRun
    case unreadableManifest
    case toolVersion(was: String, now: String)
    case pipeline(was: String, now: String, edited: Bool)
    case inputsChanged([String])
    case inputsAdded([String])
    case inputsRemoved([String])
    case outputMissing(String)
    case outputEdited(String)
    /// A file in the published run that its manifest does not list (someone added it).
    case outputAdded(String)
    /// `--sheet` differs from the one the published run used.
    case sheetOption(was: String?, now: String?)
    /// `--period` differs from the one the published run used (SPEC §11).
    case periodOption(was: String?, now: String?)
    /// `--previous` names another run than before, or that run changed (SPEC §11).
    case previousRun(was: String?, now: String?)
    /// `--reference` (SPEC §12) was added, removed or names other contents.
    case reference(was: String?, now: String?)

    public var description: String {
        switch self {
        case .forced: return "--force"
        case .noPreviousRun: return "no previous run there"
        case .unreadableManifest: return "its manifest.json cannot be read"
        case .toolVersion(let was, let now): return "vfm version changed (\(was) -> \(now))"
        case .pipeline(let was, let now, let edited):
            return edited ? "the pipeline \(now) changed" : "another pipeline (\(was) -> \(now))"
        case .inputsChanged(let names): return "input changed: " + Self.list(names)
        case .inputsAdded(let names): return "input added: " + Self.list(names)
        case .inputsRemoved(let names): return "input removed: " + Self.list(names)
        case .outputMissing(let path): return "output \(path) is missing"
        case .outputEdited(let path): return "output \(path) was edited (its SHA-256 differs from the manifest)"
        case .outputAdded(let path): return "the output holds \(path), which the run did not write"
        case .sheetOption(let was, let now): return "--sheet changed (\(was ?? "none") -> \(now ?? "none"))"
        case .periodOption(let was, let now): return "--period changed (\(was ?? "none") -> \(now ?? "none"))"
        case .previousRun(let was, let now):
            if was == nil { return "--previous added" }
            if now == nil { return "--previous removed" }
            return "the previous run (--previous) changed: its manifest's SHA-256 is now \(now?.prefix(12) ?? "")…"
        case .reference(let was, let now):
            if was == nil { return "--reference added" }
            if now == nil { return "--reference removed" }
            return "the reference file (--reference) changed"
        }
    }

    /// Reasons joined for one log line.
    public static func line(_ reasons: [RerunReason]) -> String {
        reasons.map(\.description).joined(separator: "; ")
    }

    /// Up to five names, then how many more: the line stays one line for 10⁴ inputs.
    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(5).joined(separator: ", ")
        return names.count > 5 ? shown + " and \(names.count - 5) more" : shown
    }
}
