import Foundation
import Returns
import Survey
import Testing
import VFMCore

/// SPEC §12 "Input" and "Clean": every row accepted or rejected with its file, line, column
/// and reason; the questionnaire's wordings understood.
@Suite("Spending survey: ingest")
struct SurveyIngestTests {
    static let header = ["authority", "response", "spend_social_care_2011_12", "spend_social_care_2012_13",
                         "spend_accuracy", "breakdown_unable", "provider_la", "factor_historical", "pb_use"]

    /// One valid row; `change` replaces cells by column name.
    static func row(_ change: [String: String] = [:]) -> [String] {
        let base = ["authority": "Leeds", "response": "Commissioner", "spend_social_care_2011_12": "£100,000",
                    "spend_social_care_2012_13": "90000", "spend_accuracy": "calculated", "breakdown_unable": "no",
                    "provider_la": "45%", "factor_historical": "1", "pb_use": "yes"]
        return header.map { change[$0] ?? base[$0]! }
    }

    @Test("a cell that breaks a value rule rejects its row with the rule, line, column and cell", arguments: [
        ("spend_social_care_2011_12", "lots", "invalid-money"),
        ("spend_social_care_2011_12", "-50", "negative-money"),
        ("breakdown_unable", "maybe", "invalid-yes-no"),
        ("breakdown_unable", "1", "invalid-yes-no"),
        ("spend_accuracy", "sometimes", "invalid-choice"),
        ("pb_use", "perhaps", "invalid-choice"),
        ("factor_historical", "8", "invalid-rank"),
        ("factor_historical", "0", "invalid-rank"),
        ("factor_historical", "2.5", "invalid-rank"),
        ("factor_historical", "first", "invalid-rank"),
        ("provider_la", "about half", "invalid-proportion"),
        ("provider_la", "-5%", "invalid-proportion"),
        ("provider_la", "120%", "proportion-above-100"),
        ("provider_la", "101", "proportion-above-100"),
    ])
    func valueRules(column: String, cell: String, rule: String) throws {
        let ingest = try SurveyFixture.ingest(Self.header, [Self.row(), Self.row([column: cell])])
        #expect(ingest.responses.count == 1)
        let reject = try #require(ingest.rejected.first)
        #expect(ingest.rejected.count == 1)
        #expect(reject.rule.rawValue == rule)
        #expect(reject.source == SourceLocation(file: "survey.csv", line: 3))
        #expect(reject.columnName == column)
        #expect(reject.value == cell)
        #expect(reject.message.contains(column))
        #expect(ingest.files.first.map { $0.rowsRead == $0.rowsAccepted + $0.rowsRejected } == true)
    }

    @Test("whole-row rules: no authority, a totals row, a ragged row, an oversized cell")
    func rowRules() throws {
        let long = String(repeating: "x", count: CellLimit.bytes + 1)
        let text = SurveyFixture.csv(Self.header, [Self.row(["authority": "n/a"]), Self.row(["authority": "Grand Total"]),
                                                   Array(Self.row().prefix(4)), Self.row(["response": long]), Self.row()])
        let ingest = try SurveyFixture.ingest(text)
        #expect(ingest.rejected.map(\.rule.rawValue) == ["authority-missing", "total-row", "ragged-row", "cell-too-long"])
        #expect(ingest.rejected.map(\.source.line) == [2, 3, 4, 5])
        #expect(ingest.rejected.map(\.columnName) == ["authority", "authority", nil, "response"])
        #expect(ingest.rejected[1].value == "Grand Total")
        #expect(ingest.responses.count == 1)
    }

