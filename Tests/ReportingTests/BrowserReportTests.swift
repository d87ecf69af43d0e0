import Foundation
import Testing
import VFMTestSupport
@testable import Reporting

/// report.html in a real browser (issue 13): Debian's headless Chromium opens the page
/// from disk with the network closed, and `Fixtures/browser/check_report.py` asserts it
/// has every table of report.md (rendered by cmark-gfm) with the same cells, every chart
/// inline, and made no request. `make test-deps` installs both tools.
@Suite("report.html in headless Chromium")
struct BrowserReportTests {
    static let checker = FixturePaths.repositoryRoot.appendingPathComponent("Fixtures/browser/check_report.py").path
    /// Screenshots are kept here for people to look at (not compared).
    static let screenshots = FixturePaths.repositoryRoot.appendingPathComponent(".build/browser")

    static func check(_ run: URL, _ extra: [String] = []) throws -> ExecutionResult {
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        return try ExecuteCommand.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", checker, run.path] + extra)
    }

    /// Names a third party could put in a return (issue 13's list), each planted as a service.
    static let hostileNames = [
        "![x](http://e.invalid/p.png)", "[click](javascript:alert(1))", "*em*", "_u_", "# head", "- item",
        "www.e.invalid", "<https://e.invalid>", "`code`", "a|b", "<b>x</b>", "http://e.invalid/a", "**strong**",
        "~~strike~~", "&amp; &lt;", "1. one", "> quote", "<img src=x onerror=alert(1)>", "trailing \\",
    ]

    static func plantHostileNames(_ run: URL) throws {
        try ReportTestSupport.addServices(hostileNames.enumerated().map { ("Hostile \($0.offset)", $0.element) }, to: run)
    }

    @Test("the committed sample's report.html has report.md's tables and every chart inline, and makes no request")
    func sample() throws {
        let run = FixturePaths.repositoryRoot.appendingPathComponent("Output/sample")
        let result = try Self.check(run, ["--screenshot", Self.screenshots.appendingPathComponent("sample.png").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("44 charts inline"), "\(result.stdout)")
    }

    @Test("hostile names are plain text in report.md as cmark-gfm renders it and in Chromium's DOM of report.html")
    func hostileNames() throws {
        let run = try ReportTestSupport.runReport(prepare: Self.plantHostileNames)
        defer { ReportTestSupport.remove(run) }
        let names = run.appendingPathComponent("hostile.txt")
        try Data((Self.hostileNames.joined(separator: "\n") + "\n").utf8).write(to: names)
        let result = try Self.check(run, ["--hostile", names.path, "--screenshot",
                                          Self.screenshots.appendingPathComponent("hostile.png").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("the checker fails a page that loads an image from another origin")
    func checkerCanFail() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        let page = run.appendingPathComponent("report.html")
        var html = try String(contentsOf: page, encoding: .utf8)
        // Without the page's Content-Security-Policy the request would really be made.
        html = html.replacingOccurrences(of: "http-equiv=\"Content-Security-Policy\"", with: "name=\"x-removed\"")
        html = html.replacingOccurrences(of: "<main>", with: "<main><img src=\"http://e.invalid/p.png\" alt=\"\">")
        try Data(html.utf8).write(to: page)
        let result = try Self.check(run)
        #expect(result.status == 1)
        #expect(result.stdout.contains("the page made requests: http://e.invalid/p.png"), "\(result.stdout)")
        #expect(result.stdout.contains("the page has a <img> element"))
    }
}
