import PipelineDefinition
import Survey
import Testing
import VFMCore

/// SPEC §12 "Tables": each table's rule on responses small enough to work by hand.
@Suite("Spending survey: tables")
struct SurveyTablesTests {
    static func tables(_ header: [String], _ rows: [[String]], tolerance: Double = 0) throws -> SurveyTables {
        SurveyTables(try SurveyFixture.clean(header, rows), settings: SurveySettings(equalTolerance: tolerance, topN: 20),
                     reference: nil)
    }

    static let changeHeader = ["authority", "spend_health_2011_12", "spend_health_2012_13", "spend_accuracy"]

    @Test("Table 2: increase, equal (0 → 0 included), decrease, cut (to = 0 < from); n = areas with both years")
    func budgetChange() throws {
        let tables = try Self.tables(Self.changeHeader, [
            ["A", "100", "120", "calculated"], ["B", "100", "100", ""], ["C", "0", "0", ""], ["D", "100", "0", ""],
            ["E", "100", "50", ""], ["F", "0", "50", ""], ["G", "100", "", ""],
        ])
        let all = try #require(tables.budgetChange.first { $0.subset == .all && $0.stream == .health })
        #expect([all.n, all.increase, all.equal, all.decrease, all.cut] == [6, 2, 2, 1, 1])
        let expected: [Double?] = [2.0 / 6, 2.0 / 6, 1.0 / 6, 1.0 / 6]
        #expect(all.shares == expected)
        #expect(all.from == "2011/12" && all.to == "2012/13")
        let calculated = try #require(tables.budgetChange.first { $0.subset == .calculated })
        #expect([calculated.n, calculated.increase] == [1, 1])
    }

    @Test("Table 2 with equal_tolerance 0.1: within 10% of the earlier budget is equal")
    func tolerance() throws {
        let tables = try Self.tables(Self.changeHeader, [["A", "100", "110", ""], ["B", "100", "111", ""], ["C", "100", "90", ""]],
                                     tolerance: 0.1)
        let all = try #require(tables.budgetChange.first { $0.subset == .all })
        #expect([all.increase, all.equal, all.decrease] == [1, 2, 0])
    }

    @Test("spend by type: a breakdown is given when any cell is (0 counts) and not unable; n per client group")
    func spendByType() throws {
        let header = ["authority", "breakdown_paid_work_mh", "breakdown_paid_work_ld", "breakdown_college_ld",
                      "breakdown_unable", "pb_use"]
        let tables = try Self.tables(header, [
            ["A", "10", "30", "60", "no", "yes"],
            ["B", "500", "", "", "yes", ""],  // unable: no breakdown
            ["C", "", "", "", "", ""],  // no cell: no breakdown
            ["D", "0", "", "", "", ""],  // a 0 is given
        ])
        func row(_ subset: SurveySubset, _ client: String, _ type: String) -> SpendByTypeRow? {
            tables.spendByType.first { $0.subset == subset && $0.client == client && $0.type == type }
        }
        #expect(row(.all, "all", "paid_work")?.n == 2)
        #expect(row(.all, "all", "paid_work")?.spend == 40)
        #expect(row(.all, "all", "paid_work")?.share == 0.4)
        #expect(row(.all, "all", "college")?.share == 0.6)
        #expect(row(.all, "mh", "paid_work")?.n == 2)
        #expect(row(.all, "mh", "paid_work")?.share == 1)
        #expect(row(.all, "ld", "paid_work")?.n == 1)
        #expect(row(.all, "ld", "paid_work")?.share == 30.0 / 90)
        #expect(row(.all, "other", "paid_work")?.n == 0)
        #expect(row(.all, "other", "paid_work")?.share == nil)
        #expect(row(.pbUsers, "all", "paid_work")?.n == 1)
        #expect(tables.responses.first { $0.subset == .all }?.withBreakdown == 2)
        #expect(tables.responses.first { $0.subset == .all }?.shareWithoutBreakdown == 0.5)
    }

    @Test("data collected, personal budgets, five-year answers and factors count their answers over the right base")
    func answers() throws {
        let header = ["authority", "collects_receiving", "collects_job_numbers", "pb_allowed", "pb_use",
                      "five_year_change", "factor_historical"]
        let tables = try Self.tables(header, [
            ["A", "yes", "yes", "yes", "unknown", "more", "1"],
            ["B", "no", "no", "", "yes", "same", "3"],
            ["C", "", "yes", "no", "", "", ""],
            ["D", "yes", "", "yes", "don't know", "more", "1"],
        ])
        let receiving = try #require(tables.dataCollected.first { $0.subset == .all && $0.item == "receiving" })
        #expect([receiving.answered, receiving.yes] == [3, 2])
        #expect(receiving.shareYes == 2.0 / 3)
        #expect(receiving.shareYesOfAll == 0.5)
        let jobs = try #require(tables.dataCollected.first { $0.subset == .all && $0.item == "job_numbers" })
        #expect(jobs.shareYesOfAll == 0.5)
        let use = tables.personalBudgets.filter { $0.question == "pb_use" }
        #expect(use.map(\.answer) == ["yes", "no", "unknown", "no_answer"])
        #expect(use.map(\.n) == [1, 0, 2, 1])
        #expect(tables.fiveYear.first { $0.subset == .all }?.counts == [2, 1, 0, 1])
        let historical = try #require(tables.factors.first { $0.factor == "historical" })
        #expect(historical.ranked == 3)
        #expect(historical.meanRank == 5.0 / 3)
        #expect(historical.shareFirst == 2.0 / 3)
    }
}
