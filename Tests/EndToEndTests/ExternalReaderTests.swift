import Foundation
import RunFiles
import Tabular
import Testing
import VFMCore
import VFMTestSupport

/// Every CSV a run writes, read the way its users read it: pandas, polars, frictionless and
/// DuckDB (in a venv that `make pyenv` creates under .build/), and this project's strict
/// reader. The runs are the sample and the messy row fixtures (rejects from ingest and clean, flags,
/// formula-like names, quoted newlines).
@Suite("every CSV of a run is a table pandas, polars and a strict reader agree on", .serialized)
struct ExternalReaderTests {
    enum PythonEnvironment {
        case ready(URL)
        /// PyPI could not be reached: the only case the test is skipped for.
        case unreachable(String)
        case broken(String)
    }

    static let python: PythonEnvironment = {
        let root = FixturePaths.repositoryRoot
        guard let result = try? ExecuteCommand.run(URL(fileURLWithPath: "/usr/bin/env"), ["make", "-s", "pyenv"],
                                                   currentDirectory: root) else {
            return .broken("could not run `make pyenv`")
        }
        switch result.status {
        case 0: return .ready(root.appendingPathComponent(".build/pyenv/bin/python"))
        case 3: return .unreachable(result.stderr)
        default: return .broken("`make pyenv` failed: \(result)")
        }
    }()

    static var pypiReachable: Bool {
        if case .unreachable = python { return false }
        return true
    }

    /// Runs `vfm run` on `input` into a scratch directory.
    static func run(_ input: String, label: String) throws -> ScratchDirectory {
        let scratch = try ScratchDirectory(label)
        let result = try ExecuteCommand.run("vfm", ["run", "--quiet", "--input", FixturePaths.fixture(input).path,
                                                    "--output", scratch.appending("out").path])
        #expect(result.status == 0, "\(result)")
        return scratch
    }

    static let inputs = ["returns/sample-70.csv", "messy/rows"]

    /// The venv's python, or `nil` with the reason recorded as the test's failure.
    static func readyPython() -> URL? {
        switch python {
        case .ready(let url): return url
        case .unreachable(let message), .broken(let message):
            Issue.record(Comment(rawValue: message))
            return nil
        }
    }

    /// Runs `Tests/Python/<script>` in the venv on a fresh `vfm run` of `input`; `nil` (with
    /// the venv's failure recorded) when the venv is not ready.
    static func runScript(_ script: String, onRunOf input: String) throws -> ExecutionResult? {
        guard let python = readyPython() else { return nil }
        let scratch = try Self.run(input, label: "external-readers")
        defer { scratch.remove() }
        let path = FixturePaths.repositoryRoot.appendingPathComponent("Tests/Python/" + script)
        return try ExecuteCommand.run(python, [path.path, scratch.appending("out").path])
    }

    @Test("pandas and polars read every CSV with `line` and `n` as integers and no column shifted",
          .enabled(if: pypiReachable, "PyPI is unreachable: pandas and polars could not be installed"),
          arguments: inputs)
    func pandasAndPolars(input: String) throws {
        guard let result = try Self.runScript("read_run_csvs.py", onRunOf: input) else { return }
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("clean/rejected.csv: ok"), "\(result)")
        #expect(result.stdout.contains("clean/flags.csv: ok"), "\(result)")
    }

    @Test("the strict reader finds every record as wide as its header in every CSV", arguments: inputs)
    func strictReader(input: String) throws {
        let scratch = try Self.run(input, label: "strict-reader")
        defer { scratch.remove() }
        let root = scratch.appending("out")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".csv") }.sorted()
        #expect(files.contains(RunLayout.cleanRejected) && files.contains(RunLayout.descriptives))
        for file in files {
            let bytes = try FileSystem.readBytes(root.appendingPathComponent(file).path)
            let records = try RunFileCSV(file: file, hint: "").records(bytes)
            let header = try #require(records.first, "\(file) has no header")
            for record in records.dropFirst() {
                #expect(record.cells.count == header.cells.count,
                        "\(file):\(record.line) has \(record.cells.count) cells for \(header.cells.count) columns")
            }
            if let line = header.cells.firstIndex(of: "line") {
                #expect(records.dropFirst().allSatisfy { Int($0.cells[line]) != nil }, "\(file): `line` not integers")
            }
        }
    }

    @Test("the messy run's rejects name the cell at fault and keep the record as read")
    func messyRejects() throws {
        let scratch = try Self.run("messy/rows", label: "messy-rejects")
        defer { scratch.remove() }
        let bytes = try FileSystem.readBytes(scratch.appending("out/" + RunLayout.cleanRejected).path)
        let records = try RunFileCSV(file: RunLayout.cleanRejected, hint: "").records(bytes)
        #expect(records.first?.cells == ["source_file", "line", "rule", "message", "column", "value", "record"])
        // Fixtures/messy/rows/06-ragged.csv line 4: seven cells under a six-column header.
        let tooMany = try #require(records.first { $0.cells.prefix(2) == ["06-ragged.csv", "4"] })
        #expect(tooMany.cells[2] == "ragged-row" && tooMany.cells[4] == "" && tooMany.cells[5] == "")
        #expect(CSVEncoding.cells(ofRecordLine: tooMany.cells[6]) == ["Luton", "Too Many", "1000", "10", "2", "", "extra"])
        // 03-money-and-counts.csv line 8: `12,5` (a decimal comma) in total_cost, quoted in the file.
        let decimalComma = try #require(records.first { $0.cells.prefix(2) == ["03-money-and-counts.csv", "8"] })
        #expect(decimalComma.cells[4] == "total_cost" && decimalComma.cells[5] == "12,5")
        #expect(CSVEncoding.cells(ofRecordLine: decimalComma.cells[6]) == ["A07", "Decimal comma", "12,5", "10", "1", ""])
    }
}
