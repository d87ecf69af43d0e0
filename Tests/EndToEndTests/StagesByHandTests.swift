import Foundation
import RunFiles
import Testing
import VFMTestSupport

/// Running the four stage executables by hand gives the same bytes as `vfm run` (SPEC §3).
@Suite("stage executables")
struct StagesByHandTests {
    @Test("vfm-ingest, vfm-clean, vfm-analyze, vfm-report on one directory give the bytes of vfm run",
          arguments: [Input.smallWithReject, .sampleFixture, .threeYears])
    func byHandEqualsRun(input: Input) throws {
        let workspace = try input.workspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        try Self.expectByHandEqualsRun(workspace)
    }

    @Test("by hand gives the bytes of vfm run on the messy returns, and with outliers excluded from the statistics",
          arguments: [("messy/rows", false), ("returns/sample-70.csv", true)])
    func byHandEqualsRunMessyOrExcluding(fixture: String, excludeOutliers: Bool) throws {
        let workspace = try RunWorkspace(copying: fixture)
        defer { workspace.remove() }
        var config: [String] = []
        if excludeOutliers {
            // Excluded services enter no statistic but are still placed in the benchmark.
            let pipeline = workspace.scratch.appending("exclude.toml")
            let text = try String(contentsOf: FixturePaths.repositoryRoot.appendingPathComponent("Pipelines/ndti-2014.toml"),
                                  encoding: .utf8)
            // A lower threshold, so that the sample has outliers to exclude.
            let excluding = text.replacingOccurrences(of: "exclude_outliers = false", with: "exclude_outliers = true")
                .replacingOccurrences(of: #"{ metric = "cost_per_person", method = "modified-z", threshold = 3.5"#,
                                      with: #"{ metric = "cost_per_person", method = "modified-z", threshold = 1.5"#)
            #expect(excluding != text)
            try Data(excluding.utf8).write(to: pipeline)
            config = ["--config", pipeline.path]
        }
        #expect(try workspace.run(config).status == 0)
        let byHand = try Self.expectByHandEqualsRun(workspace, config: config)
        if excludeOutliers {
            let services = try String(contentsOfFile: byHand + "/" + RunLayout.cleanServices, encoding: .utf8)
            #expect(services.contains(",true,"), "no service was excluded: the case tests nothing")
        }
    }

    /// Runs the four stages by hand into `by-hand` beside `workspace`'s published run (with
    /// `config`, as the run was given) and expects the same paths and bytes; returns the
    /// by-hand directory.
    @discardableResult
    static func expectByHandEqualsRun(_ workspace: RunWorkspace, config: [String] = []) throws -> String {
        let byHand = workspace.scratch.appending("by-hand").path
        for (executable, arguments) in [("vfm-ingest", ["--input", workspace.input.path]), ("vfm-clean", []),
                                        ("vfm-analyze", []), ("vfm-report", [])] {
            let result = try ExecuteCommand.run(executable, ["--run-dir", byHand] + config + arguments)
            #expect(result.status == 0, "\(executable): \(result)")
        }
        let expected = workspace.snapshot
        let actual = DirectorySnapshot(of: URL(fileURLWithPath: byHand))
        #expect(actual.paths == expected.paths)
        for path in expected.paths where actual.files[path] != expected.files[path] {
            Issue.record("\(path) differs between the stages by hand and vfm run")
        }
        return byHand
    }

    @Test("a stage run on a directory without the previous stage's files exits 66",
          arguments: ["vfm-clean", "vfm-analyze", "vfm-report"])
    func missingPreviousStage(executable: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try ExecuteCommand.run(executable, ["--run-dir", scratch.path])
        #expect(result.status == 66, "\(result)")
    }

    /// What a user gets from `vfm-report` on a directory the earlier stages have not
    /// finished: no report, exit 66, and the file that is missing with the stage that writes it.
    @Test("vfm-report before the earlier stages are done exits 66, naming the missing file and the stage to run",
          arguments: [(["vfm-ingest"], nil, "clean/services.csv", "vfm-clean"),
                      (["vfm-ingest", "vfm-clean"], nil, "tables/descriptives.csv", "vfm-analyze"),
                      (["vfm-ingest", "vfm-clean", "vfm-analyze"], "tables/periods.csv", "tables/periods.csv", "vfm-analyze"),
                      (["vfm-ingest", "vfm-clean", "vfm-analyze"], "clean/flags.csv", "clean/flags.csv", "vfm-clean")]
                      as [([String], String?, String, String)])
    func reportBeforeEarlierStages(stages: [String], removed: String?, missing: String, stage: String) throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let directory = workspace.scratch.appending("by-hand")
        for executable in stages {
            let input = executable == "vfm-ingest" ? ["--input", workspace.input.path] : []
            let result = try ExecuteCommand.run(executable, ["--run-dir", directory.path] + input)
            #expect(result.status == 0, "\(executable): \(result)")
        }
        if let removed { try FileManager.default.removeItem(at: directory.appendingPathComponent(removed)) }
        let result = try ExecuteCommand.run("vfm-report", ["--run-dir", directory.path])
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.contains(missing) && result.stderr.contains("run \(stage)"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("report.md").path))
    }

    @Test("every command's --help documents inputs, outputs and exit codes",
          arguments: [("vfm", ["run", "--help"]), ("vfm-ingest", ["--help"]), ("vfm-clean", ["--help"]),
                      ("vfm-analyze", ["--help"]), ("vfm-report", ["--help"])])
    func helpDocumentsContract(executable: String, arguments: [String]) throws {
        let result = try ExecuteCommand.run(executable, arguments)
        #expect(result.status == 0, "\(result)")
        for word in ["Exit status", "65", "66", "73", "74", "75", "78"] {
            #expect(result.stdout.contains(word), "\(executable) --help lacks \(word)")
        }
        #expect(result.stdout.contains("Reads") || result.stdout.contains("Inputs"))
        #expect(result.stdout.contains("Writes") || result.stdout.contains("Output"))
    }

    enum Input: CustomStringConvertible {
        case smallWithReject, sampleFixture
        /// Three periods in one file: only the current returns are placed in the benchmark.
        case threeYears

        func workspace() throws -> RunWorkspace {
            switch self {
            case .smallWithReject: return try RunWorkspace(returns: TestReturns.withRejectedRow)
            case .sampleFixture: return try RunWorkspace(copying: "returns/sample-70.csv")
            case .threeYears: return try RunWorkspace(copying: "periods/three-years.csv")
            }
        }

        var description: String {
            switch self {
            case .smallWithReject: "small returns with a rejected row"
            case .sampleFixture: "sample-70.csv"
            case .threeYears: "three-years.csv"
            }
        }
    }
}
