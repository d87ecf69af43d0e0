import Foundation
import Testing
import VFMTestSupport

/// The first four defects of the hostile campaign (issue 31), attacked on the built binary
/// the way the campaign did: exit code, message, the victim untouched, time bounded.
@Suite("hostile attacks on a run (issue 31)")
struct HardeningTests {
    @Test("a 1.7 KB workbook with a truncated deflate stream fails 65 at once, publishing nothing")
    func truncatedDeflateWorkbook() throws {
        let scratch = try ScratchDirectory("vfm-hard")
        defer { scratch.remove() }
        let output = scratch.appending("out/latest")
        let start = ContinuousClock.now
        let result = try ExecuteCommand.run("vfm", ["run", "--input", FixturePaths.fixture("workbooks/errors/truncated-deflate-hang.xlsx").path,
                                                    "--output", output.path])
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("damaged or truncated"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("a symbolic link planted as the lock is refused (73) and its target is untouched",
          arguments: [true, false])
    func symlinkedLock(targetExists: Bool) throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let victim = workspace.scratch.appending("victim.txt")
        if targetExists { try Data("precious\n".utf8).write(to: victim) }
        let parent = workspace.output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let lock = parent.appendingPathComponent(".latest.vfm-lock")
        try FileManager.default.createSymbolicLink(atPath: lock.path, withDestinationPath: victim.path)

        let result = try workspace.run()
        #expect(result.status == 73, "\(result)")
        #expect(result.stderr.contains(".latest.vfm-lock") && result.stderr.contains("symbolic link"), "\(result)")
        if targetExists {
            #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        } else {
            #expect(!FileManager.default.fileExists(atPath: victim.path), "the link's target was created")
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.output.path))
    }

    @Test("a hard link planted as the lock is refused (73) and the linked file is untouched")
    func hardLinkedLock() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let victim = workspace.scratch.appending("out/victim.txt")
        try FileManager.default.createDirectory(at: victim.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("precious\n".utf8).write(to: victim)
        #expect(link(victim.path, workspace.output.deletingLastPathComponent().appendingPathComponent(".latest.vfm-lock").path) == 0)
        let result = try workspace.run()
        #expect(result.status == 73, "\(result)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
    }

    @Test("a directory whose manifest.json is not a vfm run's is refused (73), nothing touched")
    func foreignManifest() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let app = workspace.output
        try FileManager.default.createDirectory(at: app.appendingPathComponent("src"), withIntermediateDirectories: true)
        try Data(#"{"name": "web-app", "start_url": "/"}"#.utf8).write(to: app.appendingPathComponent("manifest.json"))
        try Data("main()\n".utf8).write(to: app.appendingPathComponent("src/app.js"))
        let before = workspace.snapshot

        let result = try workspace.run(["--force"])
        #expect(result.status == 73, "\(result)")
        #expect(result.stderr.contains("not a previous vfm run"), "\(result)")
        #expect(workspace.snapshot == before)
    }

    @Test("a vfm manifest beside files it does not list is refused (73), nothing touched")
    func runWithForeignFiles() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        // A vfm manifest copied into a folder of other work: the manifest alone does not make
        // the folder a run.
        try FileManager.default.createDirectory(at: workspace.output.appendingPathComponent("src"), withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: workspace.output.appendingPathComponent("src/notes.txt"))
        let before = workspace.snapshot

        let result = try workspace.run(["--force"])
        #expect(result.status == 73, "\(result)")
        #expect(result.stderr.contains("src"), "\(result)")
        #expect(workspace.snapshot == before)
        // Without --force the added file is noticed too: the run is not "up to date".
        let plain = try workspace.run()
        #expect(plain.status == 73 && plain.stderr.contains("the output holds src, which the run did not write"), "\(plain)")
        #expect(workspace.snapshot == before)

