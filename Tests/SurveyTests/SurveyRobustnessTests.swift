import Foundation
import Survey
import Testing
import VFMCore

/// SPEC §3: a Swift trap on any input is a bug. Random rows of awkward cells under the
/// survey's header are each accepted or rejected, never a crash, and rows read = accepted
/// + rejected.
@Suite("Spending survey: awkward input")
struct SurveyRobustnessTests {
    static let tokens = ["", " ", "0", "-0", "1e308", "£1,234.50", "-£5", "12,5", "45%", "45 %", "101%", "-1%", "%",
                         "7", "8", "0.5", "yes", "NO", "✓", "x", "n/a", "don't know", "don’t know", "unknown",
                         "We know they're not", "More calculated, accurate figures", "The same", "Total", "=1+1",
                         "\"quoted, comma\"", "ＸＹＺ", "١٢", "9999999999999999999999", "nan", "inf",
                         "Social Care budget 2011-12", "FY2012/13"]

    /// SplitMix64: the same rows on every run.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test("random awkward rows never trap and every row is accounted for", arguments: 0..<8)
    func randomRows(seed: Int) throws {
        var random = Generator(state: UInt64(seed))
        let header = ["authority", "response", "Health 2011/12", "Health 2012/13", "Spend accuracy", "Five year change",
                      "breakdown_paid_work_mh", "breakdown_unable", "NHS Trust", "NHS Trust 2", "pb_use",
                      "factor_historical", "factor_other", "collects_jobs"]
        var lines = [header.joined(separator: ",")]
        for _ in 0..<60 {
            let width = random.next(10) == 0 ? random.next(header.count + 3) : header.count
            lines.append((0..<width).map { column in
                if column == 0 && random.next(4) > 0 { return "Area \(random.next(9))" }
                return random.next(4) == 0 ? Self.tokens[random.next(Self.tokens.count)] : ""
            }.joined(separator: ","))
        }
        let text = lines.joined(separator: random.next(2) == 0 ? "\n" : "\r\n") + "\n"
        let ingest = try SurveyFixture.ingest(text)
        let file = try #require(ingest.files.first)
        #expect(file.rowsRead == file.rowsAccepted + file.rowsRejected)
        #expect(ingest.responses.count + ingest.rejected.count == file.rowsRead)
        let clean = SurveyClean.run(ingest, log: StageLog(quiet: true))
        let tables = SurveyTables(clean, settings: .init(), reference: nil)
        #expect(tables.responses.first?.responses == ingest.responses.count)
        #expect(!ingest.responses.isEmpty && !ingest.rejected.isEmpty)
    }
}
