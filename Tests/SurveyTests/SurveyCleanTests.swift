import Survey
import Testing

/// SPEC §12 "Clean" and "Areas and the calculated subset": the flags, kept rows, and areas
/// combined by the folded authority key. Expected values are worked by hand in the comments.
@Suite("Spending survey: clean")
struct SurveyCleanTests {
    static let header = ["authority", "spend_social_care_2011_12", "spend_social_care_2012_13", "spend_accuracy",
                         "breakdown_paid_work_mh", "breakdown_college_ld", "breakdown_unable", "provider_la",
                         "provider_nhs", "factor_historical", "factor_strategy"]

    static func row(_ cells: [String: String]) -> [String] { header.map { cells[$0] ?? "" } }

    static func flags(_ clean: SurveyClean, _ authority: String) -> [String] {
        clean.responses.filter { $0.authority == authority }.flatMap(\.flags).map(\.rule.rawValue)
    }

    @Test("shares-not-100: two or more provider shares more than 5 points from 100%")
    func shares() throws {
        let clean = try SurveyFixture.clean(Self.header, [
            Self.row(["authority": "A", "provider_la": "60%", "provider_nhs": "30%"]),  // 90%: flagged
            Self.row(["authority": "B", "provider_la": "60%", "provider_nhs": "38%"]),  // 98%: within 5 points
            Self.row(["authority": "C", "provider_la": "20%"]),  // one share: not checked
            Self.row(["authority": "D", "provider_la": "60", "provider_nhs": "45"]),  // 105%: on the bound, kept
        ])
        #expect(Self.flags(clean, "A") == ["shares-not-100"])
        #expect(Self.flags(clean, "B").isEmpty && Self.flags(clean, "C").isEmpty && Self.flags(clean, "D").isEmpty)
        let flag = try #require(clean.responses.first?.flags.first)
        #expect(flag.value == 0.6 + 0.3 || flag.value == 0.9)
        #expect(flag.threshold == 0.05)
    }

    @Test("breakdown-mismatch: |B − T| ≥ 10% of the breakdown year's budgets, not when unable or T is 0 or missing")
    func breakdown() throws {
        let clean = try SurveyFixture.clean(Self.header, [
            // T = 100,000 (2011/12, the year before the last); B = 50,000 + 39,000 = 89,000: 11% off.
            Self.row(["authority": "A", "spend_social_care_2011_12": "100000", "breakdown_paid_work_mh": "50000",
                      "breakdown_college_ld": "39000"]),
            // B = 91,000: 9% off, not flagged.
            Self.row(["authority": "B", "spend_social_care_2011_12": "100000", "breakdown_paid_work_mh": "50000",
                      "breakdown_college_ld": "41000"]),
            Self.row(["authority": "C", "spend_social_care_2011_12": "100000", "breakdown_paid_work_mh": "5",
                      "breakdown_unable": "yes"]),
            Self.row(["authority": "D", "spend_social_care_2011_12": "0", "breakdown_paid_work_mh": "5"]),
            Self.row(["authority": "E", "spend_social_care_2012_13": "10", "breakdown_paid_work_mh": "5"]),
        ])
        #expect(Self.flags(clean, "A") == ["breakdown-mismatch"])
        #expect(["B", "C", "D", "E"].allSatisfy { Self.flags(clean, $0).isEmpty })
        let flag = try #require(clean.responses.first { $0.authority == "A" }?.flags.first)
        #expect(flag.metric == "breakdown_total" && flag.value == 89_000 && flag.threshold == 100_000)
    }

    @Test("rank-repeated: one rank given to two factors")
    func ranks() throws {
        let clean = try SurveyFixture.clean(Self.header, [
            Self.row(["authority": "A", "factor_historical": "1", "factor_strategy": "1"]),
            Self.row(["authority": "B", "factor_historical": "1", "factor_strategy": "2"]),
        ])
        #expect(Self.flags(clean, "A") == ["rank-repeated"])
        #expect(Self.flags(clean, "B").isEmpty)
    }

    @Test("areas: responses folded by authority, each budget summed over the responses that give it")
    func areas() throws {
        let clean = try SurveyFixture.clean(Self.header, [
            Self.row(["authority": "Leeds", "spend_social_care_2011_12": "100000", "spend_accuracy": "calculated"]),
            Self.row(["authority": " LEEDS ", "spend_social_care_2011_12": "50000", "spend_social_care_2012_13": "0"]),
            Self.row(["authority": "York", "spend_social_care_2011_12": "7"]),
            Self.row(["authority": "york", "spend_social_care_2012_13": "8", "spend_accuracy": "rough"]),
        ])
        #expect(clean.areas.map(\.authority) == ["Leeds", "York"])
        let leeds = try #require(clean.areas.first)
        #expect(leeds.responses.count == 2 && leeds.calculatedResponses == 1)
        #expect(leeds.spend.values.sorted() == [0, 150_000])
        #expect(leeds.calculatedSpend.values.sorted() == [100_000])
        #expect(clean.calculatedAreas.map(\.authority) == ["Leeds"])
        // multiple-responses: both Leeds responses give 2011/12; York's give different years.
        #expect(Self.flags(clean, "Leeds") == ["multiple-responses"])
        #expect(Self.flags(clean, "LEEDS") == ["multiple-responses"])
        #expect(Self.flags(clean, "York").isEmpty && Self.flags(clean, "york").isEmpty)
    }

    @Test("§11's edits on the areas' budgets: period-thousands on a ×1000 change, period-change outside HB's bounds")
    func edits() throws {
        var rows: [[String]] = []
        // Eight areas changing by about +5% (a spread of effects), one by ×3, one by ×1000.
        for (index, change) in [1.04, 1.05, 1.06, 1.05, 1.04, 1.06, 1.05, 1.07].enumerated() {
            rows.append(Self.row(["authority": "Area \(index)", "spend_social_care_2011_12": "100000",
                                  "spend_social_care_2012_13": String(Int(100_000 * change))]))
        }
        rows.append(Self.row(["authority": "Tripled", "spend_social_care_2011_12": "100000",
                              "spend_social_care_2012_13": "300000"]))
        rows.append(Self.row(["authority": "Thousands", "spend_social_care_2011_12": "120",
                              "spend_social_care_2012_13": "120000"]))
        let clean = try SurveyFixture.clean(Self.header, rows)
        #expect(Self.flags(clean, "Tripled") == ["period-change"])
        #expect(Self.flags(clean, "Thousands").contains("period-thousands"))
        #expect((0..<8).allSatisfy { Self.flags(clean, "Area \($0)").isEmpty })
        let flag = try #require(clean.responses.first { $0.authority == "Thousands" }?.flags.first { $0.rule == .periodThousands })
        #expect(flag.metric == "spend_social_care_2012_13" && flag.value == 1000 && flag.threshold == 1000)
    }
}
