import Foundation
import PipelineDefinition
import Testing
import VFMCore
import VFMTestSupport

@Suite("pipeline definition loading")
struct PipelineLoadingTests {
    static let filePath = FixturePaths.repositoryRoot.appendingPathComponent("Pipelines/ndti-2014.toml").path

    @Test("the built-in default is byte-identical to Pipelines/ndti-2014.toml")
    func builtInIsTheFile() throws {
        let bytes = try FileSystem.readBytes(Self.filePath)
        let builtIn = PipelineDefinition.builtIn()
        #expect(Array(builtIn.text.utf8) == bytes,
                "paste Pipelines/ndti-2014.toml into Sources/PipelineDefinition/BuiltInPipeline.swift")
        #expect(builtIn.sha256 == ContentHash.hex(of: bytes))
        #expect(builtIn.displayPath == "ndti-2014.toml (built-in)")
    }

    @Test("loading the file gives the built-in definition, named by its base name")
    func loadFile() throws {
        let loaded = try PipelineDefinition.load(path: Self.filePath)
        #expect(loaded.definition == PipelineDefinition.builtIn().definition)
        #expect(loaded.displayPath == "ndti-2014.toml")
    }

    @Test("the default reproduces the published analysis (SPEC §6, §9)")
    func defaultContents() {
        let pipeline = PipelineDefinition.builtIn().definition
        #expect(pipeline.groups == [
            GroupDefinition(name: "all", selection: .all),
            GroupDefinition(name: "LD", selection: .clientFocus("LD")),
            GroupDefinition(name: "MH", selection: .clientFocus("MH")),
            GroupDefinition(name: "mixed", selection: .clientFocus("mixed")),
            GroupDefinition(name: "evidence_based", selection: .evidenceBased),
        ])
        let pairs: [(Metric, Metric)] = [
            (.outcomeRate, .costPerOutcome), (.retainedShare, .outcomeRate), (.gainedShare, .outcomeRate),
            (.costPerOutcome, .gainedShare), (.totalCost, .costPerPerson), (.peopleSupported, .outcomeRate),
            (.supportLevelIndex, .costPerPerson), (.supportLevelIndex, .costPerOutcome),
            (.supportLevelIndex, .gainedShare),
        ]
        #expect(pipeline.correlationPairs == pairs.map { CorrelationPair(x: $0.0, y: $0.1) })
        #expect(pipeline.bandMetrics == [.costPerPerson, .costPerOutcome, .outcomeRate])
        #expect(pipeline.excludeOutliers == false)
        #expect(pipeline.duplicatePolicy == .keepAll)
        #expect(pipeline.countMismatchTolerance == 0.1)
        #expect(pipeline.outlierRules.first == OutlierRuleSetting(metric: .costPerPerson, method: .modifiedZScore,
                                                                  threshold: 3.5, logScale: true))
        #expect(pipeline.missingValueWords.contains("don't know") && pipeline.missingValueWords.contains("not known"))
        #expect(pipeline.strengthScale.map(\.minimum) == [0.7, 0.5, 0.3, 0.1, 0])
        #expect(Set(pipeline.descriptiveMetrics).isSuperset(of: [.totalCost, .peopleSupported, .costPerPerson,
                                                                .costPerOutcome, .outcomeRate, .gainedShare,
                                                                .supportLevelIndex]))
    }

    /// Edits one line of the built-in text and expects exit 78 at that line, naming the key.
    @Test("a wrong key, type or name exits 78 at its line, naming the key", arguments: [
        ("duplicates = \"keep-all\"", "duplicate = \"keep-all\"", "checks.duplicate", "unknown key"),
        ("exclude_outliers = false", "exclude_outliers = \"no\"", "outliers.exclude_outliers", "must be true or false"),
        ("count_mismatch_tolerance = 0.10", "count_mismatch_tolerance = \"10%\"", "checks.count_mismatch_tolerance",
         "must be a number"),
        ("count_mismatch_tolerance = 0.10", "count_mismatch_tolerance = 10", "checks.count_mismatch_tolerance",
         "between 0 and 1"),
        ("{ x = \"total_cost\", y = \"cost_per_person\" }", "{ x = \"total_costs\", y = \"cost_per_person\" }",
         "correlations.pairs[5].x", "unknown metric `total_costs`"),
        ("{ metric = \"cost_per_outcome\", method = \"modified-z\"", "{ metric = \"cost_per_outcome\", method = \"mad\"",
         "outliers.rules[2].method", "not a valid"),
        ("{ metric = \"total_cost\", method = \"modified-z\", threshold = 3.5, log_scale = true }",
         "{ metric = \"total_cost\", method = \"modified-z\", threshold = 3.5, log = true }",
         "outliers.rules[3].log", "unknown key"),
        ("name = \"mixed\"", "name = \"mixd\"", "groups[4].name", "not built in"),
        ("  \"support_level_index\",\n]", "  \"support_level_index\",\n  \"support_level_idx\",\n]",
         "descriptives.metrics[13]", "unknown metric"),
        ("metrics = [\"cost_per_person\", \"cost_per_outcome\", \"outcome_rate\"]",
         "metrics = [\"cost_per_person\", \"cost_per_person\"]", "bands.metrics[2]", "listed twice"),
        ("{ minimum = 0.3, word = \"moderate\" }", "{ minimum = 0.8, word = \"moderate\" }",
         "strength.scale[3].minimum", "fall strictly"),
        ("[bands]", "[band]", "band", "unknown key"),
    ])
    func keyedErrors(original: String, replacement: String, key: String, fragment: String) throws {
        let edit = try #require(PipelineEdit(replacing: original, with: replacement), "fixture text not found: \(original)")
        #expect {
            try PipelineDefinition.parse(text: edit.text, displayPath: "edited.toml")
        } throws: { error in
            guard let error = error as? VFMError else { return false }
            return error.status == .badPipeline && error.file == "edited.toml" && error.column == key
                && error.line == edit.line && error.message.contains(fragment) && error.hint != nil
        }
    }

    @Test("a key missing from a section is reported at the section header")
    func missingKey() throws {
        let builtIn = PipelineDefinition.builtIn().text
        let text = builtIn.replacingOccurrences(of: "reported_ratio_tolerance = 0.01\n", with: "")
        let headerLine = try #require(builtIn.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex(of: "[checks]")) + 1
        let error = try #require(throws: VFMError.self) { try PipelineDefinition.parse(text: text, displayPath: "p.toml") }
        #expect(error.line == headerLine)
        #expect(error.column == "checks.reported_ratio_tolerance")
        #expect(error.status == .badPipeline)
    }

    @Test("a syntax error is exit 78 with its line and column")
    func syntaxError() throws {
        let error = try #require(throws: VFMError.self) {
            try PipelineDefinition.parse(text: "name = \"x\"\n[input\n", displayPath: "p.toml")
        }
        #expect(error.status == .badPipeline)
        #expect(error.line == 2)
        #expect(error.message.contains("column 7"))
    }

    @Test("a missing pipeline file is exit 66 (like a missing input, SPEC §3) naming it by its base name")
    func missingFile() throws {
        let error = try #require(throws: VFMError.self) {
            try PipelineDefinition.load(path: "/nonexistent/dir/my-pipeline.toml")
        }
        #expect(error.status == .noInput)
        #expect(error.file == "my-pipeline.toml")
    }

    @Test("a group filter needs a column and values, and built-in names take none")
    func groupFilters() throws {
        let base = PipelineDefinition.builtIn().text
        let good = try PipelineDefinition.parse(
            text: base + "\n[[groups]]\nname = \"london\"\ncolumn = \"region\"\nvalues = [\"London\", \"Greater London\"]\n",
            displayPath: "p.toml")
        #expect(good.definition.groups.last == GroupDefinition(
            name: "london", selection: .columnIn(column: "region", values: ["London", "Greater London"])))
        #expect(throws: VFMError.self) {
            try PipelineDefinition.parse(text: base + "\n[[groups]]\nname = \"LD\"\ncolumn = \"region\"\nvalues = [\"x\"]\n",
                                         displayPath: "p.toml")
        }
        #expect(throws: VFMError.self) {
            try PipelineDefinition.parse(text: base + "\n[[groups]]\nname = \"london\"\ncolumn = \"region\"\n",
                                         displayPath: "p.toml")
        }
    }
}

@Suite("the pipeline's [input] sheet")
struct PipelineInputSheetTests {
    @Test("names the worksheet of .xlsx inputs; absent means the first sheet with a header")
    func sheetKey() throws {
        let text = try String(contentsOfFile: PipelineLoadingTests.filePath, encoding: .utf8)
        let withSheet = text.replacingOccurrences(of: "[input]\n", with: "[input]\nsheet = \"Return\"\n")
        #expect(withSheet != text)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-sheet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("p.toml").path
        try withSheet.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try PipelineDefinition.load(path: path).definition.inputSheet == "Return")
        #expect(PipelineDefinition.builtIn().definition.inputSheet == nil)
        try text.replacingOccurrences(of: "[input]\n", with: "[input]\nsheet = 3\n").write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: VFMError.self) { _ = try PipelineDefinition.load(path: path) }
        #expect(error?.status == .badPipeline)
    }
}
