import VFMCore

/// Everything the report is rendered from, as the earlier stages left it in the run
/// directory. A table that was not produced is `nil`, and the report says so instead of
/// printing a figure that does not exist.
public struct RunData: Sendable {
    public var inputs: RunInputs?
    public var services: RunTable?
    public var rejected: RunTable?
    public var flags: RunTable?
    public var descriptives: RunTable?
    public var correlations: RunTable?
    public var outcomeMix: RunTable?
    public var supportLevels: RunTable?
    public var benchmark: RunTable?
    public var bands: RunTable?
    public var trendLines: RunTable?

    /// Reads every file of `RunLayout` that the report uses; absent files are `nil`.
    public static func read(runDirectory dir: String) throws(VFMError) -> RunData {
        func table(_ path: String) throws(VFMError) -> RunTable? {
            try RunTableReader.readIfPresent(runDirectory: dir, relativePath: path)
        }
        let ingest = try RunInputs.readIfPresent(runDirectory: dir, relativePath: RunLayout.ingestInputs)
        let clean = try RunInputs.readIfPresent(runDirectory: dir, relativePath: RunLayout.cleanInputs)
        return RunData(
            inputs: RunInputs.merged(ingest: ingest, clean: clean),
            services: try table(RunLayout.cleanServices),
            rejected: try table(RunLayout.cleanRejected) ?? (try table(RunLayout.ingestRejected)),
            flags: try table(RunLayout.cleanFlags),
            descriptives: try table(RunLayout.descriptives),
            correlations: try table(RunLayout.correlations),
            outcomeMix: try table(RunLayout.outcomeMix),
            supportLevels: try table(RunLayout.supportLevels),
            benchmark: try table(RunLayout.benchmark),
            bands: try table(RunLayout.bands),
            trendLines: try table(RunLayout.trendLines))
    }

    /// The descriptives row for `group` × `metric`, if the table has one.
    func descriptive(group: String, metric: String) -> RunTable.Row? {
        descriptives?.rows.first { $0.text("group") == group && $0.text("metric") == metric }
    }

    /// Groups in the order the analysis wrote them (which follows the pipeline).
    func groups(in table: RunTable?) -> [String] {
        var seen: [String] = []
        for row in table?.rows ?? [] {
            if let group = row.text("group"), !seen.contains(group) { seen.append(group) }
        }
        return seen
    }
}
