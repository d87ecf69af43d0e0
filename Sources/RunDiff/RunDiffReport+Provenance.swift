import VFMCore
import RunFiles
import Tabular
extension RunDiffReport {
    /// Tool, pipeline and inputs of both runs (from their manifests), with a warning when
    /// pipelines or tool versions differ: the figures may differ for that reason alone.
    static func provenance(_ comparison: RunComparison) -> String {
        let old = comparison.old.manifest, new = comparison.new.manifest
        var run = MarkdownTable(["", "old", "new"])
        run.append(["tool", tool(old), tool(new)])
        run.append(["pipeline", pipeline(old), pipeline(new)])

        var inputs = MarkdownTable(["input", "old", "new", "status"])
        let oldByPath = Dictionary(old.inputs.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let newByPath = Dictionary(new.inputs.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let paths = Set(oldByPath.keys).union(newByPath.keys).sorted { ByteOrder.precedes($0, $1) }
        for path in paths {
            let before = oldByPath[path], after = newByPath[path]
            let status: String
            switch (before, after) {
            case (nil, _): status = "only in new run"
            case (_, nil): status = "only in old run"
            case (let before?, let after?): status = before.sha256 == after.sha256 ? "same" : "changed"
            }
            inputs.append([cell(path), input(before), input(after), status])
        }

        var text = "## Provenance\n\n" + run.text + "\n" + inputs.text
        if comparison.pipelinesDiffer {
            text += "\n> **Warning:** the runs used different pipeline definitions; figures may differ for that reason alone.\n"
        }
        if comparison.toolVersionsDiffer {
            text += "\n> **Warning:** the runs were made by different tool versions; figures may differ for that reason alone.\n"
        }
        return text
    }

    private static func tool(_ manifest: RunManifest) -> String {
        "\(cell(manifest.tool.name)) \(cell(manifest.tool.version))"
    }

    private static func pipeline(_ manifest: RunManifest) -> String {
        "\(cell(manifest.pipeline.path)) \(shortHash(manifest.pipeline.sha256))"
    }

    private static func input(_ input: RunManifest.Input?) -> String {
        guard let input else { return PeopleNumbers.missing }
        var text = shortHash(input.sha256)
        text += " · \(counted(input.rowsRead, "row", "rows")) read"
        text += ", \(PeopleNumbers.count(input.rowsAccepted)) accepted, \(PeopleNumbers.count(input.rowsRejected)) rejected"
        return text
    }

    /// The first 12 hex digits of a SHA-256, as git abbreviates: enough to tell inputs apart.
    static func shortHash(_ hash: String?) -> String {
        guard let hash, !hash.isEmpty else { return PeopleNumbers.missing }
        let hex = hash.filter { $0.isHexDigit }
        return "`" + String(hex.prefix(12)) + "`"
    }
}
