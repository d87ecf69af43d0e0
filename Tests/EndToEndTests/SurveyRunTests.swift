import Foundation
import Tabular
import Testing
import VFMCore
import VFMTestSupport

/// `vfm run` of the commissioners' spending survey (SPEC §12) on the built binary: its
/// tables against the independent Python implementation's (Fixtures/survey/reference_survey.py,
/// expected values in Fixtures/survey/expected/), CSV against workbook, exit codes, the
/// up-to-date check with --reference, and the data package.
@Suite("spending survey runs end to end", .serialized)
struct SurveyRunTests {
    static let pipeline = FixturePaths.repositoryRoot.appendingPathComponent("Pipelines/ndti-2014-survey.toml").path

    static func run(_ input: String, reference: String? = "survey/work-choice-sample.csv", output: String,
                    extra: [String] = []) throws -> ExecutionResult {
        var arguments = ["run", "--quiet", "--config", pipeline, "--input", FixturePaths.fixture(input).path,
                         "--output", output]
        if let reference { arguments += ["--reference", FixturePaths.fixture(reference).path] }
        return try ExecuteCommand.run("vfm", arguments + extra)
    }

    /// Each compared file's key columns: rows are matched by them, in any order.
    static let keys: [String: [String]] = [
        "tables/responses.csv": ["subset"], "tables/spend_by_year.csv": ["subset", "stream", "year"],
        "tables/budget_change.csv": ["subset", "stream"], "tables/budget_ratio.csv": ["authority", "stream"],
        "tables/five_year.csv": ["subset"], "tables/spend_by_type.csv": ["subset", "client", "type"],
        "tables/data_collected.csv": ["subset", "item"], "tables/personal_budgets.csv": ["question", "answer"],
        "tables/factors.csv": ["factor"], "tables/work_choice.csv": ["measure"], "clean/areas.csv": ["authority"],
        "clean/flags.csv": ["source", "rule", "metric"],
        "clean/rejected.csv": ["source_file", "line", "rule", "column", "value"],
    ]

    static func table(_ path: String) throws -> (header: [String], rows: [[String]]) {
        let records = try CSVRecordParser.records(utf8: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        return (records.first?.cells ?? [], records.dropFirst().map(\.cells))
    }

    /// Differences between an expected file and the run's: keys present in one only, and
    /// cells of the expected columns that differ (numbers beyond `tolerance`, relative).
    static func differences(expected: String, actual: String, keys: [String], tolerance: Double) throws -> [String] {
        let (expectedHeader, expectedRows) = try table(expected)
        // The project's own readers undo the formula-injection guard (SPEC §7: `-5,000` is
        // written `'-5,000`); the reference writes cells bare.
        let (actualHeader, written) = try table(actual)
        let actualRows = written.map { $0.map(CSVInjection.restore) }
        func keyed(_ header: [String], _ rows: [[String]]) -> [[String]: [String: String]] {
            var map: [[String]: [String: String]] = [:]
            for row in rows {
                let cells = Dictionary(zip(header, row), uniquingKeysWith: { first, _ in first })
                map[keys.map { cells[$0] ?? "" }] = cells
            }
            return map
        }
        let want = keyed(expectedHeader, expectedRows), got = keyed(actualHeader, actualRows)
        var problems: [String] = []
        for key in want.keys where got[key] == nil { problems.append("\(actual): missing row \(key)") }
        for key in got.keys where want[key] == nil { problems.append("\(actual): unexpected row \(key)") }
        for (key, cells) in want {
            guard let mine = got[key] else { continue }
            for (column, value) in cells {
                let other = mine[column] ?? "«no column»"
                if value == other { continue }
                if let a = Double(value), let b = Double(other), abs(a - b) <= tolerance * max(abs(a), abs(b)) { continue }
                problems.append("\(actual) \(key) \(column): expected \(value), got \(other)")
            }
        }
        return problems
    }

    @Test("the sample's tables, flags, rejects and areas equal the independent Python implementation's (1e-12; Work Choice 1e-9)")
    func sampleAgainstReference() throws {
        let scratch = try ScratchDirectory("survey-reference")
        defer { scratch.remove() }
        let output = scratch.appending("out").path
        let result = try Self.run("survey/sample-99.csv", output: output)
        #expect(result.status == 0, "\(result)")
        try Self.expectReference("sample-99", run: output)
        // Figures from fewer than 10 areas or responses are marked, as the returns' report
        // marks small groups (the sample's calculated subset has 2 areas with a combined
        // budget, Fixtures/survey/expected/sample-99/tables/spend_by_year.csv).
        let report = try String(contentsOfFile: output + "/report.md", encoding: .utf8)
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("| calculated | combined | 2012/13 | 2† | £186,250 | £186,250 | £372,500 |"))
        #expect(!lines.contains { $0.hasPrefix("| all |") && $0.contains("†") })
        let explanation = "*† Fewer than 10 areas or responses: one more or less could move this figure a long way; "
            + "read it with caution.*"
        for (index, line) in lines.enumerated() where line == explanation {
            #expect(lines[index - 2].contains("†"))
        }
        #expect(lines.contains(explanation) && lines.contains("No row was rejected."))
    }