    @Test("yes/no cells read yes, y, true, x, ✓ and no, n, false in any case; a missing word is unanswered, not no")
    func yesNo() throws {
        let words = ["YES", "y", "True", " x ", "✓", "No", "N", "false", "n/a", ""]
        let ingest = try SurveyFixture.ingest(Self.header, words.map { Self.row(["breakdown_unable": $0]) })
        #expect(ingest.rejected.isEmpty)
        #expect(ingest.responses.map { $0.choice("breakdown_unable") ?? "missing" }
            == ["yes", "yes", "yes", "yes", "yes", "no", "no", "no", "missing", "missing"])
    }

    @Test("pb_use reads the questionnaire's answers; unknown and don't know are the answer unknown, not missing")
    func personalBudgetUse() throws {
        let words = ["We know they are", "We know they’re not", "We don't know either way", "unknown", "Don't know",
                     "don’t know", "-"]
        let ingest = try SurveyFixture.ingest(Self.header, words.map { Self.row(["pb_use": $0]) })
        #expect(ingest.rejected.isEmpty)
        #expect(ingest.responses.map { $0.choice("pb_use") ?? "missing" }
            == ["yes", "no", "unknown", "unknown", "unknown", "unknown", "missing"])
    }

    @Test("enum cells read their canonical words or the questionnaire's wording")
    func choices() throws {
        let header = ["Authority Name", "Spend accuracy", "Five year change", "Combined 2011/12"]
        let rows = [["A", "More rough estimates", "More than 5 yrs ago", "1"],
                    ["B", "more calculated, accurate figures", "the same", "1"],
                    ["C", "CALCULATED", "Less than 5 yrs ago", "1"]]
        let ingest = try SurveyFixture.ingest(header, rows)
        #expect(ingest.rejected.isEmpty)
        #expect(ingest.responses.map { $0.choice("spend_accuracy") } == ["rough", "calculated", "calculated"])
        #expect(ingest.responses.map { $0.choice("five_year_change") } == ["more", "same", "less"])
    }

    @Test("a proportion is 45%, 45 % or a bare 45, the same binary64 as the decimal 0.45")
    func proportions() throws {
        let forms = ["45%", "45 %", "45", "73.72%", "73.72", "0%", "100"]
        let ingest = try SurveyFixture.ingest(Self.header, forms.map { Self.row(["provider_la": $0]) })
        #expect(ingest.rejected.isEmpty)
        #expect(ingest.responses.map { $0.number("provider_la") } == [0.45, 0.45, 0.45, 0.7372, 0.7372, 0, 1])
    }

    @Test("the budgets' headers: canonical names and the questionnaire's words, the year in any form, either order",
          arguments: [
              ("spend_social_care_2011_12", "spend_social_care_2011_12"),
              ("Social Care budget 2011-12", "spend_social_care_2011_12"),
              ("Combined 2012/13", "spend_combined_2012_13"),
              ("2010/11 Health budget", "spend_health_2010_11"),
              ("health FY2014/15", "spend_health_2014_15"),
              ("Social care 2012–2013", "spend_social_care_2012_13"),
              ("Health 2013", "spend_health_2013"),
          ])
    func budgetHeaders(header: String, canonical: String) {
        #expect(SpendColumn(header: header)?.name == canonical)
    }

    @Test("headers that are not budgets are not read as budgets", arguments: [
        "Social care 2011/13", "Education 2011/12", "spend_accuracy", "Social care budget",
    ])
    func notBudgets(header: String) {
        #expect(SpendColumn(header: header) == nil)
    }

    @Test("the years come from the header: 2014/15 to 2016/17 are read as they are, nothing tied to 2010–13")
    func otherYears() throws {
        let ingest = try SurveyFixture.ingest(["Local authority", "Health 2014/15", "Health 2015/16", "Health 2016/17"],
                                              [["York", "1", "2", "3"]])
        #expect(ingest.spendColumns.map(\.name) == ["spend_health_2014_15", "spend_health_2015_16", "spend_health_2016_17"])
        #expect(ingest.lastYear?.label == "2016/17")
        #expect(ingest.breakdownYear?.label == "2015/16")
    }

    @Test("a gap in a stream's years is a file error (65) naming the stream and the years")
    func yearGap() throws {
        do {
            _ = try SurveyFixture.ingest(["authority", "Health 2010/11", "Health 2012/13"], [["York", "1", "2"]])
            Issue.record("a gap was accepted")
        } catch let error as VFMError {
            #expect(error.status == .dataError)
            #expect(error.message.contains("health"))
            #expect(error.message.contains("2010/11") && error.message.contains("2012/13"))
        }
    }

    @Test("rows above the header are preamble, counted; a file with no authority column has no header (65)")
    func preambleAndNoHeader() throws {
        let ingest = try SurveyFixture.ingest("A title\n\n,notes\n" + SurveyFixture.csv(Self.header, [Self.row()]))
        #expect(ingest.files.first?.preambleRows == 2)
        #expect(ingest.responses.first?.source.line == 5)
        #expect(throws: VFMError.self) { try SurveyFixture.ingest("name,total\nLeeds,4\n") }
    }

    @Test("a column named twice is a file error")
    func columnTwice() throws {
        #expect(throws: VFMError.self) {
            try SurveyFixture.ingest(["authority", "Authority Name", "Health 2011/12"], [["A", "B", "1"]])
        }
    }
}
