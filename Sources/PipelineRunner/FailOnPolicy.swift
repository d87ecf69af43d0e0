import RunFiles
import VFMCore

/// `--fail-on rejects|flags`: for strict cron jobs, rows rejected (or flagged) make the run
/// exit 65 — after it is published, so the report explaining them is there to read
/// (SPEC §3). `flags` is the stricter: a rejected row also trips it.
public enum FailOnPolicy: String, Sendable, CaseIterable {
    case rejects
    case flags

    /// The error to exit with, or `nil` when the run passes.
    public func violation(rowsRejected: Int, flags: Int, output: String) -> VFMError? {
        switch self {
        case .rejects where rowsRejected > 0,
             .flags where rowsRejected > 0 || flags > 0:
            return VFMError(.dataError,
                            "--fail-on \(rawValue): \(rowsRejected) row\(rowsRejected == 1 ? "" : "s") rejected, \(flags) flag\(flags == 1 ? "" : "s") raised (the run was published)",
                            file: output,
                            hint: "see \(RunLayout.cleanRejected) and \(RunLayout.cleanFlags) there; fix the returns, or drop --fail-on")
        default:
            return nil
        }
    }
}
