import Foundation
import Testing
import VFMTestSupport

extension SurveyRunTests {
    /// The messy survey (Fixtures/survey/make_messy.py): four years, several responses per
    /// area, every reject and flag rule, both formats, fewer ranked areas than 2 · top_n.
    @Test("the messy survey (CSV and .xlsx) gives the independent implementation's tables, areas, flags and rejects",
          arguments: [("survey/messy-survey.csv", "messy-survey"), ("survey/messy-survey.xlsx", "messy-survey-xlsx")])
    func messyAgainstReference(input: String, expected name: String) throws {
        let scratch = try ScratchDirectory("survey-messy")
        defer { scratch.remove() }
        let output = scratch.appending("out").path
        let result = try Self.run(input, reference: "survey/messy-work-choice.csv", output: output)
        #expect(result.status == 0, "\(result)")
        try Self.expectReference(name, run: output)
    }

    @Test("third-party names in the survey report never become markup in report.md or report.html")
    func hostileNames() throws {
        let scratch = try ScratchDirectory("survey-hostile")
        defer { scratch.remove() }
        var text = try String(contentsOf: FixturePaths.fixture("survey/hand-12.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\nYork,", with: "\n\"<script>alert(1)</script> [x](http://evil.example) *Y*\",")
        let input = scratch.appending("hostile.csv")
        try Data(text.utf8).write(to: input)
        let output = scratch.appending("out").path
        let run = try ExecuteCommand.run("vfm", ["run", "--quiet", "--config", Self.pipeline, "--input", input.path,
                                                 "--reference", FixturePaths.fixture("survey/hand-12-reference.csv").path,
                                                 "--output", output])
        #expect(run.status == 0, "\(run)")
        let markdown = try String(contentsOfFile: output + "/report.md", encoding: .utf8)
        #expect(markdown.contains("evil.example"), "the name is in the report")
        let rendered = try GFMRenderer.render(markdown)
        #expect(!rendered.contains("<script"))
        #expect(!rendered.contains("href=\"http://evil.example"))
        #expect(!rendered.contains("<em>Y</em>"))
        let html = try String(contentsOfFile: output + "/report.html", encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("href=\"http://evil.example"))
    }
}

extension SurveyRunTests {
    @Test("the four stage executables run by hand on a survey give vfm run's bytes")
    func stagesByHand() throws {
        let scratch = try ScratchDirectory("survey-by-hand")
        defer { scratch.remove() }
        let reference = FixturePaths.fixture("survey/messy-work-choice.csv").path
        let whole = try Self.run("survey/messy-survey.csv", reference: "survey/messy-work-choice.csv",
                                 output: scratch.appending("run").path)
        #expect(whole.status == 0, "\(whole)")
        let directory = scratch.appending("hand").path
        let common = ["--quiet", "--config", Self.pipeline, "--run-dir", directory]
        for (stage, arguments) in [("vfm-ingest", ["--input", FixturePaths.fixture("survey/messy-survey.csv").path]),
                                   ("vfm-clean", []), ("vfm-analyze", ["--reference", reference]),
                                   ("vfm-report", ["--reference", reference])] {
            let result = try ExecuteCommand.run(stage, common + arguments)
            #expect(result.status == 0, "\(stage): \(result)")
        }
        #expect(DirectorySnapshot(of: scratch.appending("hand")) == DirectorySnapshot(of: scratch.appending("run")))
        let wrong = try ExecuteCommand.run("vfm-analyze", ["--quiet", "--run-dir", directory, "--reference", reference])
        #expect(wrong.status == 64, "--reference with the built-in service-returns pipeline: \(wrong)")
    }
}

extension SurveyRunTests {
    @Test("a directory of survey files: a file that is not a survey stops the run (65), or is left out with --skip-bad-files")
    func directoryAndSkipBadFiles() throws {
        let scratch = try ScratchDirectory("survey-directory")
        defer { scratch.remove() }
        let inputs = scratch.appending("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data(contentsOf: FixturePaths.fixture("survey/hand-12.csv")).write(to: inputs.appendingPathComponent("a.csv"))
        try Data("just,a,table\n1,2,3\n".utf8).write(to: inputs.appendingPathComponent("b.csv"))
        let arguments = ["run", "--config", Self.pipeline, "--input", inputs.path, "--output", scratch.appending("out").path]
        let strict = try ExecuteCommand.run("vfm", arguments)
        #expect(strict.status == 65, "\(strict)")
        #expect(strict.stderr.contains("b.csv"))
        let lenient = try ExecuteCommand.run("vfm", arguments + ["--skip-bad-files"])
        #expect(lenient.status == 0, "\(lenient)")
        let report = try String(contentsOfFile: scratch.appending("out/report.md").path, encoding: .utf8)
        #expect(report.contains("file left out"))
    }
}
