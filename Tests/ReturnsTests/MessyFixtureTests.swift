import Returns
import Testing

/// Each messy fixture (Fixtures/messy/rows, written by make_messy.py) with the outcome of
/// every row worked out by hand from SPEC §4 — see Fixtures/messy/README.md.
@Suite("messy returns: every row accepted or rejected as SPEC §4 says")
struct MessyFixtureTests {
    @Test("Windows-1252 is detected: £ is 0xA3, é and the en dash and curly apostrophe decode, Appendix 6 headers map")
    func windows1252() throws {
        let result = try ingestFixture("01-windows-1252.csv")
        #expect(result.files.map(\.encoding) == ["windows-1252"])
        #expect(result.files.map(\.rowsRead) == [3])
        #expect(result.acceptedLines == [3, 2])  // Leeds before Sheffield
        #expect(result.rejectedRules == [4: "unparsable-money"])
        let sheffield = try #require(result.row(line: 2))
        #expect(sheffield.service == "Café Works")
        #expect(sheffield.totalCost == 263_132)
        #expect(sheffield.peopleSupported == 198)
        #expect(sheffield.counts[.outcomesGained] == 45)
        #expect(sheffield.counts[.outcomesRetained] == 27)
        #expect(sheffield.counts[.outcomesSelfEmployed] == 3)
        #expect(sheffield.counts[.outcomesTotal] == 75)
        #expect(sheffield.reportedCostPerPerson == 1329)
        let leeds = try #require(result.row(line: 3))
        #expect(leeds.service == "Pathways – Employment")
        #expect(leeds.counts[.outcomesGained] == nil)  // don’t know (0x92 apostrophe)
        #expect(leeds.counts[.outcomesTotal] == 12)
        #expect(leeds.reportedCostPerPerson == 2450)
        let reject = try #require(result.rejected.first)
        #expect(reject.message.contains("`total_cost`"))
        #expect(reject.message.contains("£12.5k"))
        #expect(!result.returns.contains { $0.service.unicodeScalars.contains("\u{FFFD}") })
    }

    @Test("UTF-8 with BOM and CRLF: blank and space-only lines are skipped, not counted")
    func bomAndCRLF() throws {
        let result = try ingestFixture("02-bom-crlf.csv")
        #expect(result.files.map(\.encoding) == ["utf-8-bom"])
        #expect(result.files.map(\.rowsRead) == [3])
        #expect(result.rejected.isEmpty)
        #expect(result.acceptedLines == [4, 2, 6])  // Bath, Bristol, Wells
        let bristol = try #require(result.row(line: 2))
        #expect(bristol.authority == "Bristol")  // no BOM left on the first header
        #expect(bristol.evidenceBase == .ipsFidelity)
        #expect(bristol.totalCost == 310_500)
        #expect(bristol.counts[.clientsMH] == 230)
        #expect(result.row(line: 4)?.evidenceBase == .observedGoodPractice)
        #expect(result.row(line: 4)?.totalCost == 263_132)
        #expect(result.row(line: 6)?.evidenceBase == .notEvidenceBased)
        #expect(result.row(line: 6)?.totalCost == 1730.5)
    }

