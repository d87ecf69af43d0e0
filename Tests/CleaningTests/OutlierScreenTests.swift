import Cleaning
import Foundation
import PipelineDefinition
import Returns
import Testing
import VFMTestSupport

/// One case of `Fixtures/cleaning/outlier_reference.json` (numpy/scipy, see make_reference.py).
struct OutlierReferenceCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Finding: Decodable, Sendable {
        var index: Int
        var score: Double?
        var limit: Double
        var above: Bool
    }
    var dataset: String
    var values: [Double]
    var method: String
    var threshold: Double
    var log_scale: Bool
    var findings: [Finding]

    var testDescription: String { "\(dataset) \(method) \(threshold)\(log_scale ? " log" : "")" }

    static let all: [OutlierReferenceCase] = {
        struct Document: Decodable { var cases: [OutlierReferenceCase] }
        let url = FixturePaths.fixture("cleaning/outlier_reference.json")
        guard let data = try? Data(contentsOf: url),
              let document = try? JSONDecoder().decode(Document.self, from: data) else { return [] }
        return document.cases
    }()
}

@Suite("Outlier screens against numpy/scipy")
struct OutlierScreenTests {
    @Test("the reference file is there and covers every method on both scales")
    func referenceLoaded() {
        #expect(OutlierReferenceCase.all.count == 60)
        #expect(Set(OutlierReferenceCase.all.map(\.method)) == ["modified-z", "tukey", "z"])
    }

    @Test("flags exactly the values numpy/scipy flag, with their scores and limits", arguments: OutlierReferenceCase.all)
    func matchesReference(reference: OutlierReferenceCase) throws {
        let method = try #require(OutlierMethod(rawValue: reference.method))
        let screening = OutlierScreen.screen(reference.values.map { Optional($0) }, method: method,
                                             threshold: reference.threshold, logScale: reference.log_scale)
        #expect(screening.findings.map(\.index) == reference.findings.map(\.index))
        for (found, expected) in zip(screening.findings, reference.findings) {
            #expect(found.isAbove == expected.above)
            let limit = reference.log_scale ? exp(found.limit) : found.limit
            #expect(close(limit, expected.limit, tolerance: 1e-12))
            if let score = expected.score { #expect(close(found.score, score, tolerance: 1e-12)) }
        }
    }

    @Test("MAD = 0: the modified z-score flags nothing and says why")
    func madZero() {
        // median 5, |x − 5| = 0,0,0,0,0,4,35 → MAD = 0 although 40 is far out
        let screening = OutlierScreen.screen([5, 5, 5, 5, 5, 9, 40], method: .modifiedZScore, threshold: 3.5, logScale: false)
        #expect(screening.findings.isEmpty)
        #expect(screening.skippedBecause?.contains("MAD = 0") == true)
    }

    @Test("all values equal: no method flags anything and none divides by zero", arguments: OutlierMethod.allCases)
    func allEqual(method: OutlierMethod) {
        let screening = OutlierScreen.screen(Array(repeating: 1_730, count: 9), method: method, threshold: 1.5, logScale: false)
        #expect(screening.findings.isEmpty)
    }

    @Test("a single value is never an outlier", arguments: OutlierMethod.allCases)
    func singleValue(method: OutlierMethod) {
        #expect(OutlierScreen.screen([8_217], method: method, threshold: 1.5, logScale: true).findings.isEmpty)
    }

    @Test("missing values and, on the log scale, values ≤ 0 are not screened")
    func notScreened() {
        // modified z on [1,2,3,4,100]: median 3, MAD 1 → M(100) = 0.6745·97 = 65.4 → index 6 flagged
        let values: [Double?] = [1, nil, 2, 0, 3, 4, 100]
        let linear = OutlierScreen.screen(values, method: .modifiedZScore, threshold: 3.5, logScale: false)
        #expect(linear.screened == 6)
        let logged = OutlierScreen.screen(values, method: .modifiedZScore, threshold: 3.5, logScale: true)
        #expect(logged.screened == 5)
        #expect(logged.findings.map(\.index) == [6])
        #expect(linear.findings.map(\.index) == [6])
    }
}
