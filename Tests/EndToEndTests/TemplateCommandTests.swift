import Foundation
import Tabular
import Testing
import VFMTestSupport

/// `vfm template` and `vfm columns` (issue 28): a newcomer can know what a return must hold.
@Suite("vfm template writes a return vfm reads back; vfm columns lists every column")
struct TemplateCommandTests {
    static let columns = [
        "authority", "service", "period", "model", "evidence_based", "total_cost", "people_supported", "clients_ld",
        "clients_mh", "clients_physical_sensory", "clients_autism", "clients_homeless", "clients_drug_alcohol",
        "clients_other", "support_lt7", "support_7to40", "support_40plus", "outcomes_gained", "outcomes_retained",
        "outcomes_self_employed", "outcomes_total", "outcomes_ld", "outcomes_mh", "outcomes_physical_sensory",
        "outcomes_autism", "outcomes_homeless", "outcomes_drug_alcohol", "outcomes_other", "outcomes_lt7",
        "outcomes_7to40", "outcomes_40plus", "reported_cost_per_person", "reported_cost_per_outcome",
    ]

    @Test("the CSV template is the header row; filled in, it is read with no warning")
    func csvTemplate() throws {
        let scratch = try ScratchDirectory("vfm-template")
        defer { scratch.remove() }
        let path = scratch.appending("return.csv").path
        let made = try ExecuteCommand.run("vfm", ["template", "--output", path])
        try #require(made.status == 0, "\(made)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == Self.columns.joined(separator: ",") + "\n")
        let row = Self.columns.map { ["authority": "Leeds", "service": "Job Club", "total_cost": "\"£10,000\"",
                                      "people_supported": "20", "outcomes_total": "4"][$0] ?? "" }
        try Data((text + row.joined(separator: ",") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let run = scratch.appending("run").path
        let read = try ExecuteCommand.run("vfm-ingest", ["--run-dir", run, "--input", path])
        try #require(read.status == 0, "\(read)")
        #expect(!read.stderr.contains("warning"))
        #expect(read.stderr.contains("1 rows read, 1 accepted, 0 rejected"))
    }

    @Test("the workbook template, filled in by openpyxl and saved by LibreOffice, is read back",
          arguments: ["council/template-openpyxl.xlsx", "council/template-libreoffice.xlsx"])
    func filledWorkbook(fixture: String) throws {
        let scratch = try ScratchDirectory("vfm-template")
        defer { scratch.remove() }
        let run = scratch.appending("run")
        let read = try ExecuteCommand.run("vfm-ingest", ["--run-dir", run.path, "--input", FixturePaths.fixture(fixture).path])
        try #require(read.status == 0, "\(read)")
        let bytes = Array(try Data(contentsOf: run.appendingPathComponent("ingest/returns.csv")))
        let records = try CSVRecordParser.records(utf8: bytes).dropFirst()
        // make_council.py's first three services (fill_template.py), in stable order.
        #expect(records.map { Array($0.cells.prefix(7)) } == [
            ["Leeds City Council", "Leeds IPS", "", "", "", "250000", "200"],
            ["Leeds City Council", "Leeds Job Club", "", "", "", "120000", "60"],
            ["Leeds City Council", "Leeds Work Route", "", "", "", "80000", "40"],
        ])
    }

    @Test("the workbook template has a Return sheet with the headers and a Notes sheet; an existing file needs --force")
    func workbookTemplate() throws {
        let scratch = try ScratchDirectory("vfm-template")
        defer { scratch.remove() }
        let path = scratch.appending("return.xlsx").path
        let made = try ExecuteCommand.run("vfm", ["template", "--output", path])
        try #require(made.status == 0, "\(made)")
        let again = try ExecuteCommand.run("vfm", ["template", "--output", path])
        #expect(again.status == 73)
        #expect(again.stderr.contains("--force"))
        #expect(try ExecuteCommand.run("vfm", ["template", "--output", path, "--force"]).status == 0)
        // An empty template has a header and no row: ingest says the file has no valid row
        // rather than that it has no header.
        let read = try ExecuteCommand.run("vfm-ingest", ["--run-dir", scratch.appending("run").path, "--input", path])
        #expect(!read.stderr.contains("no header") && !read.stderr.contains("no worksheet"), "\(read)")
        #expect(try ExecuteCommand.run("vfm", ["template", "--output", scratch.appending("x.ods").path]).status == 64)
    }

    @Test("vfm columns names every column, its type and whether it is required; the README lists the required ones")
    func columnsCommand() throws {
        let listed = try ExecuteCommand.run("vfm", ["columns"])
        try #require(listed.status == 0, "\(listed)")
        for column in Self.columns { #expect(listed.stdout.contains("\n\(column)  —  "), "\(column)") }
        #expect(listed.stdout.contains("total_cost  —  money (£), required: yes"))
        #expect(listed.stdout.contains("clients_ld  —  count, required: no"))
        #expect(listed.stdout.contains("also accepted: ") && listed.stdout.contains("no of people supported"))
        let readme = try String(contentsOf: FixturePaths.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Your returns").map { readme[$0.lowerBound...] })
        for column in ["authority", "service", "total_cost", "people_supported", "outcomes_total", "outcomes_gained",
                       "outcomes_retained", "outcomes_self_employed"] {
            #expect(section.contains("`\(column)`"), "\(column)")
        }
    }
}
