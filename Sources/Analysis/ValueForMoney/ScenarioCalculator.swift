import PipelineDefinition

/// The scenarios of SPEC §6.1 priced at groups' pooled rates. Used by the analyze stage
/// (`tables/scenarios.csv`) and by `vfm scenario` on a published run, from the same
/// basis rows, so both give the same figures to the bit.
///
/// Every figure assumes job outcomes scale in proportion to spend at the group's rate q
/// (job outcomes per pound); z = 1.959963984540054 for the 95% intervals.
public enum ScenarioCalculator {
    /// The rows of every scenario, in scenario order, then in the order of its groups.
    /// A group the basis lacks, or figures it cannot support, give empty cells.
    public static func rows(_ scenarios: [Scenario], basis: [ValueForMoneyBasis]) -> [ScenarioRow] {
        var rates: [String: ValueForMoneyBasis] = [:]
        for row in basis where rates[row.group] == nil { rates[row.group] = row }
        return scenarios.flatMap { rows($0, rates: rates) }
    }

    static func rows(_ scenario: Scenario, rates: [String: ValueForMoneyBasis]) -> [ScenarioRow] {
        func row(_ group: String, _ quantity: ScenarioQuantity, _ value: Double?,
                 _ interval: (low: Double?, high: Double?)?) -> ScenarioRow {
            ScenarioRow(scenario: scenario.name, kind: scenario.kindName, group: group, quantity: quantity,
                        value: value, ciLow: interval?.low, ciHigh: interval?.high)
        }
        switch scenario.kind {
        case .budget(let amount, let years, let groups):
            return groups.map { group in
                let spend = years * amount
                let rate = rates[group]
                let interval = rate?.interval.map { (low: Optional(spend * $0.low), high: Optional(spend * $0.high)) }
                return row(group, .jobOutcomes, rate?.outcomesPerPound.map { spend * $0 }, interval)
            }
        case .reallocation(let share, let spend):
            let to = rates[Scenario.evidenceBasedGroup], from = rates[Scenario.notEvidenceBasedGroup]
            let moved = spend.map { share * $0 } ?? from?.totalCost.map { share * $0 }
            let result = extraOutcomes(moved: moved, to: to, from: from)
            return [row(Scenario.evidenceBasedGroup, .movedSpend, moved, nil),
                    row(Scenario.evidenceBasedGroup, .extraJobOutcomes, result.value, result.interval)]
        case .alternative(let cost, let groups):
            return groups.map { group in
                let rate = rates[group]
                // Each end of q's interval gives a cost per outcome 1/q; q's lower end 0 gives none.
                let interval = rate?.interval.map { q in
                    (low: q.low > 0 ? Optional(cost - 1 / q.low) : nil, high: q.high > 0 ? Optional(cost - 1 / q.high) : nil)
                }
                return row(group, .savingPerOutcome, rate?.pooledCostPerOutcome.map { cost - $0 }, interval)
            }
        }
    }

    /// moved · (q_eb − q_from), interval moved · ((q_eb − q_from) ∓ z·√(SE_eb² + SE_from²)),
    /// not clamped: moving spend to services that do worse loses outcomes.
    static func extraOutcomes(moved: Double?, to: ValueForMoneyBasis?,
                              from: ValueForMoneyBasis?) -> (value: Double?, interval: (low: Double?, high: Double?)?) {
        guard let moved, let qTo = to?.outcomesPerPound, let qFrom = from?.outcomesPerPound else { return (nil, nil) }
        let difference = qTo - qFrom
        guard let seTo = to?.standardError, let seFrom = from?.standardError else { return (moved * difference, nil) }
        let half = ValueForMoneyBasis.z * (seTo * seTo + seFrom * seFrom).squareRoot()
        return (moved * difference, (moved * (difference - half), moved * (difference + half)))
    }
}
