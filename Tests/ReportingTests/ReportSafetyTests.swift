import Foundation
import FoundationXML
import Testing
@testable import Reporting

/// Hostile third-party names: formula prefixes, pipes, HTML, backticks, newlines, a
/// trailing backslash. The small fixture run already holds most of them.
@Suite("Hostile names are escaped in the report and charts")
struct ReportSafetyTests {
    /// Adds a service whose name ends in a backslash (which would escape the table's next `|`).
    static func addBackslashService(_ run: URL) throws {
        try ReportTestSupport.addServices([("Zed \\", "Back\\slash\\")], to: run)
    }

    @Test("no raw HTML, and every table row has as many cells as its header")
    func markdownTablesStayIntact() throws {
        let run = try ReportTestSupport.runReport(prepare: Self.addBackslashService)
        defer { ReportTestSupport.remove(run) }
        let report = try ReportTestSupport.text("report.md", in: run)
        #expect(!report.contains("<script>"))
        #expect(report.contains("&lt;script>"))
        #expect(report.contains("IPS \\`rm -rf\\` Team"))
        #expect(report.contains("Line one line two"))
        #expect(report.contains("Back\\\\slash\\\\"))
        var expectedCells: Int?
        for line in report.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { expectedCells = nil; continue }
            let cells = Self.unescapedPipes(in: line) - 1
            if let expectedCells { #expect(cells == expectedCells, "row breaks its table: \(line)") } else { expectedCells = cells }
        }
    }

    @Test("every chart is well-formed XML with hostile names escaped")
    func chartsAreWellFormed() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        let charts = run.appendingPathComponent("charts")
        let names = try FileManager.default.contentsOfDirectory(atPath: charts.path).sorted()
        #expect(names.count == 12)
        for name in names {
            let data = try Data(contentsOf: charts.appendingPathComponent(name))
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(name) is not well-formed XML: \(String(describing: parser.parserError))")
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<script>"), "\(name)")
            #expect(text.contains("viewBox=\"0 0 600.00 440.00\""), "\(name)")
        }
        let scatter = try ReportTestSupport.text("charts/scatter-all-cost_per_person-vs-total_cost.svg", in: run)
        #expect(scatter.contains("|pipe| &amp; &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(scatter.contains("Southvale — Line one line two"))
    }

    @Test("a hostile pipeline name, pipeline path and input file name are escaped too")
    func hostileProvenance() throws {
        var pipeline = ReportTestSupport.pipeline
        pipeline.definition.name = "<b>Evil</b> | `name`"
        pipeline.displayPath = "we`ird<.toml"
        pipeline.sha256 = "`; rm -rf /"
        let run = try ReportTestSupport.runReport(pipeline: pipeline) { directory in
            for summary in ["ingest/inputs.json", "clean/inputs.json"] {
                let url = directory.appendingPathComponent(summary)
                let text = try String(contentsOf: url, encoding: .utf8)
                    .replacingOccurrences(of: "\"returns-a.csv\"", with: "\"<img src=x>|a.csv\"")
                try Data(text.utf8).write(to: url)
            }
        }
        defer { ReportTestSupport.remove(run) }
        let report = try ReportTestSupport.text("report.md", in: run)
        #expect(!report.contains("<b>") && !report.contains("<img"))
        #expect(report.contains("“&lt;b>Evil&lt;/b> \\| \\`name\\`”"))
        #expect(report.contains("file we\\`ird&lt;.toml (SHA-256 —)"))
        #expect(report.contains("| &lt;img src=x>\\|a.csv | 5 | 4 | 1 |"))
    }

    /// `|` not preceded by an odd number of backslashes.
    static func unescapedPipes(in line: Substring) -> Int {
        var count = 0
        var backslashes = 0
        for character in line {
            if character == "|", backslashes % 2 == 0 { count += 1 }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return count
    }
}
