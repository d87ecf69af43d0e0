// The rows of "what a budget buys" (SPEC §6.1, §7), one type per table; `nil` is an
// empty cell.

/// A group's pooled rate: what the scenarios of SPEC §6.1 and `vfm scenario` are computed
/// from, one row per group of `tables/value_for_money_basis.csv`.
///
/// Over the group's services with both total cost and job outcomes known (zero outcomes
/// included): n, S = Σ total_cost, J = Σ job_outcomes, q = J / S job outcomes per pound,
/// and SE(q) by the ratio estimator's linearisation (Cochran 1977, §6.3).
public struct ValueForMoneyBasis: Sendable, Equatable {
    public var group: String
    public var n: Int
    /// S; `nil` when the group has no such service.
    public var totalCost: Double?
    /// J; `nil` when the group has no such service.
    public var jobOutcomes: Double?
    /// q = J / S; `nil` unless S > 0.
    public var outcomesPerPound: Double?
    /// SE(q); `nil` unless n ≥ 2 and S > 0.
    public var standardError: Double?

    /// z of a two-sided 95% interval, Φ⁻¹(0.975) (SPEC §6.1).
    public static let z = 1.959963984540054

    public init(group: String, n: Int, totalCost: Double?, jobOutcomes: Double?, outcomesPerPound: Double?,
                standardError: Double?) {
        self.group = group
        self.n = n
        self.totalCost = totalCost
        self.jobOutcomes = jobOutcomes
        self.outcomesPerPound = outcomesPerPound
        self.standardError = standardError
    }

    /// The 95% interval of q, q ∓ z·SE(q), its lower end clamped at 0 (a budget cannot
    /// buy fewer than no outcomes); `nil` when SE is undefined.
    public var interval: (low: Double, high: Double)? {
        guard let q = outcomesPerPound, let se = standardError else { return nil }
        return (max(0, q - Self.z * se), q + Self.z * se)
    }

    /// S / J, the pooled cost of one job outcome; `nil` when J is 0 or unknown.
    public var pooledCostPerOutcome: Double? {
        guard let s = totalCost, let j = jobOutcomes, j > 0 else { return nil }
        return s / j
    }
}

/// One group of `tables/value_for_money.csv` (SPEC §6.1, §7).
public struct ValueForMoneyRow: Sendable, Equatable {
    public var group: String
    public var n: Int
    public var totalCost: Double?
    public var jobOutcomes: Double?
    /// S / J: the price of a job outcome when buying at the group's rate.
    public var pooledCostPerOutcome: Double?
    /// The study's figure for comparison: the mean of per-service costs per job outcome
    /// (the descriptives' mean of `cost_per_outcome`), which over-weights small services.
    public var meanCostPerOutcome: Double?
    /// 100,000 · q: job outcomes per £100,000.
    public var outcomesPer100k: Double?
    public var ciLow: Double?
    public var ciHigh: Double?

    public init(group: String, n: Int, totalCost: Double?, jobOutcomes: Double?, pooledCostPerOutcome: Double?,
                meanCostPerOutcome: Double?, outcomesPer100k: Double?, ciLow: Double?, ciHigh: Double?) {
        self.group = group
        self.n = n
        self.totalCost = totalCost
        self.jobOutcomes = jobOutcomes
        self.pooledCostPerOutcome = pooledCostPerOutcome
        self.meanCostPerOutcome = meanCostPerOutcome
        self.outcomesPer100k = outcomesPer100k
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }
}

/// One figure of `tables/scenarios.csv` (SPEC §6.1), in long form.
public struct ScenarioRow: Sendable, Equatable {
    public var scenario: String
    /// `budget`, `reallocation` or `alternative`.
    public var kind: String
    public var group: String
    public var quantity: ScenarioQuantity
    public var value: Double?
    public var ciLow: Double?
    public var ciHigh: Double?

    public init(scenario: String, kind: String, group: String, quantity: ScenarioQuantity, value: Double?,
                ciLow: Double?, ciHigh: Double?) {
        self.scenario = scenario
        self.kind = kind
        self.group = group
        self.quantity = quantity
        self.value = value
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }
}

/// What a scenario row measures (the `quantity` column).
public enum ScenarioQuantity: String, Sendable, Equatable, CaseIterable {
    /// Budget: years · amount · q.
    case jobOutcomes = "job_outcomes"
    /// Reallocation: the spend moved, share · S_not (or share · spend).
    case movedSpend = "moved_spend"
    /// Reallocation: moved · (q_eb − q_not); its interval is not clamped.
    case extraJobOutcomes = "extra_job_outcomes"
    /// Alternative: cost − S / J, what each job outcome saves against the alternative.
    case savingPerOutcome = "saving_per_outcome"
}
