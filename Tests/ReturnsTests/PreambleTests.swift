import Testing
@testable import Returns
import VFMCore
import VFMTestSupport

/// Rows above the header are preamble (SPEC §4): skipped, counted and reported; the header
/// is the first row that maps every required column.
@Suite("rows above the header are skipped, counted and reported")
struct PreambleTests {
    static let words = MissingValueWords(["", "n/a"])

    @Test("a title, a note and a line of separators above the header")
    func csvPreamble() throws {
        let text = "Employment support return 2012/13\n\"Figures as reported, see notes\",x\n,,,,\n"
            + "authority,service,total_cost,people_supported,outcomes_total\nA,B,100,10,2\n"
        let file = try FileIngest.ingest(Array(text.utf8), name: "titled.csv", missingWords: Self.words)
        #expect(file.summary.preambleRows == 3)
        #expect(file.summary.rowsRead == 1)
        #expect(file.accepted.first?.serviceReturn.source.line == 5)
        #expect(file.warnings.contains { $0.hasPrefix("titled.csv: skipped 3 rows above the header on line 4") })
    }

    @Test("text after a closing quote warns in the rows read, not in the preamble skipped")
    func textAfterQuoteBelowHeaderOnly() throws {
        let text = "\"Return\" 2012/13\nauthority,service,total_cost,people_supported,outcomes_total\nA,\"B\" Plus,100,10,2\n"
        let file = try FileIngest.ingest(Array(text.utf8), name: "titled.csv", missingWords: Self.words)
        let quirks = file.warnings.filter { $0.contains("text after a closing quote") }
        #expect(quirks == ["titled.csv:3: column 2 (`service`): text after a closing quote was kept, giving `B Plus`; "
            + "the export may be mangled — check this cell in the spreadsheet"])
        #expect(file.summary.preambleRows == 1)
    }

    @Test("no preamble: nothing counted, nothing said")
    func noPreamble() throws {
        let text = "authority,service,total_cost,people_supported,outcomes_total\nA,B,100,10,2\n"
        let file = try FileIngest.ingest(Array(text.utf8), name: "plain.csv", missingWords: Self.words)
        #expect(file.summary.preambleRows == 0)
        #expect(file.warnings.isEmpty)
    }

    @Test("a file with no header row reports its first row's problem and how many rows were searched")
    func noHeader() throws {
        let text = "Title\nauthority,service,total_costt,people_supported,outcomes_total\nA,B,100,10,2\n"
        let error = try #require(throws: VFMError.self) {
            try FileIngest.ingest(Array(text.utf8), name: "none.csv", missingWords: Self.words)
        }
        #expect(error.status == .dataError)
        #expect(error.line == 1)
        #expect(error.message.contains("and none of the 2 rows below it names every required column either"))
    }

    @Test("a header that maps every required column but names one twice is an error, not preamble")
    func duplicateHeader() throws {
        let text = "Title\nauthority,service,total_cost,people_supported,outcomes_total,Total cost\nA,B,100,10,2,3\n"
        let error = try #require(throws: VFMError.self) {
            try FileIngest.ingest(Array(text.utf8), name: "dup.csv", missingWords: Self.words)
        }
        #expect(error.line == 2)
    }

    @Test("a workbook's title rows and notes sheet are skipped; line is the sheet row")
    func workbookPreamble() throws {
        let result = try ingest([workbookPath("openpyxl-return.xlsx")])
        let summary = try #require(result.files.first)
        #expect(summary.sheet == "Return")
        #expect(summary.preambleRows == 2)
        #expect(summary.encoding == "xlsx")
        #expect(summary.rowsRead == 11)
        #expect(result.returns.map(\.source.line).sorted() == [4, 5, 6, 7, 8, 9, 10, 11, 12, 14])
        #expect(result.warnings.contains { $0.contains("(sheet `Return`): skipped 2 rows above the header on line 3") })
    }

    @Test("the pipeline's [input] sheet picks the worksheet; --sheet overrides it")
    func pipelineSheet() throws {
        var pipeline = ingestPipeline()
        pipeline.inputSheet = "Notes"
        let error = try #require(throws: VFMError.self) {
            try IngestStage.run(inputs: [workbookPath("openpyxl-return.xlsx")], pipeline: pipeline, log: StageLog(quiet: true))
        }
        #expect(error.message.contains("the worksheet `Notes` has no header row"))
        let result = try IngestStage.run(inputs: [workbookPath("openpyxl-return.xlsx")], pipeline: pipeline, sheet: "Return",
                                         log: StageLog(quiet: true))
        #expect(result.returns.count == 10)
    }

    @Test("formulas with no saved result are reported")
    func formulasWithoutResults() throws {
        let result = try ingest([workbookPath("formulas-no-cache.xlsx")])
        #expect(result.warnings.contains { $0.contains("9 formula cells have no saved result (first: O4)") })
    }
}

func workbookPath(_ name: String) -> String { FixturePaths.fixture("workbooks/" + name).path }
