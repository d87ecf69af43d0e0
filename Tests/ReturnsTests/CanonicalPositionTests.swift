@testable import Returns
import RunFiles
import Testing

/// The readers of `ingest/returns.csv` and `clean/services.csv` find each canonical cell by
/// position (`CanonicalPosition`); the positions must be the ones the files' schemas declare.
@Suite("the canonical cells are read where the schemas put them")
struct CanonicalPositionTests {
    @Test("every canonical column's position is its place in both schemas' headers")
    func positionsMatchSchemas() throws {
        for header in [RunFileSchema.ingestReturns(extras: ["region"]).header,
                       RunFileSchema.cleanServices(extras: ["region"]).header] {
            for column in ReturnColumn.allCases {
                #expect(header[CanonicalPosition.of(column)] == column.rawValue)
            }
            #expect(Array(header.prefix(CanonicalPosition.count)) == ReturnColumn.allCases.map(\.rawValue))
        }
        // Slot k of `CountValues` is read from the header's column of that name.
        let header = RunFileSchema.cleanServices(extras: []).header
        #expect(CanonicalPosition.countCells.count == CountValues.slotCount)
        for column in CountValues.columns {
            let slot = try #require(CountValues.slot(of: column))
            #expect(header[CanonicalPosition.countCells[slot]] == column.rawValue)
        }
    }

    /// The reader's builder against the subscript, one column at a time (the definition of
    /// the counts), on random patterns of present, missing and NaN counts.
    @Test("counts read slot by slot equal the counts set column by column", arguments: 0 ..< 30)
    func countsReadBySlot(seed: UInt64) {
        var state = seed &+ 17
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let readings: [Double?] = (0 ..< CountValues.slotCount).map { _ in
            switch next(4) {
            case 0: return nil
            case 1: return .nan
            default: return Double(next(500))
            }
        }
        var expected = CountValues()
        for column in CountValues.columns {
            if let slot = CountValues.slot(of: column) { expected[column] = readings[slot] }
        }
        let read = CountValues(readingSlots: { readings[$0] })
        #expect(read == expected)
        for column in CountValues.columns { #expect(read[column] == expected[column]) }
    }
}