    /// Every file `Fixtures/survey/expected/<name>/` holds, compared with the run's.
    static func expectReference(_ name: String, run output: String) throws {
        let expected = FixturePaths.fixture("survey/expected/\(name)")
        for (file, keys) in keys.sorted(by: { $0.key < $1.key }) {
            let path = expected.appendingPathComponent(file).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let problems = try differences(expected: path, actual: output + "/" + file, keys: keys,
                                           tolerance: file.hasSuffix("work_choice.csv") ? 1e-9 : 1e-12)
            #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
        }
    }

    @Test("the CSV and the .xlsx of the same responses give the same tables, byte for byte",
          arguments: [("survey/sample-99.csv", "survey/sample-99.xlsx"), ("survey/hand-12.csv", "survey/hand-12.xlsx")])
    func workbookAgreesWithCSV(csv: String, workbook: String) throws {
        let scratch = try ScratchDirectory("survey-xlsx")
        defer { scratch.remove() }
        let first = try Self.run(csv, output: scratch.appending("csv").path)
        let second = try Self.run(workbook, output: scratch.appending("xlsx").path)
        #expect(first.status == 0 && second.status == 0, "\(first)\n\(second)")
        let tables = DirectorySnapshot(of: scratch.appending("csv/tables"))
        #expect(!tables.paths.isEmpty)
        #expect(tables == DirectorySnapshot(of: scratch.appending("xlsx/tables")))
    }

    @Test("exit codes: a gap in a stream's years is 65 and publishes nothing; an unknown kind is 78; --reference with the service returns is 64")
    func exitCodes() throws {
        let scratch = try ScratchDirectory("survey-exit")
        defer { scratch.remove() }
        let gap = scratch.appending("gap.csv")
        try Data("authority,Health 2010/11,Health 2012/13\nYork,1,2\n".utf8).write(to: gap)
        let output = scratch.appending("out").path
        let gapRun = try ExecuteCommand.run("vfm", ["run", "--config", Self.pipeline, "--input", gap.path, "--output", output])
        #expect(gapRun.status == 65, "\(gapRun)")
        #expect(gapRun.stderr.contains("health") && gapRun.stderr.contains("2010/11") && gapRun.stderr.contains("2012/13"))
        #expect(!FileManager.default.fileExists(atPath: output))

        let badKind = scratch.appending("bad.toml")
        try Data("kind = \"spending-surveys\"\nname = \"x\"\n".utf8).write(to: badKind)
        let kindRun = try ExecuteCommand.run("vfm", ["run", "--config", badKind.path, "--input", gap.path, "--output", output])
        #expect(kindRun.status == 78, "\(kindRun)")
        #expect(kindRun.stderr.contains("kind"))

        let referenceRun = try ExecuteCommand.run("vfm", ["run", "--input", FixturePaths.fixture("returns/sample-70.csv").path,
                                                          "--reference", gap.path, "--output", output])
        #expect(referenceRun.status == 64, "\(referenceRun)")
    }

