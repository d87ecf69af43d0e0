import Cleaning
import StatisticsKernel
import PipelineDefinition

/// `tables/value_for_money.csv` and its basis (SPEC §6.1): each group's job outcomes per
/// pound as a ratio of totals, with Cochran's linearised standard error.
enum ValueForMoneyTable {
    /// The pooled rate of every pipeline group, then of the built-ins a scenario may use
    /// that the pipeline does not list (`all`, `evidence_based`) and of the services that
    /// are not evidence-based, from which a reallocation moves spend.
    static func basis(groups: [StatisticsGroup], store: ServiceColumns) -> [ValueForMoneyBasis] {
        let services = store.services
        var rows = groups.map { basis(of: $0.name, rows: $0.members, store: store) }
        let extra: [(String, GroupSelection)] = [("all", .all), (Scenario.evidenceBasedGroup, .evidenceBased)]
        for (name, selection) in extra where !rows.contains(where: { $0.group == name }) {
            rows.append(basis(of: name, rows: StatisticsGroup(name: name, selection: selection, store: store).members, store: store))
        }
        // The complement of `evidence_based` among the services in statistics.
        let notEvidenceBased = services.indices.filter {
            !services[$0].excludedFromStatistics && !GroupSelection.evidenceBased.includes(services[$0])
        }
        rows.append(basis(of: Scenario.notEvidenceBasedGroup, rows: notEvidenceBased, store: store))
        return rows
    }

    /// `basis(of:members:)` over rows of the run's columns: the same values in the same
    /// order, read from two columns instead of every member service.
    static func basis(of group: String, rows: [Int], store: ServiceColumns) -> ValueForMoneyBasis {
        let costColumn = store.column(.totalCost), outcomeColumn = store.column(.jobOutcomes)
        var costs: [Double] = [], outcomes: [Double] = []
        for row in rows {
            guard let cost = costColumn[row], let jobs = outcomeColumn[row] else { continue }
            costs.append(cost)
            outcomes.append(jobs)
        }
        return basis(of: group, costs: costs, outcomes: outcomes)
    }

    /// n, S, J, q and SE(q) over `members` with both total cost and job outcomes known.
    static func basis(of group: String, members: some Sequence<CleanedService>) -> ValueForMoneyBasis {
        var costs: [Double] = [], outcomes: [Double] = []
        for service in members {
            guard let cost = service.value(of: .totalCost), let jobs = service.value(of: .jobOutcomes) else { continue }
            costs.append(cost)
            outcomes.append(jobs)
        }
        return basis(of: group, costs: costs, outcomes: outcomes)
    }

    private static func basis(of group: String, costs: [Double], outcomes: [Double]) -> ValueForMoneyBasis {
        guard let estimate = RatioEstimate.of(x: costs, y: outcomes) else {
            return ValueForMoneyBasis(group: group, n: costs.count, totalCost: nil, jobOutcomes: nil,
                                      outcomesPerPound: nil, standardError: nil)
        }
        return ValueForMoneyBasis(group: group, n: estimate.n, totalCost: estimate.totalX,
                                  jobOutcomes: estimate.totalY, outcomesPerPound: estimate.ratio,
                                  standardError: estimate.standardError)
    }

    /// One row per pipeline group: the basis scaled to outcomes per £100,000 beside the
    /// pooled and the study's mean-of-ratios cost per outcome.
    static func rows(groups: [GroupFigures], basis: [ValueForMoneyBasis]) -> [ValueForMoneyRow] {
        groups.compactMap { group in
            guard let rate = basis.first(where: { $0.group == group.name }) else { return nil }
            let interval = rate.interval
            return ValueForMoneyRow(
                group: group.name, n: rate.n, totalCost: rate.totalCost, jobOutcomes: rate.jobOutcomes,
                pooledCostPerOutcome: rate.pooledCostPerOutcome,
                meanCostPerOutcome: group.summary(of: .costPerOutcome)?.mean,
                outcomesPer100k: rate.outcomesPerPound.map { 100_000 * $0 },
                ciLow: interval.map { 100_000 * $0.low }, ciHigh: interval.map { 100_000 * $0.high })
        }
    }
}