        try FileManager.default.removeItem(at: workspace.output.appendingPathComponent("src"))
        #expect(try workspace.run(["--force"]).status == 0, "a run that is only a run is replaced as before")
    }

    /// The supervisor killed 1–40 ms after start: its worker must die with it whatever the
    /// timing (PR_SET_PDEATHSIG, then the parent re-checked), so nothing is published, no
    /// worker lives on, and the next run takes the lock.
    @Test("20 SIGKILLs in a run's first milliseconds: no survivor, nothing published, no stale lock")
    func earlyKills() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        // The search finds a live worker: a run paused after ingest has exactly one, and it
        // dies with its supervisor.
        let paused = try workspace.launch(environment: ["VFM_TEST_PAUSE_AFTER_STAGE": "ingest"])
        #expect(paused.waitForStderr(containing: "paused after ingest"), "\(paused.stderrSoFar)")
        let pausedWorkers = Self.workers(of: paused.pid, naming: workspace.output.path)
        #expect(pausedWorkers.count == 1, "\(pausedWorkers)")
        paused.send(SIGKILL)
        _ = paused.wait()
        var survivors: [String] = []
        for trial in 0 ..< 20 {
            let victim = try workspace.launch(environment: [:])
            usleep(useconds_t(1_000 + (trial * 37 % 40) * 1_000))
            victim.send(SIGKILL)
            _ = victim.wait()
            let deadline = ContinuousClock.now + .seconds(3)
            var workers = Self.workers(of: victim.pid, naming: workspace.output.path)
            while !workers.isEmpty, ContinuousClock.now < deadline {
                usleep(20_000)
                workers = Self.workers(of: victim.pid, naming: workspace.output.path)
            }
            survivors += workers.map { "trial \(trial): worker pid \($0) of \(victim.pid)" }
            for pid in workers { kill(pid, SIGKILL) }
        }
        #expect(survivors.isEmpty, "\(survivors)")
        #expect(!FileManager.default.fileExists(atPath: workspace.output.path), "a killed run published")
        let next = try workspace.run()
        #expect(next.status == 0, "\(next)")
        #expect(workspace.leftovers.isEmpty, "left behind: \(workspace.leftovers)")
    }

    /// Live processes (not zombies) other than `supervisor` whose command line names
    /// `path` — the workspace's own output directory, so only this run's worker matches: a
    /// forked worker has its supervisor's command line (and environment).
    private static func workers(of supervisor: Int32, naming path: String) -> [Int32] {
        let marker = Array(path.utf8)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap(Int32.init).filter { pid in
            guard pid != supervisor, pid != getpid(),
                  let line = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map([UInt8].init),
                  line.count >= marker.count,
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let state = stat.split(separator: ")").last?.split(separator: " ").first, state != "Z"
            else { return false }
            return (0 ... line.count - marker.count).contains { start in
                line[start ..< start + marker.count].elementsEqual(marker)
            }
        }
    }
}

/// Issue 31 #12: a cell's escape sequences reach stderr as visible text, never raw.
@Suite("terminal injection")
struct TerminalInjectionTests {
    @Test("ANSI escapes in a rejected cell are shown escaped in the warning, never raw")
    func escapeInWarning() throws {
        let returns = "authority,service,total_cost,people_supported,outcomes_total\n"
            + "A,\u{1B}]0;pwned\u{07}S,12x\u{1B}[2J,10,2\nB,T,100,10,2\nC,U,100,10,2\n"
        let workspace = try RunWorkspace(returns: returns)
        defer { workspace.remove() }
        let result = try workspace.run()
        #expect(result.status == 0, "\(result)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(result)")
        #expect(result.stderr.contains("12x\\u{1B}[2J"), "the cell is not shown: \(result)")
    }
}

/// Issue 31 #9: names up to the cell limit are shortened for display (with "…"), so the
/// report and charts keep their bounds; the tables keep every byte.
@Suite("long names and the report's bounds")
struct LongNameTests {
    @Test("70 services named with 65,000 characters: report.md < 512 KB, report.html < 8 MB, each chart < 300 KB")
    func longNames() throws {
        var text = "authority,service,evidence_based,total_cost,people_supported,outcomes_gained,outcomes_retained,outcomes_self_employed,clients_ld,clients_mh\n"
        for index in 0 ..< 70 {
            let authority = "Authority \(index) " + String(repeating: "a", count: 65_000)
            let service = "Service \(index) " + String(repeating: "é", count: 32_000)
            let cost = 50_000 + index * 7_919 % 300_000, people = 40 + index * 13 % 400
            text += "\(authority),\(service),\(index % 5 == 0 ? "ips-fidelity" : "no"),\(cost),\(people),"
                + "\(people / 4),\(people / 8),\(index % 3),\(index % 2 == 0 ? people * 3 / 4 : 1),\(index % 2 == 0 ? 1 : people * 3 / 4)\n"
        }
        let workspace = try RunWorkspace(returns: text)
        defer { workspace.remove() }
        let result = try workspace.run()
        #expect(result.status == 0, "\(result.stderr.prefix(2_000))")
        func size(_ relative: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: workspace.output.appendingPathComponent(relative).path))?[.size] as? Int) ?? -1
        }
        #expect(size("report.md") > 0 && size("report.md") < 512_000, "report.md \(size("report.md"))")
        #expect(size("report.html") > 0 && size("report.html") < 8_000_000, "report.html \(size("report.html"))")
        let charts = (try? FileManager.default.contentsOfDirectory(atPath: workspace.output.appendingPathComponent("charts").path)) ?? []
        #expect(!charts.isEmpty)
        for chart in charts { #expect(size("charts/" + chart) < 300_000, "\(chart): \(size("charts/" + chart))") }
        let services = try String(contentsOf: workspace.output.appendingPathComponent("clean/services.csv"), encoding: .utf8)
        #expect(services.contains(String(repeating: "a", count: 65_000)), "the tables keep the whole name")
    }
}

