import Foundation
import Testing
import VFMTestSupport

/// A directory holding a council's return and its resubmission (issue 28): with
/// `duplicates = "keep-latest"` the resubmission's rows are the ones analysed and the
/// superseded ones are rejected, every row still accounted for.
@Suite("keep-latest keeps a resubmission")
struct ResubmissionRunTests {
    @Test("returns_v2.csv supersedes returns.csv row for row; near-duplicate names are flagged")
    func keepLatest() throws {
        let scratch = try ScratchDirectory("vfm-resubmission")
        defer { scratch.remove() }
        let header = "authority,service,total_cost,people_supported,outcomes_total\n"
        let first = header + "Leeds,Job Club,100000,50,10\nLeeds,Work & Skills,80000,40,8\nYork,Step Up,60000,30,5\n"
        let second = header + "LEEDS,Job Club ,110000,55,12\n"
        let inputs = scratch.appending("returns")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data(first.utf8).write(to: inputs.appendingPathComponent("returns.csv"))
        try Data(second.utf8).write(to: inputs.appendingPathComponent("returns_v2.csv"))
        try Data((header + "Leeds,Work and Skills,80000,40,8\n").utf8).write(to: inputs.appendingPathComponent("skills.csv"))
        let pipeline = try String(contentsOf: FixturePaths.repositoryRoot.appendingPathComponent("Pipelines/ndti-2014.toml"),
                                  encoding: .utf8)
        let config = scratch.appending("keep-latest.toml")
        try Data(pipeline.replacingOccurrences(of: "duplicates = \"keep-all\"", with: "duplicates = \"keep-latest\"").utf8)
            .write(to: config)
        let output = scratch.appending("out")
        let result = try ExecuteCommand.run("vfm", ["run", "--quiet", "--config", config.path, "--input", inputs.path,
                                                    "--output", output.path])
        try #require(result.status == 0, "\(result)")
        let rejected = try String(contentsOf: output.appendingPathComponent("clean/rejected.csv"), encoding: .utf8)
        let rows = rejected.split(separator: "\n").dropFirst()
        #expect(rows.count == 1)
        #expect(rows.first?.hasPrefix("returns.csv,2,superseded,") == true)
        let services = try String(contentsOf: output.appendingPathComponent("clean/services.csv"), encoding: .utf8)
        #expect(services.contains("110000") && !services.contains(",100000,"))
        let flags = try String(contentsOf: output.appendingPathComponent("clean/flags.csv"), encoding: .utf8)
        #expect(flags.split(separator: "\n").filter { $0.contains(",possible-duplicate,") }.count == 2)
    }
}
