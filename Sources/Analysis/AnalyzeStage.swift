import Cleaning
import StatisticsKernel
import PipelineDefinition
import VFMCore

/// The analyze stage (SPEC §6): the figures of the study's Tables 4–8, its correlations and
/// ±1 SD and robust bands, and what a budget buys (SPEC §6.1), for every group of the
/// pipeline, each with its n.
public enum AnalyzeStage {
    /// Computes every table. Services with `excludedFromStatistics` enter no statistic
    /// (they are still placed in the benchmark). Output order follows the pipeline: groups
    /// in pipeline order, then metrics or pairs in pipeline order. Only current returns
    /// (SPEC §11) enter any table: earlier returns feed the period tables alone.
    public static func run(_ clean: CleanResult, pipeline: PipelineDefinition, log: StageLog) -> AnalysisResult {
        let everyReturn = clean.earlierReturns.isEmpty ? clean.services : clean.services + clean.earlierReturns
        var clean = clean
        clean.services = clean.currentServices
        let start = ContinuousClock.now
        LinearAlgebraRuntime.useSingleThread()
        // The model (SPEC §14) reads only the services: it is fitted on the other core while
        // the tables below are computed (at 10^6 services each takes about 4 s alone), and
        // ends first; the period tables follow it there. Those of one period are read from
        // the tables' own columns, made before either core starts (at 10^6 services,
        // computed apart they kept the other core waiting a third of a second; computed
        // after the tables, on the tables' core, they were the last 0.05 s of 0.6 at 10^5
        // while the model's core stood idle).
        // The LAPACK call count a caller watches (a task-local) is carried onto that core.
        let services = clean.services, calls = LAPACKCalls.current, comparison = clean.periodComparison.work
        // Every return current: a run of one period (earlier returns would count in `everyReturn`).
        let onePeriod = everyReturn.count == clean.services.count
        let store = ServiceColumns(clean.services, metrics: storedMetrics(pipeline))
        let membership = GroupMembership(services: store.services, selections: pipeline.groups.map(\.selection))
        let (modelAndPeriods, figures) = Parallel.both({ () -> ((model: [ModelRow], fit: [ModelFitRow]), PeriodTables) in
            let model = LAPACKCalls.$current.withValue(calls) { ModelTable.rows(services, settings: pipeline.model, log: log) }
            return (model, onePeriod ? PeriodTables(services, pipeline: pipeline, current: (store, membership),
                                                    comparison: comparison)
                                     : PeriodTables(everyReturn, pipeline: pipeline, comparison: comparison))
        }, { tables(clean, store: store, membership: membership, pipeline: pipeline, log: log) })
        var result = figures
        (result.model, result.modelFit) = modelAndPeriods.0
        result.periodTables = modelAndPeriods.1
        let excluded = clean.services.filter(\.excludedFromStatistics).count
        let milliseconds = (ContinuousClock.now - start).components
        log.info("analyze: \(clean.services.count) services (\(excluded) excluded from statistics), "
                 + "\(pipeline.groups.count) groups, \(pipeline.correlationPairs.count) correlation pairs, "
                 + "\(milliseconds.seconds * 1000 + milliseconds.attoseconds / 1_000_000_000_000_000) ms")
        return result
    }

    /// The measures the tables read, each worked out once for every service.
    private static func storedMetrics(_ pipeline: PipelineDefinition) -> Set<Metric> {
        var metrics = Set(pipeline.descriptiveMetrics + pipeline.bandMetrics + [.costPerOutcome, .totalCost, .jobOutcomes])
        for pair in pipeline.correlationPairs { metrics.formUnion([pair.x, pair.y]) }
        return metrics
    }

    /// Every table but the model and the period tables, from the current returns.
    private static func tables(_ clean: CleanResult, store: ServiceColumns, membership: GroupMembership,
                               pipeline: PipelineDefinition, log: StageLog) -> AnalysisResult {
        let groups = pipeline.groups.map {
            StatisticsGroup(name: $0.name, selection: $0.selection, store: store, membership: membership)
        }
        for (definition, group) in zip(pipeline.groups, groups) where group.isEmpty {
            if case .columnIn(let column, _) = definition.selection {
                log.warning("group `\(group.name)` is empty: no service has a matching `\(column)` value")
            }
        }
        // Each group's summaries, bands and pair moments (for its correlation and its trend
        // line) in one go, one group at a time.
        let summarised = pipeline.descriptiveMetrics + pipeline.bandMetrics + [.costPerOutcome, .outcomeRate]
        let figures = groups.map { GroupFigures($0, metrics: summarised, pairs: pipeline.correlationPairs) }
        let compared = BandsTable.comparedGroups(store, metrics: summarised,
                                                 reusing: Array(zip(pipeline.groups.map(\.selection), figures)))
        let bands = BandsTable.rows(evidenceBased: compared.evidenceBased, all: compared.all,
                                    metrics: pipeline.bandMetrics)
        let basis = ValueForMoneyTable.basis(groups: groups, store: store)
        let sums = GroupCountSums.of(groups)
        return AnalysisResult(
            descriptives: DescriptivesTable.rows(groups: figures, metrics: pipeline.descriptiveMetrics),
            correlations: CorrelationsTable.rows(groups: figures, pairs: pipeline.correlationPairs,
                                                 scale: pipeline.strengthScale),
            outcomeMix: OutcomeMixTable.rows(groups: groups, figures: figures, sums: sums),
            supportLevels: SupportLevelsTable.rows(groups: groups, sums: sums),
            bands: bands,
            benchmark: BenchmarkTable(services: clean.services, bands: bands),
            trendLines: TrendLinesTable.rows(groups: figures, pairs: pipeline.correlationPairs),
            valueForMoney: ValueForMoneyTable.rows(groups: figures, basis: basis),
            scenarios: ScenarioCalculator.rows(pipeline.scenarios, basis: basis),
            valueForMoneyBasis: basis)
    }
}
