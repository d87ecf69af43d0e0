import Foundation
import Testing
import VFMCore
import VFMTestSupport

extension ExternalReaderTests {
    /// SPEC §13: every run's datapackage.json passes `frictionless validate`, lists every
    /// CSV with every field described, and DuckDB reads each table with the declared types
    /// (Tests/Python/validate_datapackage.py, in the venv `make pyenv` creates). Besides the
    /// sample and the messy rows, a return whose extra columns have hostile names, three years of
    /// returns (the period tables) and the model fixture (the model tables filled).
    @Test("frictionless validates the run's data package and DuckDB reads every table with its declared types",
          .enabled(if: pypiReachable, "PyPI is unreachable: frictionless and DuckDB could not be installed"),
          arguments: inputs + ["messy/headers", "periods/three-years.csv", "model/returns-model.csv"])
    func dataPackage(input: String) throws {
        guard let result = try Self.runScript("validate_datapackage.py", onRunOf: input) else { return }
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("frictionless validate: valid"), "\(result)")
        #expect(result.stdout.contains("clean/flags.csv: read by DuckDB with the declared types"), "\(result)")
    }

    @Test("after vfm-ingest and after vfm-clean run by hand, the data package of the files so far is valid",
          .enabled(if: pypiReachable, "PyPI is unreachable: frictionless and DuckDB could not be installed"))
    func dataPackageByHand() throws {
        guard let python = Self.readyPython() else { return }
        let scratch = try ScratchDirectory("datapackage-by-hand")
        defer { scratch.remove() }
        let directory = scratch.appending("run").path
        let script = FixturePaths.repositoryRoot.appendingPathComponent("Tests/Python/validate_datapackage.py").path
        for (stage, arguments) in [("vfm-ingest", ["--input", FixturePaths.fixture("messy/rows").path]), ("vfm-clean", [])] {
            let run = try ExecuteCommand.run(stage, ["--quiet", "--run-dir", directory] + arguments)
            #expect(run.status == 0, "\(run)")
            let result = try ExecuteCommand.run(python, [script, directory])
            #expect(result.status == 0, "after \(stage): \(result)")
            let expected = stage == "vfm-ingest" ? "ingest/rejected.csv" : "clean/flags.csv"
            #expect(result.stdout.contains(expected + ": read by DuckDB"), "after \(stage): \(result)")
        }
    }
}
