import Cleaning
import PipelineDefinition
import Returns
import StatisticsKernel

/// The period tables of a run (SPEC §11): each period as a cross-section, the matched
/// change in job outcomes per £100,000 between consecutive periods, and the
/// period-to-period edits. Computed over every accepted row, current or not.
public struct PeriodTables: Sendable, Equatable {
    public var periods: [PeriodRow] = []
    public var change: [PeriodChangeRow] = []
    public var edits: [PeriodEditRow] = []

    public init() {}

    /// Periods in order, then groups in pipeline order; services entering statistics only
    /// (an outlier excluded by `exclude_outliers` is out here as in §6).
    ///
    /// `current`: the columns and group membership the analysis worked out over these same
    /// `services`, for a run of one period, whose cross-section is then read from them
    /// instead of being worked out again. `comparison`: the panel and edits of these
    /// `services` as the clean stage worked them out (`vfm run`), used when it is of as
    /// many returns.
    init(_ services: [CleanedService], pipeline: PipelineDefinition,
         current: (store: ServiceColumns, membership: GroupMembership)? = nil, comparison: PeriodComparison? = nil) {
        let reused = comparison.flatMap { $0.returnCount == services.count ? $0 : nil }
        let panel = reused?.panel ?? PeriodPanel(services)
        for (period, rows) in zip(panel.periods, panel.rows) {
            guard rows.count == services.count else {
                periods += Self.crossSection(rows.map { services[$0] }, label: period.label, pipeline: pipeline)
                continue
            }
            // One period holding every row (a single year's returns) is the services as they
            // are: no copy of a million services (it raised the 10⁶ run's peak by ~180 MB).
            periods += current.map {
                Self.crossSection(store: $0.store, membership: $0.membership, label: period.label, pipeline: pipeline)
            } ?? Self.crossSection(services, label: period.label, pipeline: pipeline)
        }
        for pair in panel.pairs {
            let matched = panel.matched(pair: pair).filter {
                !services[$0.from].excludedFromStatistics && !services[$0.to].excludedFromStatistics
            }
            for group in pipeline.groups {
                change.append(Self.change(matched.filter { group.selection.includes(services[$0.to]) }, services: services,
                                          from: panel.periods[pair].label, to: panel.periods[pair + 1].label,
                                          group: group.name))
            }
        }
        edits = (reused?.edits ?? PeriodEdits.compute(services, panel: panel, settings: pipeline.periods)).map { edit in
            let later = services[edit.toRow].input
            return PeriodEditRow(authority: later.authority, service: later.service, from: edit.from.label,
                                 to: edit.to.label, variable: edit.variable.rawValue, valueFrom: edit.valueFrom,
                                 valueTo: edit.valueTo, ratio: edit.edit.ratio, effect: edit.edit.effect,
                                 effectLow: edit.edit.effectLow, effectHigh: edit.edit.effectHigh,
                                 outcome: edit.edit.outcome.rawValue)
        }
    }

    /// One row per pipeline group of one period's rows.
    private static func crossSection(_ rows: [CleanedService], label: String, pipeline: PipelineDefinition) -> [PeriodRow] {
        crossSection(store: ServiceColumns(rows, metrics: [.totalCost, .jobOutcomes, .costPerOutcome, .outcomeRate]),
                     membership: GroupMembership(services: rows, selections: pipeline.groups.map(\.selection)),
                     label: label, pipeline: pipeline)
    }

    /// As `crossSection(_:label:pipeline:)`, over the rows of `store`.
    private static func crossSection(store: ServiceColumns, membership: GroupMembership, label: String,
                                     pipeline: PipelineDefinition) -> [PeriodRow] {
        pipeline.groups.map { definition in
            let group = StatisticsGroup(name: definition.name, selection: definition.selection, store: store,
                                        membership: membership)
            let basis = ValueForMoneyTable.basis(of: group.name, rows: group.members, store: store)
            let interval = basis.interval
            func mean(_ metric: Metric) -> (Double?, Int) {
                // The column looked up once, not once per member (a dictionary lookup and a
                // retained copy each: issue 30); the mean alone, as `summarize` forms it.
                let column = store.column(metric)
                let values = group.members.compactMap { column[$0] }
                return (Descriptive.mean(values), values.count)
            }
            let cost = mean(.costPerOutcome), rate = mean(.outcomeRate)
            return PeriodRow(period: label, group: group.name, services: membership.rows(of: definition.selection).count,
                             n: basis.n, totalCost: basis.totalCost, jobOutcomes: basis.jobOutcomes,
                             pooledCostPerOutcome: basis.pooledCostPerOutcome,
                             outcomesPer100k: basis.outcomesPerPound.map { 100_000 * $0 },
                             ciLow: interval.map { 100_000 * $0.low }, ciHigh: interval.map { 100_000 * $0.high },
                             meanCostPerOutcome: cost.0, meanCostPerOutcomeN: cost.1,
                             outcomeRateMean: rate.0, outcomeRateN: rate.1)
        }
    }

    /// The change in job outcomes per £100,000 over `matched` services with total cost and
    /// job outcomes known in both periods: 100,000·(q_to − q_from), its interval ∓ z·SE and
    /// a two-sided normal p (needs n ≥ 2 and both S > 0).
    private static func change(_ matched: [(from: Int, to: Int)], services: [CleanedService], from: String, to: String,
                               group: String) -> PeriodChangeRow {
        var before: [(cost: Double, outcomes: Double)] = [], after: [(cost: Double, outcomes: Double)] = []
        for pair in matched {
            guard let jobsFrom = services[pair.from].value(of: .jobOutcomes),
                  let jobsTo = services[pair.to].value(of: .jobOutcomes) else { continue }
            before.append((services[pair.from].input.totalCost, jobsFrom))
            after.append((services[pair.to].input.totalCost, jobsTo))
        }
        var row = PeriodChangeRow(from: from, to: to, group: group, n: before.count, outcomesPer100kFrom: nil,
                                  outcomesPer100kTo: nil, change: nil, ciLow: nil, ciHigh: nil, pValue: nil)
        guard let estimate = MatchedRatioChange.of(from: before, to: after) else { return row }
        let change = 100_000 * estimate.change, se = 100_000 * estimate.standardError
        row.outcomesPer100kFrom = 100_000 * estimate.ratioFrom
        row.outcomesPer100kTo = 100_000 * estimate.ratioTo
        row.change = change
        row.ciLow = change - ValueForMoneyBasis.z * se
        row.ciHigh = change + ValueForMoneyBasis.z * se
        row.pValue = se > 0 ? NormalTail.twoSidedPValue(z: change / se) : (change == 0 ? nil : 0)
        return row
    }
}
