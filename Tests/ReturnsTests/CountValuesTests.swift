import Testing
@testable import Returns

@Suite("Count values")
struct CountValuesTests {
    /// A seeded linear congruential generator (Knuth's MMIX constants): the same cases on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
    }

    @Test("each optional count column has its own slot, in column order, and no other column has one")
    func slotsFollowColumns() {
        #expect(CountValues.columns.count == CountValues.slotCount)
        for (position, column) in CountValues.columns.enumerated() {
            #expect(CountValues.slot(of: column) == position, "\(column)")
        }
        for column in ReturnColumn.allCases where !CountValues.columns.contains(column) {
            #expect(CountValues.slot(of: column) == nil, "\(column)")
        }
    }

    @Test("a count set is read back, a missing one is nil, and other columns are ignored")
    func readsBackWhatWasSet() {
        var counts = CountValues()
        counts[.outcomesTotal] = 12.5
        counts[.clientsLD] = 0
        counts[.peopleSupported] = 3
        #expect(counts[.outcomesTotal] == 12.5)
        #expect(counts[.clientsLD] == 0)
        #expect(counts[.clientsMH] == nil)
        #expect(counts[.peopleSupported] == nil)
        var same = CountValues()
        same[.clientsLD] = 0
        same[.outcomesTotal] = 12.5
        #expect(counts == same)
        same[.outcomesTotal] = nil
        #expect(counts != same)
    }
}

extension CountValuesTests {
    @Test("the first count that passes a test is found in column order, skipping missing ones")
    func firstInColumnOrder() {
        var counts = CountValues()
        counts[.outcomesOther] = -2
        counts[.clientsMH] = -1
        counts[.supportLT7] = 5
        #expect(counts.first(where: { $0 < 0 })?.column == .clientsMH)
        #expect(counts.first(where: { $0 > 4 })?.count == 5)
        #expect(counts.first(where: { $0.isNaN }) == nil)
    }
}

extension CountValuesTests {
    @Test("counts set, replaced and cleared in any order read back as a plain table would")
    func behavesAsATable() {
        var random = Self.Generator(state: 17)
        func next() -> Int { random.next() }
        for _ in 0..<200 {
            var counts = CountValues(), table: [ReturnColumn: Double] = [:]
            for _ in 0..<40 {
                let column = CountValues.columns[next() % CountValues.columns.count]
                let value: Double? = next() % 3 == 0 ? nil : Double(next() % 100)
                counts[column] = value
                table[column] = value
            }
            for column in CountValues.columns { #expect(counts[column] == table[column], "\(column)") }
            let firstLarge = CountValues.columns.first { (table[$0] ?? -1) > 50 }
            #expect(counts.first(where: { $0 > 50 })?.column == firstLarge)
            // The same counts set in column order compare equal.
            var ordered = CountValues()
            for column in CountValues.columns { ordered[column] = table[column] }
            #expect(ordered == counts)
        }
    }

    @Test("a row's counts gathered in slots give the counts set one by one, in exactly their room")
    func scratchGivesTheSameCounts() {
        var random = Self.Generator(state: 5)
        func next() -> Int { random.next() }
        for _ in 0..<300 {
            var scratch = CountScratch(), counts = CountValues()
            for _ in 0..<(next() % 40) {
                let column = ReturnColumn.allCases[next() % ReturnColumn.allCases.count]
                let value: Double? = next() % 4 == 0 ? nil : next() % 9 == 0 ? .nan : Double(next() % 100) / 4
                scratch[column] = value
                counts[column] = value
                #expect(scratch[column] == counts[column], "\(column)")
            }
            let gathered = scratch.counts
            #expect(gathered == counts)
            #expect(gathered.values.capacity == counts.fitted().values.capacity)  // malloc rounds both alike
        }
    }

    @Test("setting NaN stores no count")
    func nanIsMissing() {
        var counts = CountValues()
        counts[.clientsLD] = .nan
        #expect(counts[.clientsLD] == nil)
        #expect(counts == CountValues())
    }
}

extension CountValues {
    /// The same counts in an allocation of exactly their number, made as the reader made it
    /// before `CountScratch`: the room the gathered counts are held to.
    fileprivate func fitted() -> CountValues {
        guard values.capacity > values.count else { return self }
        var copy = self
        copy.values = [Double](unsafeUninitializedCapacity: values.count) { buffer, initialised in
            initialised = buffer.initialize(fromContentsOf: values)
        }
        return copy
    }
}
