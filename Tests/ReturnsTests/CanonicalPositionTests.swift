@testable import Returns
import RunFiles
import Testing

/// The readers of `ingest/returns.csv` and `clean/services.csv` find each canonical cell by
/// position (`CanonicalPosition`); the positions must be the ones the files' schemas declare.
@Suite("the canonical cells are read where the schemas put them")
struct CanonicalPositionTests {
    @Test("every canonical column's position is its place in both schemas' headers")
    func positionsMatchSchemas() {
        for header in [RunFileSchema.ingestReturns(extras: ["region"]).header,
                       RunFileSchema.cleanServices(extras: ["region"]).header] {
            for column in ReturnColumn.allCases {
                #expect(header[CanonicalPosition.of(column)] == column.rawValue)
            }
            #expect(Array(header.prefix(CanonicalPosition.count)) == ReturnColumn.allCases.map(\.rawValue))
        }
        #expect(CanonicalPosition.counts.map(\.0) == CountValues.columns)
        #expect(CanonicalPosition.counts.allSatisfy { CanonicalPosition.of($0.0) == $0.1 })
    }
}
