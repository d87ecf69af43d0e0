import Foundation
import Tabular
import Testing
import VFMTestSupport

/// A CSV and a workbook of the same returns give the same run (SPEC §4): byte-identical
/// tables/ and clean/services.csv, the `source` column (file:line) aside. The workbooks
/// come from two writers (Fixtures/workbooks/make_workbooks.py): openpyxl, with a notes
/// sheet, title rows, £-formatted money and percent-formatted breakdowns; and LibreOffice,
/// with formulas by their saved results.
@Suite("a workbook and a CSV of the same returns give the same run")
struct WorkbookRunTests {
    static func run(_ input: String, in scratch: ScratchDirectory, extra: [String] = []) throws -> (URL, ExecutionResult) {
        let output = scratch.appending("out-" + URL(fileURLWithPath: input).lastPathComponent)
        let result = try ExecuteCommand.run("vfm", ["run", "--quiet", "--input", input, "--output", output.path] + extra)
        return (output, result)
    }

    /// clean/services.csv as records with the `source` cell removed.
    static func servicesWithoutSource(_ run: URL) throws -> [[String]] {
        let bytes = Array(try Data(contentsOf: run.appendingPathComponent("clean/services.csv")))
        let records = try CSVRecordParser.records(utf8: bytes)
        let sourceIndex = try #require(records.first?.cells.firstIndex(of: "source"))
        return records.map { record in record.cells.enumerated().filter { $0.offset != sourceIndex }.map(\.element) }
    }

    static func tableFiles(_ run: URL) throws -> [String: Data] {
        let directory = run.appendingPathComponent("tables")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    @Test("same tables and services", arguments: [
        ("workbooks/returns.csv", "workbooks/openpyxl-return.xlsx"),
        ("workbooks/returns.csv", "workbooks/libreoffice-return.xlsx"),
        ("returns/sample-70.csv", "workbooks/sample-70-libreoffice.xlsx"),
    ])
    func sameRun(csv: String, workbook: String) throws {
        let scratch = try ScratchDirectory("vfm-workbook-run")
        defer { scratch.remove() }
        let (csvRun, csvResult) = try Self.run(FixturePaths.fixture(csv).path, in: scratch)
        let (bookRun, bookResult) = try Self.run(FixturePaths.fixture(workbook).path, in: scratch)
        try #require(csvResult.status == 0, "\(csvResult)")
        try #require(bookResult.status == 0, "\(bookResult)")
        let csvTables = try Self.tableFiles(csvRun), bookTables = try Self.tableFiles(bookRun)
        #expect(csvTables.keys.sorted() == bookTables.keys.sorted())
        for (name, data) in csvTables { #expect(bookTables[name] == data, "tables/\(name)") }
        let csvServices = try Self.servicesWithoutSource(csvRun)
        #expect(csvServices.count > 1)
        #expect(try Self.servicesWithoutSource(bookRun) == csvServices)
    }

    @Test("the workbook's preamble and sheet are recorded in ingest/inputs.json and the manifest")
    func provenance() throws {
        let scratch = try ScratchDirectory("vfm-workbook-run")
        defer { scratch.remove() }
        let (run, result) = try Self.run(FixturePaths.fixture("workbooks/openpyxl-return.xlsx").path, in: scratch)
        try #require(result.status == 0, "\(result)")
        let inputs = try String(contentsOf: run.appendingPathComponent("ingest/inputs.json"), encoding: .utf8)
        #expect(inputs.contains("\"preamble_rows\": 2"))
        #expect(inputs.contains("\"sheet\": \"Return\""))
        #expect(inputs.contains("\"encoding\": \"xlsx\""))
        let manifest = try String(contentsOf: run.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"preamble_rows\": 2"))
        #expect(manifest.contains("\"sheet\": \"Return\""))
        let report = try String(contentsOf: run.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("Return"))
    }

    @Test("an unreadable workbook exits 65, names the file, says to save it as .xlsx or CSV UTF-8, publishes nothing",
          arguments: ["legacy.xls", "encrypted.xlsx", "spreadsheet.ods", "truncated.xlsx", "bomb-declared.xlsx",
                      "damaged-sheet.xlsx", "no-header.xlsx", "not-a-workbook.xlsx"])
    func unreadable(name: String) throws {
        let scratch = try ScratchDirectory("vfm-workbook-run")
        defer { scratch.remove() }
        let (run, result) = try Self.run(FixturePaths.fixture("workbooks/errors/" + name).path, in: scratch)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains(name + ":"), "\(result.stderr)")
        #expect(result.stderr.contains("save it as .xlsx or CSV UTF-8"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: run.path))
    }

