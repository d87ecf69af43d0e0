import Foundation
import PipelineDefinition
import Testing
import VFMCore

/// The optional `[periods]` table (SPEC §11): defaults are univOutl's (U 0.5, A 0.05, C 4)
/// and the three edit variables the SPEC names.
@Suite("the pipeline's [periods]")
struct PeriodSettingsLoadingTests {
    func load(_ periods: String) throws -> PipelineDefinition {
        let text = try String(contentsOfFile: PipelineLoadingTests.filePath, encoding: .utf8) + "\n" + periods
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-periods-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("p.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try PipelineDefinition.load(path: path).definition
    }

    @Test("absent: each service's latest period, the three edit variables, U = 0.5, A = 0.05, C = 4")
    func defaults() {
        let settings = PipelineDefinition.builtIn().definition.periods
        #expect(settings.current == nil)
        #expect(settings.edits == [.totalCost, .peopleSupported, .jobOutcomes])
        #expect(settings.sizeExponent == 0.5 && settings.spreadFloor == 0.05 && settings.boundWidth == 4)
    }

    @Test("current, edits, u, a and c are read")
    func keys() throws {
        let settings = try load("[periods]\ncurrent = \"2012/13\"\nedits = [\"total_cost\"]\nu = 0.4\na = 0.1\nc = 5\n").periods
        #expect(settings.current == "2012/13")
        #expect(settings.edits == [.totalCost])
        #expect(settings.sizeExponent == 0.4 && settings.spreadFloor == 0.1 && settings.boundWidth == 5)
    }

    @Test("a variable the edits do not screen, or U above 1, is a bad pipeline (78) naming the key", arguments: [
        ("[periods]\nedits = [\"outcome_rate\"]\n", "periods.edits"), ("[periods]\nu = 2\n", "periods.u"),
        ("[periods]\nwhen = 1\n", "periods.when"),
    ])
    func errors(_ periods: String, _ key: String) throws {
        let error = #expect(throws: VFMError.self) { _ = try load(periods) }
        #expect(error?.status == .badPipeline)
        #expect(error?.column == key, "\(String(describing: error))")
    }
}
