import Returns

/// What the clean stage hands on: services with derived measures and flags, every
/// rejected row (ingest's and its own), and per-file row accounting after cleaning.
public struct CleanResult: Sendable, Equatable {
    /// Accepted services in stable order (authority, service, period, source file, line).
    public var services: [CleanedService]
    /// Every rejected row, ingest's and clean's, in (source file, line) order.
    public var rejected: [RejectedRow]
    /// Per input file: rows read = accepted + rejected, counted after cleaning.
    public var files: [InputFileSummary]
    public var warnings: [String]
    /// `--period LABEL` (SPEC §11), when the run was given one: recorded in
    /// `clean/inputs.json` and the manifest, because the outputs depend on it.
    public var periodOption: String? = nil
    /// `--previous RUN_DIR` (SPEC §11): the SHA-256 of that run's manifest, recorded in
    /// `clean/inputs.json` and the manifest as `previous_run`.
    public var previousRun: String? = nil
    /// The previous run's services of earlier periods: they feed the period edits and
    /// tables only, and are not written to `clean/services.csv`.
    public var earlierReturns: [CleanedService] = []
    /// The period panel and edits of `services + earlierReturns`, as the clean stage worked
    /// them out; absent when read from the run directory.
    public var periodComparison = ReusedWork<PeriodComparison>()

    public init(services: [CleanedService], rejected: [RejectedRow], files: [InputFileSummary], warnings: [String]) {
        self.services = services
        self.rejected = rejected
        self.files = files
        self.warnings = warnings
    }

    /// Work one stage did that a later stage may reuse instead of doing it again. It is not
    /// part of the value: two results are equal whatever they carry, so a result read back
    /// from the run directory (which carries none) still equals the one that was written.
    public struct ReusedWork<Work: Sendable>: Sendable, Equatable {
        public var work: Work?

        public init() {}

        public static func == (_: Self, _: Self) -> Bool { true }
    }

    /// The services that are current returns (SPEC §11), the only ones any §6 table
    /// describes: `services` itself, not a copy, when every one is (a run of one period).
    public var currentServices: [CleanedService] {
        services.allSatisfy(\.isCurrent) ? services : services.filter(\.isCurrent)
    }
}