    @Test("the error says what is wrong", arguments: [
        ("legacy.xls", "legacy Excel 97–2003 workbook (.xls)"),
        ("encrypted.xlsx", "password-protected"),
        ("spreadsheet.ods", "OpenDocument spreadsheet (.ods)"),
        ("truncated.xlsx", "truncated or damaged"),
        ("bomb-declared.xlsx", "expands beyond 1073741824 bytes"),
        ("no-header.xlsx", "no worksheet has a header row naming every required column; the sheets are `Notes`, `Figures`"),
    ])
    func messages(name: String, words: String) throws {
        let scratch = try ScratchDirectory("vfm-workbook-run")
        defer { scratch.remove() }
        let (_, result) = try Self.run(FixturePaths.fixture("workbooks/errors/" + name).path, in: scratch)
        #expect(result.stderr.contains(words), "\(result.stderr)")
    }

    @Test("--sheet names the worksheet: any case; a sheet without a header or a missing one is 65 listing the sheets")
    func sheetOption() throws {
        let scratch = try ScratchDirectory("vfm-workbook-run")
        defer { scratch.remove() }
        let book = FixturePaths.fixture("workbooks/openpyxl-return.xlsx").path
        let (run, named) = try Self.run(book, in: scratch, extra: ["--sheet", "return"])
        #expect(named.status == 0, "\(named)")
        let manifest = { try String(contentsOf: run.appendingPathComponent("manifest.json"), encoding: .utf8) }
        #expect(try manifest().contains("\"sheet_option\": \"return\""))
        // The same inputs without --sheet are another run, not "up to date".
        let (_, unnamed) = try Self.run(book, in: scratch)
        #expect(unnamed.status == 0, "\(unnamed)")
        #expect(try !manifest().contains("sheet_option"))
        let (_, notes) = try Self.run(book, in: scratch, extra: ["--sheet", "Notes", "--force"])
        #expect(notes.status == 65)
        #expect(notes.stderr.contains("the worksheet `Notes` has no header row"), "\(notes.stderr)")
        let (_, missing) = try Self.run(book, in: scratch, extra: ["--sheet", "Data", "--force"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no worksheet named `Data`; its sheets are `Notes`, `Return`"), "\(missing.stderr)")
    }

    @Test("a directory reads *.csv and *.xlsx sorted by name and skips Excel's ~$ lock files with a warning")
    func directory() throws {
        let scratch = try ScratchDirectory("vfm-workbook-run")
        defer { scratch.remove() }
        let inputs = scratch.appending("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FixturePaths.fixture("workbooks/openpyxl-return.xlsx"),
                                         to: inputs.appendingPathComponent("b-return.xlsx"))
        try FileManager.default.copyItem(at: FixturePaths.fixture("workbooks/handwritten-inline.xlsx"),
                                         to: inputs.appendingPathComponent("a-kells.xlsx"))
        try Data([0x01, 0x02]).write(to: inputs.appendingPathComponent("~$b-return.xlsx"))
        let output = scratch.appending("out")
        let result = try ExecuteCommand.run("vfm", ["run", "--input", inputs.path, "--output", output.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("~$b-return.xlsx: skipped — an Excel lock file"), "\(result.stderr)")
        let inputsJSON = try String(contentsOf: output.appendingPathComponent("ingest/inputs.json"), encoding: .utf8)
        let first = try #require(inputsJSON.range(of: "a-kells.xlsx")), second = try #require(inputsJSON.range(of: "b-return.xlsx"))
        #expect(first.lowerBound < second.lowerBound)
    }
}
