import Foundation
import Tabular
import Testing
import VFMTestSupport

/// The sample's 70 returns with every authority and service renamed to a hostile name, run
/// through `vfm run` and `vfm-diff`, and the Markdown rendered with Debian's cmark-gfm
/// (GitHub's extensions): no name may become a link, image, autolink, emphasis, heading,
/// list, code span, table break or HTML (SPEC §7, issue 18).
@Suite("hostile names stay text in report.md and vfm-diff's output, as cmark-gfm renders them")
struct HostileNameRenderingTests {
    static let hostileNames = [
        "![x](http://e.invalid/p.png)", "[click](javascript:alert(1))", "*em*", "_u_", "# head", "- item",
        "www.e.invalid", "<https://e.invalid>", "`code`", "a|b", "<b>x</b>", "~~gone~~", "1. one",
        "me@e.invalid", "<img src=x onerror=alert(1)>", "**bold**", "> quote", "[r]: http://e.invalid",
    ]

    /// The sample with every authority and service renamed (`hostile` or plain names); the
    /// figures are untouched, so both variants' reports have the same structure.
    static func renamedSample(to url: URL, hostile: Bool) throws {
        let bytes = Array(try Data(contentsOf: FixturePaths.fixture("returns/sample-70.csv")))
        var records = try CSVRecordParser.records(utf8: bytes)
        for index in records.indices.dropFirst() {
            let authority = hostile ? hostileNames[index % hostileNames.count] : "Plain \(index % hostileNames.count)"
            let service = hostile ? hostileNames[(index * 7) % hostileNames.count] : "Name \((index * 7) % hostileNames.count)"
            records[index].cells[0] = authority + " council"
            records[index].cells[1] = service + " \(index)"
        }
        let text = records.map { $0.cells.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: ",") }.joined(separator: "\n") + "\n"
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The opening tags cmark-gfm makes of `markdown`, counted, and every link target.
    static func structure(_ markdown: String) throws -> (tags: [String: Int], links: [String]) {
        let html = try GFMRenderer.render(markdown)
        let tags = Dictionary(GFMRenderer.openingTags(in: html).map { ($0, 1) }, uniquingKeysWith: +)
        let links = html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        return (tags, links)
    }

    static func run(_ input: URL?, to output: URL) throws {
        let result = try ExecuteCommand.run("vfm", ["run", "--quiet", "--output", output.path]
                                            + (input.map { ["--input", $0.path] } ?? []))
        #expect(result.status == 0, "\(result)")
    }

    @Test("report.md and vfm-diff's Markdown have the structure plain names give, and link only inside the run")
    func reportAndDiff() throws {
        let scratch = try ScratchDirectory("vfm-hostile")
        defer { scratch.remove() }
        var reports: [String] = [], diffs: [String] = []
        try Self.run(nil, to: scratch.appending("sample"))
        for hostile in [false, true] {
            let name = hostile ? "hostile" : "plain"
            let input = scratch.appending("in-\(name)/returns.csv")
            try Self.renamedSample(to: input, hostile: hostile)
            try Self.run(input, to: scratch.appending(name))
            reports.append(try String(contentsOf: scratch.appending(name + "/report.md"), encoding: .utf8))
            let diff = try ExecuteCommand.run("vfm-diff", [scratch.appending("sample").path, scratch.appending(name).path])
            #expect(diff.status == 1, "\(diff.stderr)")
            diffs.append(diff.stdout)
        }
        #expect(reports[1].contains("javascript") && diffs[1].contains("javascript"),
                "no hostile name is shown at all; the test would prove nothing")
        for (what, pair) in [("report.md", reports), ("vfm-diff", diffs)] {
            let plain = try Self.structure(pair[0]), hostile = try Self.structure(pair[1])
            #expect(hostile.tags == plain.tags, "\(what): hostile names changed the rendered structure")
            #expect(hostile.links.sorted() == plain.links.sorted(), "\(what): hostile names changed the links")
            for link in hostile.links { #expect(!link.contains(":") && !link.hasPrefix("//"), "\(what) links outside: \(link)") }
        }
    }
}
