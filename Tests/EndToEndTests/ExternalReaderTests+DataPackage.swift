import Foundation
import Testing
import VFMCore
import VFMTestSupport

extension ExternalReaderTests {
    /// SPEC §13: every run's datapackage.json passes `frictionless validate`, lists every
    /// CSV with every field described, and DuckDB reads each table with the declared types
    /// (Tests/Python/validate_datapackage.py, in the venv `make pyenv` creates). Besides the
    /// sample and the messy rows, a return whose extra columns have hostile names.
    @Test("frictionless validates the run's data package and DuckDB reads every table with its declared types",
          .enabled(if: pypiReachable, "PyPI is unreachable: frictionless and DuckDB could not be installed"),
          arguments: inputs + ["messy/headers"])
    func dataPackage(input: String) throws {
        guard let result = try Self.runScript("validate_datapackage.py", onRunOf: input) else { return }
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("frictionless validate: valid"), "\(result)")
        #expect(result.stdout.contains("clean/flags.csv: read by DuckDB with the declared types"), "\(result)")
    }
}
