/// A per-service figure the analysis can describe, correlate, band or screen for outliers.
/// Names are the column names of SPEC §4–5, so a pipeline file and the output tables
/// speak the same words.
public enum Metric: String, Sendable, Hashable, CaseIterable, Codable {
    case totalCost = "total_cost"
    case peopleSupported = "people_supported"
    case jobOutcomes = "job_outcomes"
    case outcomeRate = "outcome_rate"
    case costPerPerson = "cost_per_person"
    case costPerOutcome = "cost_per_outcome"
    case gainedShare = "gained_share"
    case retainedShare = "retained_share"
    case selfEmployedShare = "self_employed_share"
    case ldShare = "ld_share"
    case mhShare = "mh_share"
    case supportLevelIndex = "support_level_index"

    /// True for figures that cannot be negative, whose lower ±1 SD band is clamped at 0
    /// (the study printed £0 for cost per job outcome — Table 8).
    public var isNonNegative: Bool { true }

    /// True for money figures (£ in reports, log scale by default for outlier rules:
    /// costs are strongly right-skewed, £165 to £10,000 per person in the study).
    public var isMoney: Bool {
        switch self {
        case .totalCost, .costPerPerson, .costPerOutcome: return true
        default: return false
        }
    }

    /// True for fractions (shown as % in reports, written as fractions in tables).
    public var isRate: Bool {
        switch self {
        case .outcomeRate, .gainedShare, .retainedShare, .selfEmployedShare, .ldShare, .mhShare: return true
        default: return false
        }
    }
}
