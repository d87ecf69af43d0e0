/// What the ingest stage hands to the clean stage: typed accepted rows, rejected rows
/// with reasons, and per-file provenance. Written to `ingest/` in a run directory and
/// read back by `vfm-clean`, so the stages run by hand give the same bytes as `vfm run`.
public struct IngestResult: Sendable, Equatable {
    /// Accepted rows, in stable order (authority, service, period, source file, line).
    public var returns: [ServiceReturn]
    /// Rows rejected while reading, in (source file, line) order.
    public var rejected: [RejectedRow]
    /// One entry per input file, sorted by path.
    public var files: [InputFileSummary]
    /// Warnings for the log and report (e.g. a header that looks like a misspelling).
    public var warnings: [String]
    /// `--sheet NAME` as given on the command line (the pipeline's `[input] sheet` is part of
    /// the pipeline's hash); recorded so that a run with another `--sheet` is not skipped
    /// as up to date.
    public var sheetOption: String? = nil
    /// True when `returns` are known to be in `ServiceReturn.stableOrder`: ingest sorted
    /// them, or reading `ingest/returns.csv` checked them (a hand-edited file may not be).
    /// The clean stage then keeps their order instead of checking it again (issue 12).
    /// Not part of equality: it is what is known about `returns`, not what they are.
    package var returnsInStableOrder = false

    public init(returns: [ServiceReturn], rejected: [RejectedRow], files: [InputFileSummary], warnings: [String]) {
        self.returns = returns
        self.rejected = rejected
        self.files = files
        self.warnings = warnings
    }

    public static func == (lhs: IngestResult, rhs: IngestResult) -> Bool {
        lhs.returns == rhs.returns && lhs.rejected == rhs.rejected && lhs.files == rhs.files
            && lhs.warnings == rhs.warnings && lhs.sheetOption == rhs.sheetOption
    }
}
