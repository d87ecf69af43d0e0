import Foundation
@testable import RunDiff
import Testing
import VFMTestSupport

/// `vfm-diff --format json` for the fixture pairs: valid against the committed JSON Schema
/// (python-jsonschema, Draft 2020-12, from the venv `make jsonschema-venv` installs), and
/// with `--all` in agreement with an independent diff of the runs' CSV files
/// (`Fixtures/diff/check_json.py`, Python's csv module, none of the Swift code).
@Suite("vfm-diff JSON", .serialized)
struct DiffJSONTests {
    static let pairs = [("base", "base"), ("base", "pound-more"), ("base", "doubled-cost"), ("base", "swapped-service"),
                        ("base", "became-evidence-based"), ("base", "flipped-correlation"), ("base", "new-reject"),
                        ("new-reject", "base"), ("base", "added-service"), ("base", "lacking-group"),
                        ("base", "with-value-for-money"), ("with-value-for-money", "base"),
                        ("with-value-for-money", "with-value-for-money")]

    /// The venv's python, installed on first use by the Makefile target (idempotent).
    static func python() throws -> URL {
        let root = FixturePaths.repositoryRoot
        let make = try ExecuteCommand.run(URL(fileURLWithPath: "/usr/bin/env"),
                                          ["make", "--no-print-directory", "-s", "jsonschema-venv"],
                                          currentDirectory: root)
        guard make.status == 0 else { throw ExecuteCommandError(description: "make jsonschema-venv failed: \(make)") }
        return root.appendingPathComponent(".build/venv-jsonschema/bin/python")
    }

    /// Writes each pair's JSON to a scratch directory: `OLD--NEW--MODE.json`.
    static func write(_ options: DiffOptions, mode: String, to directory: URL) throws -> [(old: String, new: String, file: URL)] {
        try pairs.map { old, new in
            let file = directory.appendingPathComponent("\(old)--\(new)--\(mode).json")
            try Data(try DiffFixtures.compare(old, new, options: options).json.utf8).write(to: file)
            return (old, new, file)
        }
    }

    @Test("every pair's JSON, under each threshold, is valid against Fixtures/diff/vfm-diff.schema.json")
    func validAgainstSchema() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-diff-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = try Self.write(DiffOptions(), mode: "printed", to: scratch)
            + Self.write(DiffOptions(threshold: .any), mode: "all", to: scratch)
            + Self.write(DiffOptions(threshold: .relative(1e-3)), mode: "relative", to: scratch)
        let result = try ExecuteCommand.run(try Self.python(),
                                            [FixturePaths.fixture("diff/validate_json.py").path,
                                             FixturePaths.fixture("diff/vfm-diff.schema.json").path]
                                            + files.map { $0.file.path })
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test("the schema rejects a document that breaks it (the validator is not a rubber stamp)")
    func schemaRejects() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-diff-json-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let broken = try DiffFixtures.compare("base", "doubled-cost").json
            .replacingOccurrences(of: "\"kind\": \"printed\"", with: "\"kind\": \"rounded\"")
        try Data(broken.utf8).write(to: scratch)
        let result = try ExecuteCommand.run(try Self.python(),
                                            [FixturePaths.fixture("diff/validate_json.py").path,
                                             FixturePaths.fixture("diff/vfm-diff.schema.json").path, scratch.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("threshold/kind"))
    }

    @Test("with --all, the JSON lists exactly what an independent diff of the runs' CSV files finds")
    func agreesWithIndependentDiff() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-diff-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let python = try Self.python()
        for (old, new, file) in try Self.write(DiffOptions(threshold: .any), mode: "all", to: scratch) {
            let result = try ExecuteCommand.run(python, [FixturePaths.fixture("diff/check_json.py").path,
                                                         DiffFixtures.run(old), DiffFixtures.run(new), file.path])
            #expect(result.status == 0, "\(old) → \(new): \(result)")
        }
    }

    @Test("by default no figure is listed whose old and new text are the same")
    func noIdenticalRows() throws {
        for (old, new) in Self.pairs {
            let document = try JSONSerialization.jsonObject(with: Data(try DiffFixtures.compare(old, new).json.utf8))
            let figures = try #require((document as? [String: Any])?["figures"] as? [[String: Any]])
            for figure in figures {
                #expect(figure["old_text"] as? String != figure["new_text"] as? String, "\(old) → \(new): \(figure)")
            }
        }
    }

    @Test("a £1 change: the service's field with full-precision old and new and the report's text")
    func poundChange() throws {
        let document = try JSONSerialization.jsonObject(with: Data(try DiffFixtures.compare("base", "pound-more").json.utf8))
        let root = try #require(document as? [String: Any])
        #expect(root["differences"] as? Bool == true)
        let services = try #require(root["services"] as? [String: Any])
        let changed = try #require(services["changed"] as? [[String: Any]])
        #expect(changed.count == 1)
        #expect(changed.first?["service"] as? String == "Job Club")
        let fields = try #require(changed.first?["fields"] as? [[String: Any]])
        #expect(fields.count == 1)
        #expect(fields.first?["name"] as? String == "total_cost")
        #expect(fields.first?["old"] as? Double == 90_000)
        #expect(fields.first?["new"] as? Double == 90_001)
        #expect(fields.first?["new_text"] as? String == "£90,001")
    }

    @Test("identical runs: differences false and nothing listed")
    func identical() throws {
        let text = try DiffFixtures.compare("base", "base").json
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["differences"] as? Bool == false)
        #expect((root["figures"] as? [Any])?.isEmpty == true)
        #expect((root["correlations"] as? [Any])?.isEmpty == true)
        #expect(text == (try DiffFixtures.compare("base", "base").json))
    }
}
