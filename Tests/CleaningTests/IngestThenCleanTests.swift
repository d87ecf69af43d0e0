import Cleaning
import Foundation
import PipelineDefinition
import Returns
import Testing
import VFMCore

@Suite("Ingest then clean, on a file")
struct IngestThenCleanTests {
    static let csv = """
    authority,service,period,evidence_based,total_cost,people_supported,clients_ld,clients_mh,outcomes_gained,outcomes_retained,outcomes_self_employed,outcomes_total
    Northshire,Pathways,2012/13,ips-fidelity,"£60,000",160,20,130,20,12,8,40
    Northshire,Bridges,2012/13,,50000,30,25,5,30,10,1,
    Southby,Works,2012/13,maybe,12000,0,,,,,,0
    Southby,Works,2012/13,no,-5,10,,,,,,2
    Westby,Steps,2012/13,,9000,20,15,2,n/a,3,,6

    """

    @Test("every row of the file is accepted or rejected, and the figures are derived")
    func endToEnd() throws {
        let dir = NSTemporaryDirectory() + "vfm-clean-e2e-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileSystem.write(Self.csv, to: dir + "/returns.csv")
        var pipeline = makePipeline()
        pipeline.missingValueWords = ["n/a", "-", "don't know"]
        let ingest = try IngestStage.run(inputs: [dir + "/returns.csv"], pipeline: pipeline, log: StageLog(quiet: true))
        let result = CleanStage.run(ingest, pipeline: pipeline, log: StageLog(quiet: true))

        let file = try #require(result.files.first)
        #expect(file.rowsRead == 5)
        #expect(file.rowsAccepted + file.rowsRejected == file.rowsRead)
        #expect(file.rowsAccepted == result.services.count)
        // line 3: 30 + 10 + 1 = 41 > 30; line 5: total cost −5
        #expect(result.rejected.map(\.source.line) == [3, 5])
        #expect(result.rejected.first?.message == "outcomes (41) exceed people supported (30)")

        let pathways = try #require(result.services.first { $0.input.service == "Pathways" })
        #expect(pathways.derived.costPerPerson == 375)          // 60,000 / 160
        #expect(pathways.derived.costPerOutcome == 1_500)       // 60,000 / 40
        #expect(pathways.derived.clientFocus == .mentalHealth)  // 130 / 160 = 0.8125
        #expect(pathways.flags.isEmpty)

        let works = try #require(result.services.first { $0.input.service == "Works" })
        #expect(Set(works.ruleIDs) == ["people-supported-zero", "zero-outcomes", "unrecognised-evidence-label"])

        let steps = try #require(result.services.first { $0.input.service == "Steps" })
        #expect(steps.derived.jobOutcomes == 6)                 // "n/a" gained → partial: outcomes_total
        #expect(steps.ruleIDs.contains("partial-outcome-breakdown"))
        #expect(steps.ruleIDs.contains("client-count-mismatch")) // 17 of 20: off by 15%
    }
}
