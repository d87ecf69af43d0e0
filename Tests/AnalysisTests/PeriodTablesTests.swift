import Analysis
import Cleaning
import PipelineDefinition
import Returns
import Testing
import VFMCore
import VFMTestSupport

/// SPEC §11 over `Fixtures/periods/three-years.csv` (synthetic, with planted anomalies).
/// Expected values: printed by `Fixtures/periods/make_three_years.py`, which implements the
/// SPEC's formulas independently (exact fractions for sums, medians and quartiles; Python's
/// `math.erfc` for p); sums of the 2012/13 cross-section by hand from the CSV.
@Suite("Period tables and edits")
struct PeriodTablesTests {
    struct Run {
        var clean: CleanResult
        var analysis: AnalysisResult
    }

    func run() throws -> Run {
        let pipeline = PipelineDefinition.builtIn().definition
        let log = StageLog(quiet: true)
        let ingest = try IngestStage.run(inputs: [FixturePaths.fixture("periods/three-years.csv").path],
                                         pipeline: pipeline, log: log)
        let clean = CleanStage.run(ingest, pipeline: pipeline, log: log)
        return Run(clean: clean, analysis: AnalyzeStage.run(clean, pipeline: pipeline, log: log))
    }

    func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test("the §6 tables describe each service's current return: 9 services, none counted twice")
    func currentReturns() throws {
        let result = try run()
        #expect(result.clean.services.count == 24)
        #expect(result.clean.services.filter(\.isCurrent).count == 9)
        let all = try #require(result.analysis.valueForMoney.first { $0.group == "all" })
        // Current: 2013/14 rows of 7 services, 2012/13 rows of Bridge and Door.
        #expect(all.n == 9)
        // 125,000 + 95,000 + 210,000 + 64,000 + 118,000 + 80,000 + 52,000 + 152 + 128,000.
        #expect(all.totalCost == 872_152)
    }

    @Test("the period tables are the same with the clean stage's panel and edits reused (vfm run) or worked out again (by hand)")
    func reusedComparison() throws {
        let result = try run()
        let reused = try #require(result.clean.periodComparison.work)
        #expect(reused.returnCount == 24)
        #expect(!reused.edits.isEmpty)
        var readBack = result.clean
        readBack.periodComparison.work = nil
        let again = AnalyzeStage.run(readBack, pipeline: PipelineDefinition.builtIn().definition, log: StageLog(quiet: true))
        #expect(again.periodTables == result.analysis.periodTables)
        #expect(readBack == result.clean)  // the carried work is not part of the value
    }

    @Test("each period is a cross-section in order, with mixed label forms written canonically")
    func periods() throws {
        let rows = try run().analysis.periodTables.periods.filter { $0.group == "all" }
        #expect(rows.map(\.period) == ["2011/12", "2012/13", "2013/14"])
        #expect(rows.map(\.services) == [8, 9, 7])
        #expect(rows[1].totalCost == 853_152)
        #expect(rows[1].jobOutcomes == 163)
    }

    @Test("the matched change in outcomes per £100,000: SE, interval and p as computed independently")
    func change() throws {
        let rows = try run().analysis.periodTables.change
        let first = try #require(rows.first { $0.from == "2011/12" && $0.group == "all" })
        #expect(first.to == "2012/13" && first.n == 8)
        #expect(close(first.outcomesPer100kFrom, 9.071504802561366))
        #expect(close(first.outcomesPer100kTo, 19.547980955037154))
        #expect(close(first.change, 10.476476152475788))
        #expect(close(first.ciLow, -0.4862730248469802))
        #expect(close(first.ciHigh, 21.439225329798557))
        #expect(close(first.pValue, 0.06106477331009649))
        let evidence = try #require(rows.first { $0.from == "2011/12" && $0.group == "evidence_based" })
        #expect(evidence.n == 3 && close(evidence.pValue, 0.015978398517693528))
        #expect(close(evidence.ciLow, 4.488569724730482))
        let second = try #require(rows.first { $0.from == "2012/13" && $0.group == "all" })
        #expect(second.n == 7 && close(second.change, -3.531701890989989) && close(second.pValue, 0.3487947878146995))
        let tooFew = try #require(rows.first { $0.from == "2012/13" && $0.group == "LD" })
        #expect(tooFew.n == 0 && tooFew.change == nil)
    }

    @Test("each planted anomaly gets its outcome in period_edits.csv")
    func edits() throws {
        let edits = try run().analysis.periodTables.edits.filter { $0.from == "2011/12" }
        func outcome(_ service: String, _ variable: String) -> PeriodEditRow? {
            edits.first { $0.service == service && $0.variable == variable }
        }
        #expect(edits.count == 8 * 3)
        #expect(outcome("Bridge", "total_cost")?.outcome == "below")
        #expect(close(outcome("Bridge", "total_cost")?.effect, -402477.62781164487))
        #expect(close(outcome("Bridge", "total_cost")?.effectLow, -38.61761882504072))
        #expect(close(outcome("Bridge", "total_cost")?.effectHigh, 11.559487146925813))
        #expect(outcome("Way", "total_cost")?.outcome == "unchanged")
        #expect(outcome("Way", "total_cost")?.effect == nil)
        #expect(outcome("Steps", "people_supported")?.outcome == "above")
        #expect(close(outcome("Steps", "people_supported")?.effect, 173.54838709677415))
        #expect(outcome("Works", "job_outcomes")?.outcome == "above")
        #expect(outcome("Path", "job_outcomes")?.outcome == "not-screened")
        #expect(outcome("Path", "job_outcomes")?.ratio == nil)
        #expect(outcome("Door", "people_supported")?.outcome == "below")
        // The script's first pair: 6 within per variable (two set apart or flagged in each).
        #expect(edits.filter { $0.outcome == "within" }.count == 18)
    }

    @Test("period-change and period-thousands flags on the later row, value the ratio and threshold the bound")
    func flags() throws {
        let services = try run().clean.services
        func row(_ service: String, _ period: String) -> CleanedService? {
            services.first { $0.input.service == service && $0.input.period == period }
        }
        let bridge = try #require(row("Bridge", "2012/13"))
        let thousands = try #require(bridge.flags.first { $0.rule == .periodThousands })
        #expect(thousands.metric == "total_cost" && thousands.value == 0.001 && thousands.threshold == 1000)
        let change = try #require(bridge.flags.first { $0.rule == .periodChange })
        // r_M / (1 − E_low / size^U), size = 152,000 (SPEC §11; r_M and E_low from the script).
        #expect(close(change.threshold, 1.0333333333333334 / (1 + 38.61761882504072 / 152_000.0.squareRoot())))
        #expect(row("Bridge", "2011/12")?.flags.contains { $0.rule == .periodChange } == false)
        let steps = try #require(row("Steps", "2012/13")?.flags.first { $0.rule == .periodChange })
        #expect(steps.metric == "people_supported" && steps.value == 10)
        #expect(close(steps.threshold, 1.0333333333333334 * (1 + 0.11294407307288432 / 400.0.squareRoot())))
        #expect(row("Path", "2012/13")?.flags.contains { $0.rule == .periodChange } == false)
        #expect(row("Way", "2012/13")?.flags.contains { $0.metric == "total_cost" && $0.rule == .periodChange } == false)
    }
}
