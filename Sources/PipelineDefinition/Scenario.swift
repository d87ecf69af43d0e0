/// A "what does a budget buy" question asked of the returns (SPEC §6.1), written in the
/// pipeline file as a `[[scenarios]]` table and answered in `tables/scenarios.csv`.
///
/// Every scenario assumes that job outcomes scale with spend at a group's pooled rate
/// (outcomes per pound, the ratio of totals): these are services' returns, not a trial.
public struct Scenario: Sendable, Equatable {
    /// Names the scenario in `tables/scenarios.csv` and the report.
    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    public enum Kind: Sendable, Equatable {
        /// `amount` pounds a year for `years` years, at each group's rate: job outcomes
        /// = years · amount · q (seed 003: £195,974 a year, 1 and 9 years).
        case budget(amount: Double, years: Double, groups: [String])
        /// A share of the spend on services that are not evidence-based (their total in
        /// these returns, or an explicit `spend`) moved to services performing like the
        /// evidence-based ones: extra job outcomes = moved · (q_eb − q_not) (seed 004).
        case reallocation(share: Double, spend: Double?)
        /// An alternative's cost per person per year (e.g. a day-service place) against
        /// each group's pooled cost per job outcome: saving per outcome = cost − S/J
        /// (seed 000: £14,998 in North Lanarkshire, £11,200 in Kent).
        case alternative(cost: Double, groups: [String])
    }

    /// The kind's word in the pipeline file and in `tables/scenarios.csv`.
    public var kindName: String {
        switch kind {
        case .budget: return Self.budgetKind
        case .reallocation: return Self.reallocationKind
        case .alternative: return Self.alternativeKind
        }
    }

    public static let budgetKind = "budget"
    public static let reallocationKind = "reallocation"
    public static let alternativeKind = "alternative"

    /// Groups a budget or alternative scenario is priced at when the file names none:
    /// evidence-based services' rate, then all services' (the comparison of seed 003).
    public static let defaultGroups = ["evidence_based", "all"]
    /// The services a reallocation moves spend from: those not evidence-based. Not a
    /// pipeline group; computed beside them for scenarios and `vfm scenario`.
    public static let notEvidenceBasedGroup = "not_evidence_based"
    /// The group whose rate a reallocation moves spend to.
    public static let evidenceBasedGroup = "evidence_based"
}