/// Issue 31 #6: workbooks that amplify are refused naming the limit, in bounded time.
@Suite("workbooks that amplify")
struct AmplifyingWorkbookTests {
    @Test("a shared string used across a row, or millions of empty shared strings: 65 naming the limit",
          arguments: [("amplified-row.xlsx", "1 MiB of text"), ("empty-shared-strings.xlsx", "5000000 shared strings")])
    func refused(name: String, limit: String) throws {
        let scratch = try ScratchDirectory("vfm-hard")
        defer { scratch.remove() }
        let output = scratch.appending("out/latest")
        let start = ContinuousClock.now
        let result = try ExecuteCommand.run("vfm", ["run", "--input", FixturePaths.fixture("workbooks/errors/" + name).path,
                                                    "--output", output.path])
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains(limit), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}

/// Issue 31 #8: a worksheet's scratch copy has no name, so nothing is left in `$TMPDIR`
/// however the run ends; a full `$TMPDIR` is an I/O error (74), not a damaged workbook.
@Suite("workbook scratch files")
struct WorkbookScratchTests {
    static let workbook = FixturePaths.fixture("workbooks/sample-70-libreoffice.xlsx").path

    @Test("a run and a run killed while reading leave nothing in TMPDIR")
    func nothingLeft() throws {
        let scratch = try ScratchDirectory("vfm-hard")
        defer { scratch.remove() }
        let temporary = scratch.appending("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let arguments = ["run", "--input", Self.workbook, "--output", scratch.appending("out/latest").path]
        let done = try ExecuteCommand.run("vfm", arguments, environment: ["TMPDIR": temporary.path])
        #expect(done.status == 0, "\(done)")
        for delay in [5_000, 20_000, 60_000] as [useconds_t] {
            let victim = try ExecuteCommand.launch("vfm", arguments + ["--force"], environment: ["TMPDIR": temporary.path])
            usleep(delay)
            victim.send(SIGKILL)
            _ = victim.wait()
        }
        usleep(300_000)  // the worker dies with its supervisor (PR_SET_PDEATHSIG)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }

    @Test("a full TMPDIR is 74 saying so, not 'damaged'",
          .enabled(if: Tmpfs.canMount, "needs root and mount(8) to make a small tmpfs to fill"))
    func fullTemporaryDirectory() throws {
        let scratch = try ScratchDirectory("vfm-hard")
        defer { scratch.remove() }
        let mount = try Tmpfs(at: scratch.appending("tmp"), size: "64k")
        defer { mount.unmount() }
        try Tmpfs.fill(mount.mountPoint.appendingPathComponent("filler"), leavingFree: 4096)
        let result = try ExecuteCommand.run("vfm", ["run", "--input", Self.workbook, "--output", scratch.appending("out/latest").path],
                                            environment: ["TMPDIR": mount.mountPoint.path])
        #expect(result.status == 74, "\(result)")
        #expect(result.stderr.contains("TMPDIR"), "\(result)")
        #expect(!result.stderr.contains("damaged"), "\(result)")
    }
}

/// Issue 31 #10: a pipeline of 60 groups × 132 pairs drew 6,734 charts into a 1.72 GB page
/// with 6.8 GB of memory. The page and its charts are bounded whatever the pipeline.
@Suite("a big pipeline and the page's bounds")
struct BigPipelineTests {
    @Test("60 groups × 132 pairs: at most 60 scatter charts within 6 MB, report.md < 512 KB, report.html < 8 MB")
    func bounded() throws {
        let metrics = ["total_cost", "people_supported", "cost_per_person", "cost_per_outcome", "job_outcomes", "outcome_rate",
                       "gained_share", "retained_share", "self_employed_share", "ld_share", "mh_share", "support_level_index"]
        var pipeline = try String(contentsOf: FixturePaths.repositoryRoot.appendingPathComponent("Pipelines/ndti-2014.toml"), encoding: .utf8)
        let groups = (0 ..< 55).map { "[[groups]]\nname = \"g\($0)\"\ncolumn = \"authority\"\nvalues = [\"A\($0)\", \"A\($0 + 1)\"]\n\n" }.joined()
        pipeline = pipeline.replacingOccurrences(of: "[descriptives]", with: groups + "[descriptives]")
        let pairs = metrics.flatMap { x in metrics.filter { $0 != x }.map { "  { x = \"\(x)\", y = \"\($0)\" }" } }
        let start = try #require(pipeline.range(of: "pairs = [")), end = try #require(pipeline.range(of: "[bands]"))
        pipeline.replaceSubrange(start.lowerBound ..< end.lowerBound, with: "pairs = [\n" + pairs.joined(separator: ",\n") + "\n]\n\n")
        var returns = "authority,service,evidence_based,total_cost,people_supported,clients_ld,clients_mh,support_lt7,support_7to40,support_40plus,outcomes_gained,outcomes_retained,outcomes_self_employed\n"
        for index in 0 ..< 1_200 {
            let people = 20 + index * 37 % 500
            returns += "A\(index % 60),S\(index),\(index % 7 == 0 ? "ips-fidelity" : "no"),\(40_000 + index * 7_919 % 400_000),\(people),"
                + "\(index % 2 == 0 ? people * 3 / 4 : 2),\(index % 2 == 0 ? 2 : people * 3 / 4),\(people / 2),\(people / 3),\(people / 6),"
                + "\(people / 5 + index % 9),\(people / 9),\(index % 3)\n"
        }
        let workspace = try RunWorkspace(returns: returns)
        defer { workspace.remove() }
        let config = workspace.scratch.appending("big.toml")
        try Data(pipeline.utf8).write(to: config)
        let result = try workspace.run(["--config", config.path])
        #expect(result.status == 0, "\(result.stderr.prefix(3_000))")
        func size(_ relative: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: workspace.output.appendingPathComponent(relative).path))?[.size] as? Int) ?? -1
        }
        let charts = (try? FileManager.default.contentsOfDirectory(atPath: workspace.output.appendingPathComponent("charts").path)) ?? []
        #expect((1 ... 60).contains(charts.filter { $0.hasPrefix("scatter-") }.count), "\(charts.count) charts")
        #expect(size("report.md") > 0 && size("report.md") < 512_000, "report.md \(size("report.md"))")
        #expect(size("report.html") > 0 && size("report.html") < 8_000_000, "report.html \(size("report.html"))")
        let report = try String(contentsOf: workspace.output.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("132 pairs of measures") && report.contains("scatter charts"), "the page says what it left out")
        let correlations = try String(contentsOf: workspace.output.appendingPathComponent("tables/correlations.csv"), encoding: .utf8)
        #expect(correlations.split(separator: "\n").count == 1 + 60 * 132, "the table has every pair and group")
    }
}

