import Foundation
import Testing
import VFMTestSupport

/// Hostile inputs on the built binary end in their documented exit status and a message
/// naming the file, in bounded time — never a trap, a hang or a silent skip (issue 19).
@Suite("hostile inputs")
struct HostileInputTests {
    @Test("a pipeline nested deeper than the limit exits 78 naming file, line and key",
          arguments: [("arrays.toml", "x = " + String(repeating: "[", count: 40_400) + "\n"),
                      ("tables.toml", "x = " + String(repeating: "{a=", count: 19_400) + "\n"),
                      ("mixed.toml", "name = \"n\"\ndeep = " + String(repeating: "[{a=", count: 5_000) + "\n")])
    func deepNesting(name: String, text: String) throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let config = workspace.scratch.appending(name)
        try TestReturns.write(text, to: config)
        let result = try workspace.run(["--config", config.path])
        #expect(result.status == 78, "\(result)")
        let line = name == "mixed.toml" ? ":2:" : ":1:"
        #expect(result.stderr.contains(name + line), "\(result)")
        #expect(result.stderr.contains(name == "mixed.toml" ? "`deep`" : "`x`"), "\(result)")
        #expect(result.stderr.contains("32 levels"), "\(result)")
    }

    @Test("a header wider than a spreadsheet (16,384 columns) exits 65 at once, naming the file and the limit")
    func headerWiderThanASpreadsheet() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let width = 200_000
        let header = (0..<width).map { "c\($0)" }.joined(separator: ",")
        let row = Array(repeating: "1", count: width).joined(separator: ",")
        try TestReturns.write(header + "\n" + row + "\n", to: workspace.input)
        let start = ContinuousClock.now
        let result = try workspace.run([])
        // Was 27 s in a release build (a closest-header search over every cell).
        #expect(ContinuousClock.now - start < .seconds(60), "took \(ContinuousClock.now - start)")
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains(":1: the header has 200000 cells; a return has at most 16384 columns"), "\(result)")
    }

    @Test("a missing --config exits 66, like a missing input (SPEC §3)")
    func missingConfig() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let result = try workspace.run(["--config", workspace.scratch.appending("nope.toml").path])
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.contains("nope.toml: cannot read the pipeline file: file not found"), "\(result)")
    }

    @Test("a *.csv whose name is not UTF-8 is read, from a directory and given directly, named escaped")
    func nonUTF8Name() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let directory = workspace.input.deletingLastPathComponent().path
        // "caf\xE9.csv": Latin-1 é, invalid UTF-8.
        let rawName = Array("caf".utf8) + [0xE9] + Array(".csv".utf8)
        let rawPath = Array(directory.utf8) + [UInt8(ascii: "/")] + rawName
        try rename(workspace.input.path, toRaw: rawPath)

        let fromDirectory = try ExecuteCommand.run("vfm", ["run", "--input", directory, "--output", workspace.output.path])
        #expect(fromDirectory.status == 0, "\(fromDirectory)")
        let manifest = String(decoding: FileManager.default.contents(atPath: workspace.output.path + "/manifest.json") ?? Data(),
                              as: UTF8.self)
        #expect(manifest.contains(#""path": "caf\\xE9.csv""#), "\(manifest)")
        #expect(manifest.contains(#""rows_accepted": 8"#), "\(manifest)")

        let direct = try ExecuteCommand.run(rawArgument: rawPath, output: workspace.scratch.appending("direct").path)
        #expect(direct.status == 0, "\(direct)")
    }

    @Test("a dangling, a looping link and a FIFO named *.csv in a directory each exit 66 naming the entry, at once",
          arguments: ["dangling", "loop", "fifo", "device"])
    func brokenEntries(kind: String) throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let directory = workspace.input.deletingLastPathComponent().path
        let entry = directory + "/\(kind).csv"
        switch kind {
        case "dangling": #expect(symlink("nowhere.csv", entry) == 0)
        case "loop": #expect(symlink("loop.csv", entry) == 0)
        case "fifo": #expect(mkfifo(entry, 0o644) == 0)
        default: #expect(symlink("/dev/zero", entry) == 0)
        }
        let start = ContinuousClock.now
        let result = try ExecuteCommand.run("vfm", ["run", "--input", directory, "--output", workspace.output.path])
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.contains("\(kind).csv"), "\(result)")
        let expected = ["dangling": "symbolic link to a missing file (nowhere.csv)", "loop": "symbolic link that loops",
                        "fifo": "not a regular file (a FIFO", "device": "not a regular file (a character device)"][kind]!
        #expect(result.stderr.contains(expected), "\(result)")
        #expect(!result.stderr.contains("permissions"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: workspace.output.path))
    }

    @Test("a FIFO or a device given directly exits 66 'not a regular file', never blocking", arguments: ["fifo", "/dev/null"])
    func notRegularDirect(kind: String) throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        var path = kind
        if kind == "fifo" {
            path = workspace.scratch.appending("pipe.csv").path
            #expect(mkfifo(path, 0o644) == 0)
        }
        let result = try ExecuteCommand.run("vfm", ["run", "--input", path, "--output", workspace.output.path])
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.contains("is not a regular file"), "\(result)")
    }

    private func rename(_ from: String, toRaw raw: [UInt8]) throws {
        let code = (raw + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { Foundation.rename(from, $0.baseAddress!) }
        }
        guard code == 0 else { throw ExecuteCommandError(description: "rename failed: \(errno)") }
    }
}

extension ExecuteCommand {
    /// `vfm run --input <raw bytes> --output <output>`: Foundation's `Process` cannot pass an
    /// argument that is not UTF-8, so this goes through `/bin/sh` with the name in a
    /// printf escape.
    static func run(rawArgument raw: [UInt8], output: String) throws -> ExecutionResult {
        guard let vfm = BuiltProducts.executable("vfm") else { throw ExecuteCommandError(description: "vfm is not built") }
        let escaped = raw.map { String(format: "\\%03o", $0) }.joined()
        return try run(URL(fileURLWithPath: "/bin/sh"),
                       ["-c", "exec \"$0\" run --input \"$(printf '\(escaped)')\" --output \"$1\"", vfm.path, output])
    }
}
