import Cleaning
import PipelineDefinition
import Returns
import Testing
import VFMCore
@testable import Analysis
@testable import Reporting

/// The page counts a benchmark's services where the names change from one service to the
/// next (an empty name the same as a missing one); from 65,536 services it counts in two
/// halves on two cores. The count must be the one that follows from how the services were
/// made, repeats straddling the halves' cut included.
@Suite("benchmark: services counted where the names change")
struct BenchmarkServiceCountTests {
    @Test("the count is the services less the repeats of the one before, on one core or two",
          arguments: [9, 70_001])
    func count(services n: Int) {
        func period(_ k: Int) -> String? { k % 5 == 0 ? nil : "2012/13" }
        var services: [CleanedService] = [], repeats = 0, previous = 0
        for i in 0..<n {
            // Every 7th service, and the one at the cut, repeats the names of the one before;
            // a repeat of a missing period writes it empty.
            let repeated = i > 0 && (i % 7 == 1 || i == n / 2)
            let k = repeated ? previous : i  // the names the service before was given
            if repeated { repeats += 1 }
            previous = k
            let input = ServiceReturn(
                source: SourceLocation(file: "gen.csv", line: i + 2), authority: "Authority \(k % 50)",
                service: "Service \(k), a name long enough to be stored apart", period: repeated ? (period(k) ?? "") : period(k),
                model: nil, evidenceBase: EvidenceBase(label: nil), totalCost: 1000, peopleSupported: 10,
                counts: CountValues(), reportedCostPerPerson: nil, reportedCostPerOutcome: nil, extraColumns: [])
            services.append(CleanedService(input: input, flags: [], excludedFromStatistics: false))
        }
        let band = BandRow(metric: .costPerPerson, group: "all", n: n, minimum: nil, maximum: nil, bandLow: 50,
                           mean: nil, bandHigh: 150, robustBandLow: nil, robustBandHigh: nil)
        let table = BenchmarkTable(services: services, bands: [band])
        #expect(BenchmarkPlacement.countServices(table) == n - repeats)
        #expect(BenchmarkPlacement(table).serviceCount == n - repeats)
    }
}
