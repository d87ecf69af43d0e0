import Foundation
import RunFiles
import Tabular
import Testing
import VFMCore

/// The analysis tables are written by position from their row types; the schemas name the
/// columns. Read by those names, the committed sample's figures must stand in the
/// relations their names promise, so two figures swapped between the row type and the
/// declaration fail here.
@Suite("the analysis tables' columns hold what their schemas name them")
struct TableColumnMeaningTests {
    /// The rows of `schema`'s file in the committed sample, as name → number (text cells are
    /// absent from the dictionary, empty cells too).
    static func rows(_ schema: RunFileSchema) throws -> [[String: Double]] {
        let bytes = try FileSystem.readBytes(RunDirectoryFixture.sample + "/" + schema.path)
        let records = try RunFileCSV(file: schema.path, hint: "").records(bytes)
        #expect(records.first?.cells == schema.header)
        return records.dropFirst().map { record in
            var row: [String: Double] = [:]
            for (name, cell) in zip(schema.header, record.cells) { row[name] = Double(cell) }
            return row
        }
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return false }
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    @Test("descriptives: min ≤ median ≤ max, the mean inside, band_high = mean + sd")
    func descriptives() throws {
        let rows = try Self.rows(.descriptives)
        #expect(!rows.isEmpty)
        for row in rows where row["n"].map({ $0 >= 2 }) == true {
            let minimum = try #require(row["min"]), median = try #require(row["median"])
            let maximum = try #require(row["max"]), mean = try #require(row["mean"]), sd = try #require(row["sd"])
            #expect(minimum <= median && median <= maximum, "\(row)")
            #expect(minimum <= mean && mean <= maximum, "\(row)")
            #expect(Self.close(row["band_high"], mean + sd), "\(row)")
            #expect(try #require(row["robust_band_low"]) <= (try #require(row["robust_band_high"])), "\(row)")
        }
    }

    @Test("correlations: r inside its interval, p a probability, ρ a correlation")
    func correlations() throws {
        for row in try Self.rows(.correlations) {
            guard let r = row["pearson_r"], let low = row["ci_low"], let high = row["ci_high"] else { continue }
            #expect(low <= r && r <= high, "\(row)")
            #expect(row["p_value"].map { (0...1).contains($0) } == true, "\(row)")
            #expect(row["spearman_rho"].map { (-1...1).contains($0) } == true, "\(row)")
        }
    }

    @Test("value for money: pooled cost = total cost / job outcomes, outcomes per £100k its inverse, inside its interval")
    func valueForMoney() throws {
        let rows = try Self.rows(.valueForMoney)
        #expect(!rows.isEmpty)
        for row in rows {
            guard let cost = row["total_cost"], let jobs = row["job_outcomes"], jobs > 0 else { continue }
            #expect(Self.close(row["pooled_cost_per_outcome"], cost / jobs), "\(row)")
            let per100k = try #require(row["outcomes_per_100k"])
            #expect(Self.close(per100k, 100_000 * jobs / cost), "\(row)")
            if let low = row["ci_low"], let high = row["ci_high"] { #expect(low <= per100k && per100k <= high, "\(row)") }
        }
        for row in try Self.rows(.valueForMoneyBasis) {
            guard let cost = row["total_cost"], let jobs = row["job_outcomes"], cost > 0 else { continue }
            #expect(Self.close(row["outcomes_per_pound"], jobs / cost), "\(row)")
        }
    }

    @Test("outcome mix: the three shares of job outcomes add up to one")
    func outcomeMix() throws {
        for row in try Self.rows(.outcomeMix) {
            guard let gained = row["gained_share"], let retained = row["retained_share"],
                  let selfEmployed = row["self_employed_share"] else { continue }
            #expect(Self.close(gained + retained + selfEmployed, 1), "\(row)")
        }
    }
}
