import Tabular
import VFMCore

/// Two runs compared (SPEC §3 `vfm-diff`): provenance, headline figures, correlations,
/// benchmark positions, services, flags and rejected rows. Provenance is shown but is not
/// itself a difference: two runs of the same data under different input file names, or
/// even different pipelines, that give the same results have no differences to review.
public struct RunComparison: Sendable {
    public var old: RunSnapshot
    public var new: RunSnapshot
    public var options: DiffOptions
    public var headline: [HeadlineComparison]
    public var correlations: CorrelationComparison
    public var benchmark: BenchmarkComparison
    public var services: ServiceComparison
    public var flags: FlagComparison
    public var rejects: RejectComparison

    public init(old: RunSnapshot, new: RunSnapshot, options: DiffOptions = DiffOptions()) {
        self.old = old
        self.new = new
        self.options = options
        headline = HeadlineTable.allCases.map { table in
            HeadlineComparison.compare(table, old: old.headline[table] ?? [], new: new.headline[table] ?? [],
                                       options: options)
        }
        correlations = CorrelationComparison.compare(old: old.correlations, new: new.correlations, options: options)
        benchmark = BenchmarkComparison.compare(old: old.benchmark, new: new.benchmark)
        services = ServiceComparison.compare(oldColumns: old.serviceColumns, old: old.services,
                                             newColumns: new.serviceColumns, new: new.services)
        flags = FlagComparison.compare(old: old.flags, new: new.flags)
        rejects = RejectComparison.compare(old: old.rejects, new: new.rejects)
    }

    /// False when the runs are identical within the tolerances (exit 0), true otherwise (exit 1).
    public var hasDifferences: Bool {
        headline.contains { $0.hasDifferences } || correlations.hasDifferences || benchmark.hasDifferences
            || services.hasDifferences || flags.hasDifferences || rejects.hasDifferences
    }

    /// The pipelines differ (by SHA-256): figures may differ for that reason alone.
    public var pipelinesDiffer: Bool { old.manifest.pipeline.sha256 != new.manifest.pipeline.sha256 }

    /// The tool versions differ: figures may differ for that reason alone.
    public var toolVersionsDiffer: Bool {
        old.manifest.tool != new.manifest.tool
    }
}

extension RunComparison {
    /// Reads both run directories and compares them: what `vfm-diff OLD_RUN NEW_RUN` does.
    /// Each run is named in the diff by the path as given.
    /// - Throws: `.noInput` (66) for a missing or unreadable run directory or file,
    ///   `.dataError` (65) for a malformed table, naming the file, line and column.
    public static func load(oldRunDirectory: String, newRunDirectory: String,
                            options: DiffOptions = DiffOptions()) throws(VFMError) -> RunComparison {
        let old = try RunSnapshot.load(runDirectory: oldRunDirectory)
        let new = try RunSnapshot.load(runDirectory: newRunDirectory)
        return RunComparison(old: old, new: new, options: options)
    }

    /// The diff as Markdown (`RunDiffReport`).
    public var markdown: String { RunDiffReport.markdown(self) }
}
