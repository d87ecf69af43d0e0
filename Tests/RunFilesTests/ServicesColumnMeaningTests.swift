import Foundation
import RunFiles
import Tabular
import Testing
import VFMCore

/// The hand-tuned encoder of `clean/services.csv` writes its cells by position; the schema
/// names them. Read by the schema's names, each derived column must hold what its name
/// says — recomputed here from the input columns (SPEC §5), so a swapped pair of cells
/// fails even though both are numbers.
@Suite("clean/services.csv's derived columns hold what the schema names them")
struct ServicesColumnMeaningTests {
    @Test("each ratio of the committed sample equals its formula over the columns it names")
    func derivedColumnsMatchTheirNames() throws {
        let path = RunLayout.cleanServices
        let bytes = try FileSystem.readBytes(RunDirectoryFixture.sample + "/" + path)
        let records = try RunFileCSV(file: path, hint: "").records(bytes)
        let header = try #require(records.first?.cells)
        let schema = try #require(RunFileSchema.cleanServices(header: header)?.schema)
        let position = Dictionary(uniqueKeysWithValues: schema.header.enumerated().map { ($1, $0) })
        var checked = 0
        for record in records.dropFirst() {
            func value(_ name: String) -> Double? { position[name].flatMap { Double(record.cells[$0]) } }
            func expectRatio(_ name: String, _ numerator: Double?, _ denominator: Double?) {
                guard let numerator, let denominator, denominator != 0 else { return }
                let expected = numerator / denominator
                let written = value(name)
                #expect(written.map { abs($0 - expected) <= 1e-12 * max(1, abs(expected)) } == true,
                        "line \(record.line): `\(name)` is \(written.map(String.init(describing:)) ?? "empty"), expected \(expected)")
                checked += 1
            }
            let people = value("people_supported"), cost = value("total_cost"), jobs = value("job_outcomes")
            expectRatio("outcome_rate", jobs, people)
            expectRatio("cost_per_person", cost, people)
            expectRatio("cost_per_outcome", cost, jobs)
            // A partial outcome breakdown gives no shares (SPEC §5).
            if let gained = value("outcomes_gained"), let retained = value("outcomes_retained"),
               let selfEmployed = value("outcomes_self_employed") {
                expectRatio("gained_share", gained, jobs)
                expectRatio("retained_share", retained, jobs)
                expectRatio("self_employed_share", selfEmployed, jobs)
            }
            expectRatio("ld_share", value("clients_ld"), people)
            expectRatio("mh_share", value("clients_mh"), people)
            if let lt7 = value("support_lt7"), let mid = value("support_7to40"), let high = value("support_40plus") {
                let known = lt7 + mid + high
                expectRatio("share_lt7", lt7, known)
                expectRatio("share_7to40", mid, known)
                expectRatio("share_40plus", high, known)
                // Support Level Index (NDTi 2014, footnote 10), as one quotient (SPEC §5).
                expectRatio("support_level_index", lt7 + 3 * mid + 10 * high, known)
            }
        }
        #expect(checked > 500)
    }
}
