import RunFiles
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
    /// Set when each run holds one period and they differ (last year's returns against
    /// this year's): services are then paired by authority and service.
    public var periodPairing: PeriodPairing?

    /// Compares two runs; the tables with a row per service are streamed from both run
    /// directories in step (`PerServiceTables`), holding only what the diff lists.
    /// - Throws: `.noInput` (66) for a table that has gone, `.dataError` (65) for a
    ///   malformed row (naming file, line and column), `.ioError` (74) for a failed read.
    public init(old: RunSnapshot, new: RunSnapshot, options: DiffOptions = DiffOptions()) throws(VFMError) {
        self.old = old
        self.new = new
        self.options = options
        guard old.hasServices == new.hasServices else {
            let kind = { (run: RunSnapshot) in run.hasServices ? "service returns" : "a spending survey" }
            throw VFMError(.usage, "cannot compare a run of \(kind(old)) with a run of \(kind(new))",
                           file: new.label, hint: "compare two runs of the same pipeline kind")
        }
        let tables = new.tables + old.tables.filter { !new.tables.contains($0) }
        headline = tables.map { table in
            HeadlineComparison.compare(table, old: old.headline[table], new: new.headline[table],
                                       options: options)
        }
        correlations = CorrelationComparison.compare(old: old.correlations, new: new.correlations, options: options)
        rejects = RejectComparison.compare(old: old.rejects, new: new.rejects)
        guard new.hasServices else {
            periodPairing = nil
            services = ServiceComparison(oldColumns: [], newColumns: [])
            flags = FlagComparison()
            benchmark = BenchmarkComparison()
            return
        }

        periodPairing = PeriodPairing(old: old, new: new)
        let pairing = periodPairing
        let side = { (run: String) in pairing.map { run == old.runDirectory ? $0.oldSide : $0.newSide } }
        let (oldRun, newRun) = (old.runDirectory, new.runDirectory)
        let columns = ServiceComparison.columns(oldColumns: old.serviceColumns, newColumns: new.serviceColumns)
        var services = ServiceComparison(oldColumns: old.serviceColumns, newColumns: new.serviceColumns)
        try PerServiceTables.compare(RunLayout.cleanServices, oldRun: oldRun, newRun: newRun,
                                     rows: { (run: String) throws(VFMError) in try PerServiceTables.services(run, pairing: side(run)) },
                                     start: { services = ServiceComparison(oldColumns: old.serviceColumns,
                                                                           newColumns: new.serviceColumns) }) {
            services.compareGroup(old: $0, new: $1, columns: columns, options: options)
        }
        self.services = services
        var flags = FlagComparison()
        try PerServiceTables.compare(RunLayout.cleanFlags, oldRun: oldRun, newRun: newRun,
                                     rows: { (run: String) throws(VFMError) in try PerServiceTables.flags(run, pairing: side(run)) }, start: { flags = FlagComparison() }) {
            flags.compareGroup(old: $0, new: $1)
        }
        flags.finish()
        self.flags = flags
        var benchmark = BenchmarkComparison()
        try PerServiceTables.compare(RunLayout.benchmark, oldRun: oldRun, newRun: newRun,
                                     rows: { (run: String) throws(VFMError) in try PerServiceTables.benchmark(run, pairing: side(run)) }, start: { benchmark = BenchmarkComparison() }) {
            benchmark.compareGroup(old: $0, new: $1)
        }
        benchmark.finish()
        self.benchmark = benchmark
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
        return try RunComparison(old: old, new: new, options: options)
    }

    /// The diff as Markdown (`RunDiffReport`).
    public var markdown: String { RunDiffReport.markdown(self) }
}

/// Two runs whose current periods differ (SPEC §11): last year's run against this year's,
/// whether or not this year's holds last year's returns as earlier ones. Each run's
/// current returns are paired by authority and service — a service is itself a year on —
/// instead of every service being listed once as removed and once as added; earlier
/// returns (`current = no`) are left out of the services, flags and benchmark compared.
public struct PeriodPairing: Sendable, Equatable {
    /// The old and the new run's current period.
    public var old: String
    public var new: String

    /// How the paired rows' period is shown: `2012/13 → 2013/14`.
    public var label: String { "\(old) → \(new)" }

    /// One run's side of the pairing: its current period, and the label its rows take.
    struct Side: Sendable {
        var current: String
        var label: String
    }

    var oldSide: Side { Side(current: old, label: label) }
    var newSide: Side { Side(current: new, label: label) }

    public init(old: String, new: String) {
        self.old = old
        self.new = new
    }

    init?(old: RunSnapshot, new: RunSnapshot) {
        guard let before = old.currentPeriod, let after = new.currentPeriod, before != after else { return nil }
        self.old = before
        self.new = after
    }
}
