import Foundation
import Testing
import VFMTestSupport

/// `make install` installs each executable's shell completions (issue 29, SPEC §3) from
/// `--generate-completion-script`: each must be a script bash can parse and must offer the
/// commands and options people type.
@Suite("Shell completions")
struct CompletionScriptTests {
    @Test("each executable's bash completion parses and offers its commands and options",
          arguments: [("vfm", ["scenario", "template", "--output"]), ("vfm-diff", ["--format", "--tolerance"]),
                      ("vfm-ingest", ["--run-dir"]), ("vfm-report", ["--run-dir"])])
    func bashCompletion(executable: String, words: [String]) throws {
        let result = try ExecuteCommand.run(executable, ["--generate-completion-script", "bash"])
        #expect(result.status == 0, "\(result)")
        for word in words { #expect(result.stdout.contains(word), "\(executable) completion lacks \(word)") }
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let script = scratch.url.appendingPathComponent("completion.bash")
        try result.stdout.write(to: script, atomically: true, encoding: .utf8)
        let check = try ExecuteCommand.run(URL(fileURLWithPath: "/bin/bash"), ["-n", script.path])
        #expect(check.status == 0, "\(check)")
    }
}
