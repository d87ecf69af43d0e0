import Cleaning
import Foundation
import PipelineDefinition
import Returns
import Testing
import VFMCore
import VFMTestSupport

/// The fixture's services derive their measures in production code (`CleanedService.derived`);
/// the analysis tests rest on those measures being SPEC §5's, so they are checked here
/// against the fixture's plain writing of the formulas and its recorded client focus.
@Suite("the analysis fixture's measures are SPEC §5's")
struct AnalysisFixtureMeasureTests {
    @Test("every fixture service's derived measures equal the formulas written out plainly")
    func measures() throws {
        let text = try String(contentsOf: FixturePaths.fixture("analysis/services.csv"), encoding: .utf8)
        let rows = SimpleCSV(text).rows
        #expect(rows.count == 9)
        for (offset, row) in rows.enumerated() {
            let service = AnalysisFixture.service(row, source: VFMCore.SourceLocation(file: "services.csv", line: offset + 2))
            let ours = service.derived
            let plain = AnalysisFixture.derive(counts: service.input.counts, people: service.input.peopleSupported,
                                               cost: service.input.totalCost, focus: row["client_focus"] ?? "")
            let figures: [(String, Double?, Double?)] = [
                ("job_outcomes", ours.jobOutcomes, plain.jobOutcomes), ("outcome_rate", ours.outcomeRate, plain.outcomeRate),
                ("cost_per_person", ours.costPerPerson, plain.costPerPerson),
                ("cost_per_outcome", ours.costPerOutcome, plain.costPerOutcome),
                ("gained_share", ours.gainedShare, plain.gainedShare), ("retained_share", ours.retainedShare, plain.retainedShare),
                ("self_employed_share", ours.selfEmployedShare, plain.selfEmployedShare),
                ("share_lt7", ours.shareLT7, plain.shareLT7), ("share_7to40", ours.share7to40, plain.share7to40),
                ("share_40plus", ours.share40plus, plain.share40plus),
                ("support_level_index", ours.supportLevelIndex, plain.supportLevelIndex),
            ]
            for (name, value, expected) in figures {
                #expect(value?.bitPattern == expected?.bitPattern, "line \(offset + 2): \(name)")
            }
            #expect(ours.clientFocus == plain.clientFocus, "line \(offset + 2): client_focus")
            for metric in Metric.allCases {
                #expect(service.value(of: metric)?.bitPattern == Self.measure(metric, of: ours, service)?.bitPattern,
                        "line \(offset + 2): value(of: \(metric))")
            }
        }
    }

    /// `metric` read from the measures as a whole, for `value(of:)`'s one-measure formulas.
    static func measure(_ metric: Metric, of d: DerivedMeasures, _ service: CleanedService) -> Double? {
        switch metric {
        case .totalCost: service.input.totalCost
        case .peopleSupported: Double(service.input.peopleSupported)
        case .jobOutcomes: d.jobOutcomes
        case .outcomeRate: d.outcomeRate
        case .costPerPerson: d.costPerPerson
        case .costPerOutcome: d.costPerOutcome
        case .gainedShare: d.gainedShare
        case .retainedShare: d.retainedShare
        case .selfEmployedShare: d.selfEmployedShare
        case .ldShare: d.ldShare
        case .mhShare: d.mhShare
        case .supportLevelIndex: d.supportLevelIndex
        }
    }
}
