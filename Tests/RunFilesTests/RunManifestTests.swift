import Foundation
import RunFiles
import Tabular
import Testing
import VFMCore

@Suite("manifest.json: one type, written and read back")
struct RunManifestTests {
    static let manifest = RunManifest(
        tool: RunManifest.Tool(name: "vfm", version: "9.9.9"),
        pipeline: RunManifest.Pipeline(path: "Pipelines/ndti-2014.toml", sha256: String(repeating: "a", count: 64)),
        inputs: [
            RunManifest.Input(path: "z.csv", sha256: "01", bytes: 10, rowsRead: 3, rowsAccepted: 2, rowsRejected: 1),
            RunManifest.Input(path: "a \"quoted\"\\name.csv", sha256: "02", bytes: 0, rowsRead: 0, rowsAccepted: 0,
                              rowsRejected: 0),
        ],
        outputs: [RunManifest.Output(path: "tables/x.csv", sha256: "03"), RunManifest.Output(path: "report.md", sha256: "04")])

    @Test("inputs and outputs are sorted by path bytes, whatever order they were given in")
    func sorted() {
        #expect(Self.manifest.inputs.map(\.path) == ["a \"quoted\"\\name.csv", "z.csv"])
        #expect(Self.manifest.outputs.map(\.path) == ["report.md", "tables/x.csv"])
    }

    @Test("the rendered text is the documented deterministic JSON, keys sorted")
    func rendered() {
        let expected = """
        {
          "inputs": [
            {
              "bytes": 0,
              "path": "a \\"quoted\\"\\\\name.csv",
              "rows_accepted": 0,
              "rows_read": 0,
              "rows_rejected": 0,
              "sha256": "02"
            },
            {
              "bytes": 10,
              "path": "z.csv",
              "rows_accepted": 2,
              "rows_read": 3,
              "rows_rejected": 1,
              "sha256": "01"
            }
          ],
          "outputs": [
            {
              "path": "report.md",
              "sha256": "04"
            },
            {
              "path": "tables/x.csv",
              "sha256": "03"
            }
          ],
          "pipeline": {
            "path": "Pipelines/ndti-2014.toml",
            "sha256": "\(String(repeating: "a", count: 64))"
          },
          "tool": {
            "name": "vfm",
            "version": "9.9.9"
          }
        }

        """
        #expect(Self.manifest.rendered == expected)
    }

    @Test("parsing the rendered text gives back the same manifest")
    func roundTrip() throws {
        #expect(try RunManifest.parse(Array(Self.manifest.rendered.utf8), file: "manifest.json") == Self.manifest)
    }

    @Test("a workbook input's preamble rows and sheet, and --sheet, are written when present and read back")
    func spreadsheetFields() throws {
        var manifest = Self.manifest
        manifest.inputs[1].preambleRows = 2
        manifest.inputs[1].sheet = "Return"
        manifest.sheetOption = "return"
        let text = manifest.rendered
        // Keys sorted: preamble_rows after path, sheet after sha256; sheet_option after pipeline.
        #expect(text.contains("\"path\": \"z.csv\",\n      \"preamble_rows\": 2,\n      \"rows_accepted\": 2,"))
        #expect(text.contains("\"sha256\": \"01\",\n      \"sheet\": \"Return\"\n    }"))
        #expect(text.contains("  },\n  \"sheet_option\": \"return\",\n  \"tool\": {"))
        #expect(try RunManifest.parse(Array(text.utf8), file: "manifest.json") == manifest)
        // A CSV input with no preamble and no --sheet adds no key (the test above).
        #expect(!Self.manifest.rendered.contains("preamble_rows") && !Self.manifest.rendered.contains("sheet"))
    }

    @Test("a missing key is a data error that names the key")
    func missingKey() {
        let text = Self.manifest.rendered.replacingOccurrences(of: "\"rows_read\": 3,", with: "")
        let error = #expect(throws: VFMError.self) { try RunManifest.parse(Array(text.utf8), file: "manifest.json") }
        #expect(error?.status == .dataError)
        #expect(error?.file == "manifest.json")
        #expect(error?.column == "inputs[1].rows_read")
    }

    @Test("text that is not JSON is a data error")
    func notJSON() {
        let error = #expect(throws: VFMError.self) { try RunManifest.parse(Array("{ not json".utf8), file: "m.json") }
        #expect(error?.status == .dataError)
        #expect(error?.message == "not a manifest written by vfm: it is not valid JSON")
    }
}
