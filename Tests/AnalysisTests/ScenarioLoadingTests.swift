import Foundation
import PipelineDefinition
import Testing
import VFMCore

/// `[[scenarios]]` in a pipeline file (SPEC §6.1): the seeds' scenarios in the built-in
/// pipeline, and mistakes stopping the run with exit 78 at their line and key.
@Suite("pipeline scenarios")
struct ScenarioLoadingTests {
    @Test("the built-in pipeline carries the seeds' scenarios (003, 004, 000)")
    func seedScenarios() {
        let groups = ["evidence_based", "all"]
        #expect(PipelineDefinition.builtIn().definition.scenarios == [
            Scenario(name: "contract-1-year", kind: .budget(amount: 195_974, years: 1, groups: groups)),
            Scenario(name: "contract-9-years", kind: .budget(amount: 195_974, years: 9, groups: groups)),
            Scenario(name: "two-thirds-moved", kind: .reallocation(share: 2.0 / 3, spend: nil)),
            Scenario(name: "day-service-north-lanarkshire", kind: .alternative(cost: 14_998, groups: groups)),
            Scenario(name: "day-service-kent", kind: .alternative(cost: 11_200, groups: groups)),
        ])
    }

    @Test("a pipeline without [[scenarios]] has none, and the optional keys take their values")
    func optionalKeys() throws {
        let text = Self.withoutScenarios + """

            [[scenarios]]
            name = "ld"
            kind = "budget"
            amount = 1000
            years = 2.5
            groups = ["LD", "not_evidence_based"]

            [[scenarios]]
            name = "council"
            kind = "reallocation"
            share = 0.5
            spend = 2000000

            """
        #expect(try PipelineDefinition.parse(text: Self.withoutScenarios, displayPath: "p.toml").definition.scenarios == [])
        #expect(try PipelineDefinition.parse(text: text, displayPath: "p.toml").definition.scenarios == [
            Scenario(name: "ld", kind: .budget(amount: 1000, years: 2.5, groups: ["LD", "not_evidence_based"])),
            Scenario(name: "council", kind: .reallocation(share: 0.5, spend: 2_000_000)),
        ])
    }

    /// The built-in text up to its first scenario (its own scenarios removed).
    static let withoutScenarios: String = {
        let text = PipelineDefinition.builtIn().text
        guard let range = text.range(of: "\n[[scenarios]]") else { return text }
        return String(text[..<range.lowerBound]) + "\n"
    }()

    @Test("a wrong scenario key, type or value exits 78 at its line, naming the key", arguments: [
        ("amount = 195974", "amount = \"£195,974\"", "scenarios[1].amount", "must be a number"),
        ("amount = 195974", "amont = 195974", "scenarios[1].amont", "unknown key"),
        ("amount = 195974", "amount = 0", "scenarios[1].amount", "above 0"),
        ("years = 9", "years = -9", "scenarios[2].years", "above 0"),
        ("share = 0.6666666666666666", "share = 66", "scenarios[3].share", "at most 1"),
        ("share = 0.6666666666666666", "amount = 5", "scenarios[3].amount", "does not apply to a reallocation"),
        ("kind = \"alternative\"\ncost = 14998", "kind = \"alternative\"\ncost = 14998\nyears = 2",
         "scenarios[4].years", "does not apply to a alternative"),
        ("kind = \"budget\"\namount = 195974\n\n", "kind = \"budget\"\namount = 195974\ngroups = [\"LDD\"]\n\n",
         "scenarios[1].groups", "unknown group `LDD`"),
        ("kind = \"reallocation\"\nshare", "kind = \"realloc\"\nshare", "scenarios[3].kind", "not a scenario kind"),
        ("name = \"contract-9-years\"", "name = \"contract-1-year\"", "scenarios[2].name", "a second scenario"),
    ])
    func keyedErrors(original: String, replacement: String, key: String, fragment: String) throws {
        let edit = try #require(PipelineEdit(replacing: original, with: replacement), "fixture text not found: \(original)")
        let error = try #require(throws: VFMError.self) { try PipelineDefinition.parse(text: edit.text, displayPath: "edited.toml") }
        #expect(error.status == .badPipeline)
        #expect(error.file == "edited.toml")
        #expect(error.column == key)
        #expect(error.line == edit.line)
        #expect(error.message.contains(fragment), "\(error.message)")
        #expect(error.hint != nil)
    }

    @Test("a scenario without its amount is reported at its table, naming the key")
    func missingAmount() throws {
        let text = Self.withoutScenarios + "\n[[scenarios]]\nname = \"x\"\nkind = \"budget\"\n"
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "[[scenarios]]").map { $0 + 1 }
        let error = try #require(throws: VFMError.self) { try PipelineDefinition.parse(text: text, displayPath: "p.toml") }
        #expect(error.status == .badPipeline)
        #expect(error.column == "scenarios[1].amount")
        #expect(error.line == line)
    }
}
