import PipelineDefinition
import Testing
import VFMCore
import VFMTestSupport

/// SPEC §12: `kind` selects the schema; a survey pipeline's `[survey]` keys are checked
/// like every other key (exit 78 at the line).
@Suite("Spending survey: the pipeline file")
struct SurveyPipelineTests {
    @Test("Pipelines/ndti-2014-survey.toml is a spending survey with the study's settings")
    func shipped() throws {
        let loaded = try PipelineDefinition.load(path: FixturePaths.repositoryRoot
            .appendingPathComponent("Pipelines/ndti-2014-survey.toml").path)
        #expect(loaded.definition.kind == .spendingSurvey)
        #expect(loaded.definition.survey == SurveySettings(equalTolerance: 0, topN: 20))
        #expect(loaded.definition.missingValueWords.contains("don't know"))
    }

    @Test("a file without kind is the service returns, and the built-in pipeline is too")
    func defaultKind() throws {
        #expect(PipelineDefinition.builtIn().definition.kind == .serviceReturns)
        let text = "kind = \"service-returns\"\n" + PipelineDefinition.builtIn().text
        #expect(try PipelineDefinition.parse(text: text, displayPath: "x.toml").definition.kind == .serviceReturns)
    }

    @Test("survey keys are optional and default to equal_tolerance 0, top_n 20")
    func defaults() throws {
        let loaded = try PipelineDefinition.parse(text: "kind = \"spending-survey\"\nname = \"s\"\n", displayPath: "s.toml")
        #expect(loaded.definition.survey == SurveySettings())
        #expect(loaded.definition.missingValueWords.contains("n/a"))
    }

    @Test("a wrong kind, key or value is a pipeline error (78) naming its line", arguments: [
        ("kind = \"spending_survey\"\nname = \"s\"\n", 1),
        ("kind = \"spending-survey\"\nname = \"s\"\n[survey]\nequal_tolerance = 1.5\n", 4),
        ("kind = \"spending-survey\"\nname = \"s\"\n[survey]\ntop_n = 0\n", 4),
        ("kind = \"spending-survey\"\nname = \"s\"\n[survey]\ntop_n = 2.5\n", 4),
        ("kind = \"spending-survey\"\nname = \"s\"\n[survey]\ntopn = 20\n", 4),
        ("kind = \"spending-survey\"\nname = \"s\"\n[groups]\nname = \"all\"\n", 3),
        ("kind = 3\nname = \"s\"\n", 1),
    ])
    func errors(text: String, line: Int) {
        do {
            _ = try PipelineDefinition.parse(text: text, displayPath: "s.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.status == .badPipeline)
            #expect(error.line == line, "\(error)")
        }
    }
}
