import PipelineDefinition
import Returns
import VFMCore

public enum FlagSeverity: String, Sendable, Hashable {
    case warning
    case info
}

/// A suspicious figure, kept but recorded in `clean/flags.csv` with a reason a
/// commissioner can act on (SPEC §5).
///
/// A flag keeps the few numbers its message needs (`FlagDetail`), not the message: a
/// million services raise about two million flags, and their text is built only when it
/// is written or read (issue 12).
public struct ServiceFlag: Sendable, Equatable {
    /// Metric or column concerned, if any (a `Metric`/`ReturnColumn` raw value, or as read).
    public var metric: String?
    @MissingAsNaN public var value: Double?
    @MissingAsNaN public var threshold: Double?
    /// What the message says beyond rule, value and threshold.
    var detail: FlagDetail
    /// Stable machine-readable rule id, e.g. `client-count-mismatch`, `outlier`.
    public var rule: FlagRule
    public var severity: FlagSeverity

    /// e.g. "client groups add up to 41 but people supported is 30 (off by 37%)".
    /// Setting it stores the text as given.
    public var message: String {
        get { detail.message(rule: rule, value: value, threshold: threshold) }
        set { detail = .text(newValue) }
    }

    public init(rule: FlagRule, metric: String?, value: Double?, threshold: Double?, severity: FlagSeverity,
                message: String) {
        self.init(rule: rule, metric: metric, value: value, threshold: threshold, severity: severity,
                  detail: .text(message))
    }

    init(rule: FlagRule, metric: String?, value: Double?, threshold: Double?, severity: FlagSeverity? = nil,
         detail: FlagDetail) {
        self.rule = rule
        self.metric = metric
        self.value = value
        self.threshold = threshold
        self.severity = severity ?? rule.severity
        self.detail = detail
    }

    /// Equal when every column of `clean/flags.csv` is: a flag read back from the file
    /// (its message as text) equals the flag that was written.
    public static func == (lhs: ServiceFlag, rhs: ServiceFlag) -> Bool {
        lhs.rule == rhs.rule && lhs.metric == rhs.metric && lhs.value == rhs.value
            && lhs.threshold == rhs.threshold && lhs.severity == rhs.severity && lhs.message == rhs.message
    }
}
