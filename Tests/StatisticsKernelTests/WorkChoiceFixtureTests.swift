import Foundation
import Testing
import VFMTestSupport
@testable import StatisticsKernel

/// The Work Choice comparison of the survey fixtures (SPEC §12): the groups and the figures
/// the independent reference (`Fixtures/survey/reference_survey.py`, scipy 1.17.1) wrote into
/// `Fixtures/survey/expected/<name>/` — `summary.json` holds the top and bottom areas' starts
/// per 100,000, `tables/work_choice.csv` scipy's Welch and Mann–Whitney figures on them.
@Suite("Welch and Mann–Whitney on the survey fixtures' Work Choice groups")
struct WorkChoiceFixtureTests {
    struct Summary: Decodable {
        struct Area: Decodable { let starts_per_100k: Double }
        struct Groups: Decodable { let top: [Area]; let bottom: [Area] }
        let work_choice_groups: Groups
    }

    /// The one data row of `work_choice.csv`, by column name.
    static func expectedRow(_ name: String) throws -> [String: String] {
        let text = try String(contentsOf: FixturePaths.fixture("survey/expected/\(name)/tables/work_choice.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return Dictionary(uniqueKeysWithValues: zip(lines[0], lines[1]))
    }

    @Test("the sample's and the messy file's Work Choice figures equal scipy's to 1e-9",
          arguments: ["sample-99", "messy-survey"])
    func agreesWithReference(name: String) throws {
        let data = try Data(contentsOf: FixturePaths.fixture("survey/expected/\(name)/summary.json"))
        let groups = try JSONDecoder().decode(Summary.self, from: data).work_choice_groups
        let top = groups.top.map(\.starts_per_100k), bottom = groups.bottom.map(\.starts_per_100k)
        let row = try Self.expectedRow(name)
        #expect(top.count == Int(row["top_n"] ?? ""))
        func value(_ column: String) throws -> Double { try #require(Double(row[column] ?? "")) }
        let welch = try #require(WelchTTest(top, bottom))
        #expect(isClose(welch.t, try value("welch_t"), relative: 1e-9))
        #expect(isClose(welch.degreesOfFreedom, try value("welch_df"), relative: 1e-9))
        #expect(isClose(welch.pValue, try value("welch_p"), relative: 1e-9))
        let mannWhitney = try #require(MannWhitneyU(top, bottom))
        #expect(mannWhitney.u == (try value("mann_whitney_u")))
        #expect(isClose(mannWhitney.pValue, try value("mann_whitney_p"), relative: 1e-9))
        // The sample is calibrated to find no difference, as the study did.
        if name == "sample-99" { #expect(welch.pValue > 0.05 && mannWhitney.pValue > 0.05) }
    }
}
