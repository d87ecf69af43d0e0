@testable import Analysis
import Cleaning
import PipelineDefinition
import Testing

@Suite("group filters")
struct GroupFilterTests {
    /// The members by `includes` (one service at a time); `GroupMembership` (all groups'
    /// membership worked out at once, as the analysis uses it) must give the same rows,
    /// also when built for many selections together.
    static func members(_ selection: GroupSelection) throws -> [String] {
        let services = try AnalysisFixture.cleanResult().services
        let byService = services.filter { selection.includes($0) }.map(\.input.service)
        let others: [GroupSelection] = [.all, .evidenceBased, .clientFocus("MH"),
                                        .columnIn(column: "authority", values: ["Cork"]),
                                        .columnIn(column: " REGION ", values: ["x"])]
        for selections in [[selection], others + [selection] + others] {
            let membership = GroupMembership(services: services, selections: selections)
            #expect(membership.rows(of: selection).map { services[$0].input.service } == byService)
        }
        return byService
    }

    @Test("a filter on an extra column matches ignoring case and surrounding spaces")
    func extraColumn() throws {
        // services.csv: A1, A2 "North West"; B1 " north west ".
        #expect(try Self.members(.columnIn(column: "Region", values: ["north WEST"])) == ["A1", "A2", "B1"])
    }

    @Test("a filter on a canonical column uses its text", arguments: [
        (GroupSelection.columnIn(column: "authority", values: ["Cork", "Essex"]), ["C1", "C2", "E1"]),
        (GroupSelection.columnIn(column: "evidence_based", values: ["observed-good-practice"]), ["B1"]),
        (GroupSelection.columnIn(column: "client_focus", values: ["mixed"]), ["C1"]),
        (GroupSelection.columnIn(column: "people_supported", values: ["10"]), ["A1", "D2"]),
        (GroupSelection.columnIn(column: "outcomes_total", values: ["10"]), ["B1"]),
        (GroupSelection.columnIn(column: "no_such_column", values: [""]), []),
    ])
    func canonicalColumn(selection: GroupSelection, expected: [String]) throws {
        #expect(try Self.members(selection) == expected)
    }

    @Test("built-in groups select by client focus and evidence base")
    func builtIns() throws {
        #expect(try Self.members(.clientFocus("LD")) == ["A1", "A2", "D2", "E1"])
        #expect(try Self.members(.evidenceBased) == ["A1", "B1", "D1", "E1"])
        #expect(try Self.members(.all).count == 9)
    }

    @Test("a filtered group from a pipeline file gets its own rows in every table")
    func filteredGroupInTables() throws {
        let text = PipelineDefinition.builtIn().text
            + "\n[[groups]]\nname = \"north_west\"\ncolumn = \"region\"\nvalues = [\"North West\"]\n"
        let pipeline = try PipelineDefinition.parse(text: text, displayPath: "regions.toml").definition
        let result = AnalyzeStage.run(try AnalysisFixture.cleanResult(), pipeline: pipeline, log: .init(quiet: true))
        let row = try #require(result.descriptives.first { $0.group == "north_west" && $0.metric == .totalCost })
        // A1 1000, A2 3000, B1 2000 → mean 2000, sd 1000.
        #expect(row.n == 3)
        #expect(row.mean == 2000)
        #expect(row.sd == 1000)
        #expect(result.outcomeMix.last?.group == "north_west")
        #expect(result.correlations.filter { $0.group == "north_west" }.count == pipeline.correlationPairs.count)
    }
}

@Suite("correlation strength words")
struct StrengthWordTests {
    @Test("the first threshold from the top whose minimum is at most |r| gives the word", arguments: [
        (0.0, "negligible"), (0.0999, "negligible"), (0.1, "weak"), (-0.3, "moderate"), (0.47, "moderate"),
        (-0.58, "strong"), (0.7, "very strong"), (1.0, "very strong"),
    ])
    func word(r: Double, expected: String) {
        let scale = PipelineDefinition.builtIn().definition.strengthScale
        #expect(CorrelationsTable.strength(of: r, scale: scale) == expected)
    }

    @Test("an undefined r has no word")
    func undefined() {
        #expect(CorrelationsTable.strength(of: nil, scale: PipelineDefinition.builtIn().definition.strengthScale) == nil)
    }
}
