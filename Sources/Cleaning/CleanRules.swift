/// Why the clean stage flags a service it keeps (SPEC §5): a figure worth checking with
/// the service, as the study did by phone. Each rule fills `metric`, `value` and
/// `threshold` of `ServiceFlag` as documented on the case.
public enum FlagRule: String, Sendable, CaseIterable {
    /// people_supported = 0: kept, every ratio over it missing.
    /// metric `people_supported`, value 0, no threshold.
    case peopleSupportedZero = "people-supported-zero"
    /// job_outcomes = 0 (the study had 2 such services): cost per job outcome is missing.
    /// metric `job_outcomes`, value 0, no threshold.
    case zeroOutcomes = "zero-outcomes"
    /// outcome_rate = 1: every person supported gained or kept a job.
    /// metric `outcome_rate`, value 1, threshold 1.
    case fullOutcomeRate = "outcome-rate-100"
    /// One or two of gained / retained / self-employed missing: no shares.
    /// metric `job_outcomes`, value = how many of the three are present, threshold 3.
    case partialOutcomeBreakdown = "partial-outcome-breakdown"
    /// outcomes_total differs from gained + retained + self-employed (all three present).
    /// metric `outcomes_total`, value = outcomes_total, threshold = the breakdown sum.
    case outcomesTotalMismatch = "outcomes-total-mismatch"
    /// The client-group counts present add up to a figure off people_supported by the
    /// tolerance or more. metric `clients_total`, value = |sum − people| / people
    /// (empty when people = 0), threshold = `count_mismatch_tolerance`.
    case clientCountMismatch = "client-count-mismatch"
    /// The support-level counts present, likewise. metric `support_total`.
    case supportCountMismatch = "support-count-mismatch"
    /// reported_cost_per_person off the derived cost per person by the tolerance or more.
    /// metric `cost_per_person`, value = |reported − derived| / derived,
    /// threshold = `reported_ratio_tolerance`. Compared only when both are present (the
    /// derived one is missing when people supported is 0); when the derived value is £0
    /// and the reported one is not, the flag has no value.
    case reportedCostPerPersonMismatch = "reported-cost-per-person-mismatch"
    /// reported_cost_per_outcome, likewise. metric `cost_per_outcome`.
    case reportedCostPerOutcomeMismatch = "reported-cost-per-outcome-mismatch"
    /// Another accepted row has the same (authority, service, period) (`keep-all` policy).
    /// No metric, value or threshold; the message names the other rows.
    case duplicate = "duplicate"
    /// Another accepted row has names equal to this one's once case, spaces, punctuation
    /// and `&`/`and` are folded (`Work & Skills` and `work and skills`), but not once only
    /// case and surrounding spaces are (issue 28, `NearDuplicateScreen`). Kept under every
    /// policy: it may be another service; a person decides. No metric, value or threshold.
    case possibleDuplicate = "possible-duplicate"
    /// An `evidence_based` label other than ips-fidelity / observed-good-practice / no:
    /// counted as not evidence-based. metric `evidence_based`, no value.
    case unrecognisedEvidenceLabel = "unrecognised-evidence-label"
    /// Breakdown cells given as percentages of their base (SPEC §4 proportions) and counted
    /// as that share: kept, possibly fractional counts. metric = the first such column,
    /// value = how many columns, no threshold.
    case proportionGiven = "proportion-given"
    /// Outside the outlier limits of a pipeline outlier rule. metric = the rule's metric,
    /// value = the service's value, threshold = the limit it crossed (both in the metric's
    /// own units, also on the log scale); the message gives the method and the score.
    case outlier = "outlier"
    /// A row with no place in time (no period, or a label that is not a year) of a service
    /// that has dated rows (SPEC §11): it enters nothing. metric `period`, no value.
    case periodMissing = "period-missing"
    /// Outside the Hidiroglou–Berthelot bounds between consecutive periods (SPEC §11), on
    /// the later row. metric = the edit variable, value = the ratio v_to / v_from,
    /// threshold = the bound crossed as a ratio at the service's size.
    case periodChange = "period-change"
    /// A `total_cost` ratio between 650 and 1,350 (or its inverse) between consecutive
    /// periods: £ one year and £ thousands the other (SPEC §11). metric `total_cost`,
    /// value = the ratio, threshold 1000.
    case periodThousands = "period-thousands"

    public var severity: FlagSeverity {
        switch self {
        case .zeroOutcomes, .partialOutcomeBreakdown, .proportionGiven: return .info
        default: return .warning
        }
    }
}