    @Test("rows rejected are exit 0 and listed; --fail-on rejects makes them 65 after publishing")
    func rejectsAndFailOn() throws {
        let scratch = try ScratchDirectory("survey-rejects")
        defer { scratch.remove() }
        let output = scratch.appending("out").path
        let result = try Self.run("survey/hand-12.csv", reference: "survey/hand-12-reference.csv", output: output)
        #expect(result.status == 0, "\(result)")
        let rejected = try Self.table(output + "/clean/rejected.csv")
        #expect(rejected.rows.map { $0[2] } == ["total-row", "authority-missing", "negative-money", "invalid-choice", "ragged-row"])
        let report = try String(contentsOfFile: output + "/report.md", encoding: .utf8)
        #expect(report.contains("5 rows rejected (authority-missing 1, invalid-choice 1, negative-money 1, ragged-row 1, "
            + "total-row 1); each with its file, line, column and reason in `clean/rejected.csv`."))
        let strict = try Self.run("survey/hand-12.csv", reference: "survey/hand-12-reference.csv", output: output,
                                  extra: ["--force", "--fail-on", "rejects"])
        #expect(strict.status == 65, "\(strict)")
    }

    @Test("vfm-diff of two survey runs lists the changed response and area, then the findings it moved; a run against itself has none")
    func diffOfTwoSurveyRuns() throws {
        let scratch = try ScratchDirectory("survey-diff")
        defer { scratch.remove() }
        let old = scratch.appending("old").path, new = scratch.appending("new").path
        #expect(try Self.run("survey/hand-12.csv", reference: nil, output: old).status == 0)
        // Leeds's first response: social care 2012-13 from £110,000 to £160,000.
        let text = try String(contentsOf: FixturePaths.fixture("survey/hand-12.csv"), encoding: .utf8)
        let edited = text.replacingOccurrences(of: "Leeds,Commissioner 1,120000,150000,110000,",
                                               with: "Leeds,Commissioner 1,120000,150000,160000,")
        #expect(edited != text)
        let input = scratch.appending("hand-12-v2.csv")
        try Data(edited.utf8).write(to: input)
        let arguments = ["run", "--quiet", "--config", Self.pipeline, "--input", input.path, "--output", new]
        #expect(try ExecuteCommand.run("vfm", arguments).status == 0)

        let diff = try ExecuteCommand.run("vfm-diff", [old, new])
        #expect(diff.status == 1, "\(diff)")
        // The input file's new name moves no row: sources are provenance, not keys.
        #expect(diff.stdout.contains("- `clean/responses.csv`: 0 rows only in the new run, 0 only in the old run, 1 changed."))
        #expect(diff.stdout.contains("| Leeds | Commissioner 1 | spend social care 2012 13 | £110,000 | £160,000 | +£50,000 | +45.5% |"))
        #expect(diff.stdout.contains("### `clean/areas.csv`"))
        #expect(diff.stdout.contains("## Findings") && diff.stdout.contains("### `tables/spend_by_year.csv`"))
        #expect(!diff.stdout.contains("Services:") && !diff.stdout.contains("Correlations:"))
        let same = try ExecuteCommand.run("vfm-diff", [old, old])
        #expect(same.status == 0, "\(same)")
        #expect(same.stdout.contains("No differences."))
        let mixed = try ExecuteCommand.run("vfm-diff", [old, FixturePaths.repositoryRoot.appendingPathComponent("Output/sample").path])
        #expect(mixed.status == 64, "\(mixed)")
    }

    @Test("the reference file is part of the run's identity: same inputs are up to date, a changed reference re-runs")
    func referenceIdentity() throws {
        let scratch = try ScratchDirectory("survey-identity")
        defer { scratch.remove() }
        let output = scratch.appending("out").path
        let reference = scratch.appending("work-choice.csv")
        try Data(contentsOf: FixturePaths.fixture("survey/hand-12-reference.csv")).write(to: reference)
        let arguments = ["run", "--config", Self.pipeline, "--input", FixturePaths.fixture("survey/hand-12.csv").path,
                         "--reference", reference.path, "--output", output]
        #expect(try ExecuteCommand.run("vfm", arguments).status == 0)
        let again = try ExecuteCommand.run("vfm", arguments)
        #expect(again.stderr.contains("up to date"), "\(again)")
        try Data("authority,population,work_choice_starts\nLeeds,100,1\n".utf8).write(to: reference)
        let dry = try ExecuteCommand.run("vfm", arguments + ["--dry-run"])
        #expect(dry.stdout.contains("reference"), "\(dry)")
        let changed = try ExecuteCommand.run("vfm", arguments)
        #expect(changed.status == 0)
        #expect(changed.stderr.contains("reference file (--reference) changed"), "\(changed)")
        let manifest = try String(contentsOfFile: output + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"reference\""))
    }

    @Test("frictionless validates the survey run's data package and DuckDB reads every table with its declared types",
          .enabled(if: ExternalReaderTests.pypiReachable, "PyPI is unreachable: frictionless and DuckDB could not be installed"))
    func dataPackage() throws {
        guard let python = ExternalReaderTests.readyPython() else { return }
        let scratch = try ScratchDirectory("survey-datapackage")
        defer { scratch.remove() }
        let output = scratch.appending("out").path
        #expect(try Self.run("survey/hand-12.csv", reference: "survey/hand-12-reference.csv", output: output).status == 0)
        let script = FixturePaths.repositoryRoot.appendingPathComponent("Tests/Python/validate_datapackage.py").path
        let result = try ExecuteCommand.run(python, [script, output])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("frictionless validate: valid"), "\(result)")
        #expect(result.stdout.contains("clean/responses.csv: read by DuckDB with the declared types"), "\(result)")
        #expect(result.stdout.contains("tables/work_choice.csv: read by DuckDB with the declared types"), "\(result)")
    }
}