/// Issue 31 #5: one row repeated 10,000 times made each duplicate's flag list every other
/// line (26 s, 2.4 GB, a 2.39 GB flags.csv). A flag now names a few and counts the rest.
@Suite("a row repeated ten thousand times")
struct RepeatedRowTests {
    @Test("exact copies and case variants: flags.csv stays small and each flag is bounded", arguments: [false, true])
    func repeated(caseVariants: Bool) throws {
        var returns = "authority,service,total_cost,people_supported,outcomes_total\n"
        for index in 0 ..< 10_000 {
            // Case variants: the same name once case is set aside (a possible duplicate).
            let service = caseVariants ? String("work and skills".enumerated().map { offset, letter in
                (index >> (offset % 14)) & 1 == 1 ? Character(letter.uppercased()) : letter
            }) : "Work and Skills"
            returns += "Brackenmoor,\(service),120000,80,20\n"
        }
        let workspace = try RunWorkspace(returns: returns)
        defer { workspace.remove() }
        let start = ContinuousClock.now
        let result = try workspace.run()
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(result.status == 0, "\(result.stderr.prefix(2_000))")
        let flags = workspace.output.appendingPathComponent("clean/flags.csv")
        let size = (try FileManager.default.attributesOfItem(atPath: flags.path)[.size] as? Int) ?? 0
        #expect(size < 10_000_000, "flags.csv is \(size) bytes")
        let text = try String(contentsOf: flags, encoding: .utf8)
        #expect(text.contains("more rows"), "a big group is counted, not listed")
        #expect(text.split(separator: "\n").allSatisfy { $0.utf8.count < 2_000 })
    }
}
