import StatisticsKernel
import Testing

/// SPEC §11 period-to-period edits. Expected values: `Fixtures/periods/hb_reference.py`
/// (an independent implementation from the SPEC's text and Hidiroglou & Berthelot 1986,
/// exact `fractions` medians and quantiles), output pasted below.
@Suite("Hidiroglou–Berthelot edits")
struct HidiroglouBerthelotTests {
    func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= 1e-12 * max(1, abs(b))
    }

    @Test("a cost typed in £ thousands one year is above; a rolled-over value is unchanged")
    func thousands() throws {
        let costs: [(Double, Double)] = [(100000, 104000), (250000, 245000), (80000, 88000), (120000, 120000),
                                         (60000, 63000), (300000, 330000), (150, 152000), (90000, 85000),
                                         (200000, 212000)]
        let edits = HidiroglouBerthelot.edits(costs.map { (from: Optional($0.0), to: Optional($0.1)) })
        #expect(edits.map(\.outcome) == [.within, .within, .within, .unchanged, .within, .within, .above, .within, .within])
        let effects = [-4.651302547095372, -38.26530612244905, 12.653229646229534, nil, -1.195228609334445,
                       24.502873847792475, 374084.1226428806, -35.117647058823565, 2.182154394923448]
        for (edit, effect) in zip(edits, effects) {
            if let effect { #expect(close(edit.effect, effect)) } else { #expect(edit.effect == nil) }
        }
        #expect(close(edits[0].effectLow, -50.551943378493185))
        #expect(close(edits[0].effectHigh, 60.982174108097574))
        #expect(edits[3].effectLow == nil && edits[3].ratio == 1)
        // The bound as a ratio at the service's size: r_M · (1 + E_high / √152000), r_M = 1.055.
        #expect(close(edits[6].ratioBound, 1.0550000000000002 * (1 + 60.982174108097574 / 152000.0.squareRoot())))
    }

    @Test("where ties make both quartile spreads 0, the 10th and 90th percentiles stand in")
    func ties() {
        let pairs = Array(repeating: (from: Optional(100.0), to: Optional(110.0)), count: 6)
            + [(from: Optional(100.0), to: Optional(90.0)), (from: Optional(100.0), to: Optional(200.0))]
        let edits = HidiroglouBerthelot.edits(pairs)
        #expect(edits.allSatisfy { $0.outcome == .within })
        #expect(close(edits[0].effectLow, -2.666666666666668))
        #expect(close(edits[0].effectHigh, 13.88500588511766))
        #expect(close(edits[7].effect, 11.57083823759805))
    }

    @Test("fewer than 5 screened pairs, or a value missing or 0: not screened")
    func notScreened() {
        let few = HidiroglouBerthelot.edits([(1, 2), (1, 3), (1, 4), (1, 50), (5, 5), (nil, 3), (0, 4)])
        #expect(few.map(\.outcome) == [.notScreened, .notScreened, .notScreened, .notScreened, .unchanged,
                                       .notScreened, .notScreened])
        #expect(few.allSatisfy { $0.effect == nil })
    }
}
