import Analysis
import Cleaning
import Returns
import RunFiles
import VFMCore

/// Everything the report is rendered from, typed: the results of the earlier stages as
/// `ReportInput` holds them, whether `vfm run` handed them over in memory or `vfm-report`
/// read them from the run directory through the files' schemas. Nothing here is cell text
/// read back: a figure goes from the analysis to the report's formatter once.
/// Every table is there: `vfm-report` by hand stops (66) naming the stage to run when a
/// file is missing, so no section has a "not produced" case.
public struct RunData: Sendable {
    public var inputs: RunInputs
    /// `clean/services.csv`, each service with its flags from `clean/flags.csv`.
    var services: [CleanedService]
    /// `clean/rejected.csv`: the rows rejected by ingest and by clean.
    var rejected: [RejectedRow]
    var descriptives: [DescriptiveRow]
    var correlations: [CorrelationRow]
    var outcomeMix: [OutcomeMixRow]
    var supportLevels: [SupportLevelRow]
    var benchmark: BenchmarkTable
    var bands: [BandRow]
    var trendLines: [TrendLineRow]
    public var budget: BudgetTables
    /// SPEC §14's model tables.
    package var model: ModelTables
    /// SPEC §11's period tables.
    public var periodTables: PeriodTables

    /// The run's flags, service by service in file order, as `clean/flags.csv` lists
    /// them: each as the positions of its service and of the flag in it, so that a million
    /// flags copy no service.
    var flags: [FlagPosition] {
        var positions: [FlagPosition] = []
        for (service, entry) in services.enumerated() {
            for flag in entry.flags.indices { positions.append(FlagPosition(service: Int32(service), flag: Int32(flag))) }
        }
        return positions
    }

    /// One flag of `services`: `services[service].flags[flag]`.
    struct FlagPosition {
        var service: Int32
        var flag: Int32
    }

    /// The typed results `vfm run` hands over, or `ReportInput.read` loads.
    init(_ input: ReportInput) {
        inputs = input.inputs
        services = input.clean.services
        rejected = input.clean.rejected
        let analysis = input.analysis
        descriptives = analysis.descriptives
        correlations = analysis.correlations
        outcomeMix = analysis.outcomeMix
        supportLevels = analysis.supportLevels
        benchmark = analysis.benchmark
        bands = analysis.bands
        trendLines = analysis.trendLines
        budget = BudgetTables(valueForMoney: analysis.valueForMoney, scenarios: analysis.scenarios,
                              basis: analysis.valueForMoneyBasis)
        periodTables = analysis.periodTables
        model = ModelTables(model: analysis.model, fit: analysis.modelFit)
    }
}
