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

    public init(services: [CleanedService], rejected: [RejectedRow], files: [InputFileSummary], warnings: [String]) {
        self.services = services
        self.rejected = rejected
        self.files = files
        self.warnings = warnings
    }

    /// The services that are current returns (SPEC §11), the only ones any §6 table
    /// describes: `services` itself, not a copy, when every one is (a run of one period).
    public var currentServices: [CleanedService] {
        services.allSatisfy(\.isCurrent) ? services : services.filter(\.isCurrent)
    }
}
