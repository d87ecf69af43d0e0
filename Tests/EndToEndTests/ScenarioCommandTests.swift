import Foundation
import RunFiles
import Testing
import VFMCore
import VFMTestSupport

/// `vfm scenario` (SPEC §3) on the committed sample run: the same figures as the run's own
/// `tables/scenarios.csv`, the report's sentences, and sysexits for bad use.
@Suite("vfm scenario")
struct ScenarioCommandTests {
    static let sample = FixturePaths.repositoryRoot.appendingPathComponent("Output/sample").path

    static func scenarioRows(_ name: String) throws -> [String] {
        let text = try String(contentsOfFile: sample + "/" + RunLayout.scenarios, encoding: .utf8)
        return text.split(separator: "\n").filter { $0.hasPrefix(name + ",") }
            .map { String($0.dropFirst(name.count + 1)) }
    }

    @Test("--format csv gives the run's own scenario figures to the bit, in scenarios.csv's shape")
    func csvMatchesRun() throws {
        let result = try ExecuteCommand.run("vfm", ["scenario", "--run", Self.sample, "--budget", "£195,974",
                                                    "--years", "9", "--reallocate", "2/3", "--alternative", "14998",
                                                    "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "scenario,kind,group,quantity,value,ci_low,ci_high")
        let kindless = { (line: String) in String(line.drop { $0 != "," }.dropFirst()) }
        #expect(lines.dropFirst().filter { $0.hasPrefix("budget,") }.map(kindless) == (try Self.scenarioRows("contract-9-years")))
        #expect(lines.dropFirst().filter { $0.hasPrefix("reallocation,") }.map(kindless)
                == (try Self.scenarioRows("two-thirds-moved")))
        #expect(lines.dropFirst().filter { $0.hasPrefix("alternative,") }.map(kindless)
                == (try Self.scenarioRows("day-service-north-lanarkshire")))
    }

    @Test("text output is the report's sentence for the same budget, and states the assumption")
    func textMatchesReport() throws {
        let result = try ExecuteCommand.run("vfm", ["scenario", "--run", Self.sample, "--budget", "195974"])
        #expect(result.status == 0, "\(result)")
        let report = try String(contentsOfFile: Self.sample + "/report.md", encoding: .utf8)
        let sentence = try #require(result.stdout.split(separator: "\n").first.map(String.init))
        #expect(sentence.hasPrefix("£195,974 a year buys about "))
        #expect(sentence.contains("n = 13") && sentence.contains("n = 70"))
        #expect(report.contains("- **contract-1-year**: " + sentence))
        #expect(result.stdout.contains("scale with spend"))
    }

    @Test("--group prices at another group's rate, and the answer says which returns the rates come from")
    func otherGroupsRate() throws {
        let result = try ExecuteCommand.run("vfm", ["scenario", "--run", Self.sample, "--budget", "195974",
                                                    "--group", "LD"])
        #expect(result.status == 0, "\(result)")
        // LD's basis row: J = 2,298 job outcomes for S = £6,946,503; 195,974 × 2,298 / 6,946,503 = 64.83.
        #expect(result.stdout.hasPrefix("£195,974 a year buys about 65 job outcomes at LD-focused services' rate"))
        #expect(result.stdout.contains("n = 32"))
        #expect(!result.stdout.contains("evidence-based services' rate"))
        #expect(result.stdout.contains("The rates come from each service's current return"))
        #expect(result.stdout.contains("among returns for 2011/12 to 2012/13"))
    }

    @Test("wrong use exits 64; a directory without the tables exits 66 naming the file", arguments: [
        (["scenario", "--run", "Output/sample"], Int32(64), "say what to price"),
        (["scenario", "--run", "Output/sample", "--years", "3"], 64, "--years applies to --budget"),
        (["scenario", "--run", "Output/sample", "--budget", "lots"], 64, "--budget must be"),
        (["scenario", "--run", "Output/sample", "--reallocate", "150%"], 64, "--reallocate must be"),
        // A negative sum is a value, not an option (issue 29: it answered "Missing value").
        (["scenario", "--run", "Output/sample", "--budget", "-5"], 64, "--budget must be a sum of money above 0"),
        (["scenario", "--run", "Output/sample", "--alternative", "-14998"], 64, "--alternative must be"),
        (["scenario", "--run", "Output/sample", "--reallocate", "0.5", "--group", "LD"], 64,
         "--group applies to --budget and --alternative"),
        (["scenario", "--run", "Output/sample", "--budget", "1000", "--group", "North"], 64,
         "the run has no group `North`"),
    ])
    func usage(arguments: [String], status: Int32, fragment: String) throws {
        let result = try ExecuteCommand.run("vfm", arguments)
        #expect(result.status == status, "\(result)")
        #expect(result.stderr.contains(fragment), "\(result)")
    }

    @Test("a run directory without value_for_money_basis.csv exits 66 and says to re-run")
    func missingBasis() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try ExecuteCommand.run("vfm", ["scenario", "--run", scratch.path, "--budget", "1000"])
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.contains(RunLayout.valueForMoneyBasis) && result.stderr.contains("vfm run --force"))
    }

    /// Issue 31 #13: a hand-edited basis gave an inverted interval and n = −5; a 300 MB cell
    /// cost 1.56 GB and was echoed whole. Now the file must be the bytes the manifest records.
    @Test("a hand-edited value_for_money_basis.csv is 65 naming the file, and is not echoed",
          arguments: ["edited", "huge"])
    func editedBasis(kind: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let run = scratch.appending("run")
        try FileManager.default.copyItem(atPath: Self.sample, toPath: run.path)
        let basis = run.appendingPathComponent(RunLayout.valueForMoneyBasis)
        var text = try String(contentsOf: basis, encoding: .utf8)
        if kind == "edited" {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let header = lines[0].split(separator: ",")
            var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[header.firstIndex(of: "n")!] = "-5"
            text = ([String(lines[0]), cells.joined(separator: ",")] + lines.dropFirst(2).map(String.init)).joined(separator: "\n")
        } else {
            text += "all," + String(repeating: "9", count: 8 << 20) + ",1,1,1,1\n"
        }
        try Data(text.utf8).write(to: basis)
        let result = try ExecuteCommand.run("vfm", ["scenario", "--run", run.path, "--budget", "1000"])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains(RunLayout.valueForMoneyBasis), "\(result)")
        #expect(result.stdout.isEmpty && result.stderr.utf8.count < 4_000, "echoed: \(result.stderr.prefix(300))")
    }
}