    @Test("money with £ and thousands separators; counts whole (12.0 = 12, 12.5 rejected); nothing guessed")
    func moneyAndCounts() throws {
        let result = try ingestFixture("03-money-and-counts.csv")
        #expect(result.files.map(\.rowsRead) == [15])
        #expect(result.acceptedLines == [2, 3, 4, 5, 6, 14])
        #expect(result.rejectedRules == [
            7: "non-integer-count", 8: "unparsable-money", 9: "unparsable-money", 10: "unparsable-count",
            11: "unparsable-count", 12: "unparsable-money", 13: "unparsable-money", 15: "non-integer-count",
            16: "unparsable-money",
        ])
        let expected: [Int: (cost: Double, people: Int, outcomes: Int, perOutcome: Double?)] = [
            2: (263_132, 198, 75, nil), 3: (263_132, 198, 75, 3508.43), 4: (1234, 12, 3, nil),
            5: (1730.5, 1200, 300, nil), 6: (-50, 10, 1, nil), 14: (0, 0, 0, 0),
        ]
        for (line, values) in expected {
            let row = try #require(result.row(line: line))
            #expect(row.totalCost == values.cost, "line \(line)")
            #expect(row.peopleSupported == values.people, "line \(line)")
            #expect(row.counts[.outcomesTotal] == Double(values.outcomes), "line \(line)")
            #expect(row.reportedCostPerOutcome == values.perOutcome, "line \(line)")
        }
        let halfAPerson = try #require(result.rejected.first { $0.source.line == 7 })
        #expect(halfAPerson.message.contains("`people_supported`") && halfAPerson.message.contains("12.5"))
        #expect(halfAPerson.record == ["A06", "Half a person", "1000", "12.5", "1", ""])
    }

    @Test("missing words are missing (not zero) in every column, either apostrophe; 0 is zero")
    func missingWords() throws {
        let result = try ingestFixture("04-missing-words.csv")
        #expect(result.acceptedLines == [3, 2])  // "Hull Two" sorts before "Hull Works"
        #expect(result.rejectedRules == [4: "required-missing", 5: "required-missing", 6: "required-missing"])
        let unknowns = try #require(result.row(line: 2))
        #expect(unknowns.period == nil)
        #expect(unknowns.model == nil)
        for column: ReturnColumn in [.clientsLD, .clientsMH, .outcomesGained, .outcomesRetained, .outcomesSelfEmployed] {
            #expect(unknowns.counts[column] == nil, "\(column)")
        }
        #expect(result.extra("region", line: 2) == nil)
        let zeros = try #require(result.row(line: 3))
        #expect(zeros.peopleSupported == 0)
        #expect(zeros.counts[.clientsLD] == 0)
        #expect(zeros.counts[.outcomesGained] == 0)
        #expect(result.extra("region", line: 3) == "North")
        #expect(result.rejected.first { $0.source.line == 4 }?.message.contains("`total_cost`") == true)
        #expect(result.rejected.first { $0.source.line == 5 }?.message.contains("`authority`") == true)
        #expect(result.rejected.first { $0.source.line == 6 }?.message.contains("`service`") == true)
    }

    @Test("quoted commas, doubled quotes and newlines; a record's line is where it starts")
    func quotedNewlines() throws {
        let result = try ingestFixture("05-quoted-newlines.csv")
        #expect(result.files.map(\.rowsRead) == [3])
        #expect(result.rejected.isEmpty)
        #expect(result.acceptedLines == [7, 2, 4])  // Essex, Kent, Surrey
        let kent = try #require(result.row(line: 2))
        #expect(kent.authority == "Kent, County Council")
        #expect(kent.service == "Kent \"Works\"")
        #expect(result.extra("notes", line: 2) == "first line\nsecond line")
        #expect(result.row(line: 4)?.service == "Surrey\nSupported\nEmployment")
        #expect(result.extra("notes", line: 7) == "comma, inside")
    }

    @Test("ragged rows are rejected with expected and found counts; a row of bare separators is a blank line (issue 28)")
    func raggedRows() throws {
        let result = try ingestFixture("06-ragged.csv")
        #expect(result.files.map(\.rowsRead) == [5])
        #expect(result.acceptedLines == [2, 6])
        #expect(result.rejectedRules == [3: "ragged-row", 4: "ragged-row", 7: "ragged-row"])
        let tooFew = try #require(result.rejected.first { $0.source.line == 3 })
        #expect(tooFew.message.contains("4 cells") && tooFew.message.contains("6 columns"))
        #expect(tooFew.record == ["Luton", "Too Few", "1000", "10"])
        #expect(result.warnings.contains { $0.contains("no header") })
    }

    @Test("duplicates and impossible values pass ingest: they are the clean stage's rules")
    func duplicatesAndImpossibleValues() throws {
        let result = try ingestFixture("07-duplicates-impossible.csv")
        #expect(result.rejected.isEmpty)
        #expect(result.returns.count == 6)
        #expect(result.row(line: 4)?.totalCost == -500)
        #expect(result.row(line: 5)?.peopleSupported == -10)
        #expect(result.row(line: 6)?.counts[.outcomesGained] == 10)
        #expect(result.returns.filter { $0.service == "Oxford Jobs" }.map(\.source.line) == [2, 3])
    }

    @Test("formula-like names are kept verbatim as text")
    func formulaNames() throws {
        let result = try ingestFixture("08-formula-names.csv")
        #expect(result.rejected.isEmpty)
        #expect(result.returns.map(\.authority) == ["'=already", "+cmd", "=HYPERLINK(\"http://evil.example\",\"click\")", "Camden"])
        #expect(result.row(line: 3)?.service == "@SUM(A1)")
        #expect(result.row(line: 4)?.service == "-2+3")
    }

    @Test("headers match ignoring case and spaces; a misspelt one is warned about and carried as an extra column")
    func misspeltHeader() throws {
        let result = try ingestFixture("09-misspelt-header.csv")
        #expect(result.acceptedLines == [2])
        let warning = try #require(result.warnings.first)
        #expect(warning.contains("`outcomes_retianed`") && warning.contains("`outcomes_retained`"))
        let row = try #require(result.row(line: 2))
        #expect(row.authority == "Poole")
        #expect(row.counts[.outcomesRetained] == nil)
        #expect(row.extraColumns == [ExtraCell(header: "outcomes_retianed", value: "1"),
                                     ExtraCell(header: "Region", value: "South West")])
    }

    @Test("a directory is every *.csv in it; rows read = accepted + rejected for each file; extras are the union")
    func wholeDirectory() throws {
        let result = try ingest([messyPath("rows")])
        #expect(result.files.map(\.path) == [
            "01-windows-1252.csv", "02-bom-crlf.csv", "03-money-and-counts.csv", "04-missing-words.csv",
            "05-quoted-newlines.csv", "06-ragged.csv", "07-duplicates-impossible.csv", "08-formula-names.csv",
            "09-misspelt-header.csv",
        ])
        #expect(result.files.map(\.rowsRead) == [3, 3, 15, 5, 3, 5, 6, 4, 1])
        #expect(result.files.map(\.rowsAccepted) == [2, 3, 6, 2, 3, 2, 6, 4, 1])
        #expect(result.files.map(\.rowsRejected) == [1, 0, 9, 3, 0, 3, 0, 0, 0])
        for file in result.files {
            #expect(file.rowsRead == file.rowsAccepted + file.rowsRejected, "\(file.path)")
            #expect(result.returns.filter { $0.source.file == file.path }.count == file.rowsAccepted)
            #expect(result.rejected.filter { $0.source.file == file.path }.count == file.rowsRejected)
        }
        // region (04) and Region (09) are one column, named as the first file has it.
        for row in result.returns {
            #expect(row.extraColumns.map(\.header) == ["notes", "outcomes_retianed", "region"])
        }
        #expect(result.returns.first { $0.authority == "Poole" }?.extraColumns.last?.value == "South West")
        #expect(result.rejected.map(\.source) == result.rejected.map(\.source).sorted())
    }
}
