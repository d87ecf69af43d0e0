import VFMCore

/// One service's return for one period, typed: what the service cost, how many people it
/// supported, who they were and how many gained or kept a paid job (SPEC §4; the fields
/// of the study's Appendix 6). Missing values are `nil`, never 0.
///
/// Required fields are non-optional here: a row without them is rejected at ingest.
/// Counts are signed so that a negative count reaches the clean stage, which rejects it
/// with the rule that explains why (SPEC §5).
public struct ServiceReturn: Sendable, Equatable {
    // Stored in this order so that no field leaves padding before the next: a million
    // returns are held through the clean stage and the analysis (issue 30: peak memory at
    // 10⁶ rows). Swift lays a struct out in declaration order.
    public var source: SourceLocation
    public var authority: String
    public var service: String
    public var period: String?
    public var model: String?
    public var evidenceBase: EvidenceBase
    /// £, total cost of the contract/service in the period.
    public var totalCost: Double
    public var peopleSupported: Int
    @MissingAsNaN public var reportedCostPerPerson: Double?
    @MissingAsNaN public var reportedCostPerOutcome: Double?
    /// Columns that are not canonical, as (header, text): every extra column of the whole
    /// ingest (union over files, sorted by header — `ExtraColumnUnion`), the same list on
    /// every row, `nil` where the row's file lacks the column or the cell is missing.
    public var extraColumns: [ExtraCell]
    /// The breakdown columns the return gave as percentages of their base (SPEC §4), in
    /// column order; the clean stage flags such a row `proportion-given`.
    public var proportionsGiven: [ReturnColumn] = []
    /// Every optional count column (client groups, support levels, outcomes), indexed by
    /// column; `nil` is missing.
    public var counts: CountValues

    public init(source: SourceLocation, authority: String, service: String, period: String?, model: String?,
                evidenceBase: EvidenceBase, totalCost: Double, peopleSupported: Int, counts: CountValues,
                reportedCostPerPerson: Double?, reportedCostPerOutcome: Double?, extraColumns: [ExtraCell]) {
        self.source = source
        self.authority = authority
        self.service = service
        self.period = period
        self.model = model
        self.evidenceBase = evidenceBase
        self.totalCost = totalCost
        self.peopleSupported = peopleSupported
        self.counts = counts
        self.reportedCostPerPerson = reportedCostPerPerson
        self.reportedCostPerOutcome = reportedCostPerOutcome
        self.extraColumns = extraColumns
    }
}

/// A non-canonical column carried through as text (e.g. `region`), usable in group filters.
public struct ExtraCell: Sendable, Equatable {
    public var header: String
    public var value: String?

    public init(header: String, value: String?) {
        self.header = header
        self.value = value
    }
}

/// The optional count columns of a return, stored compactly (no per-row dictionary, no
/// slot for a missing count) so that a million returns stay small: a bit per column says
/// which counts are present, and one array holds those counts in column order — the 9 of
/// 24 columns a typical file gives take one 128-byte allocation, not 224 (issue 12). A count
/// is whole as written, but one given as a percentage of its base (SPEC §4 proportions:
/// `45%` of 37 people) may be fractional, so counts are binary64 — exact for every whole
/// count up to 2^53.
public struct CountValues: Sendable, Equatable {
    public static let columns: [ReturnColumn] = ReturnColumn.allCases.filter {
        $0.kind == .count && $0 != .peopleSupported
    }
    /// How many optional count columns there are: `columns.count` (a test checks it).
    public static let slotCount = 24
    /// The present counts, in slot order. Every count read is finite (`CellValues` bounds
    /// it, a proportion of a finite base is finite); setting NaN stores nothing.
    @usableFromInline var values: [Double] = []
    /// Bit `slot` is set when that column's count is present. Last, so that the 4 bytes
    /// after it are the tail of the struct, not padding inside it.
    @usableFromInline var present: UInt32 = 0

    public init() {}

    /// The count in `column`, or `nil` when missing. `column` must be a count column
    /// other than `people_supported`.
    @inlinable
    public subscript(_ column: ReturnColumn) -> Double? {
        get {
            guard let slot = Self.slot(of: column), present & (1 << slot) != 0 else { return nil }
            return values[rank(slot)]
        }
        set {
            guard let slot = Self.slot(of: column) else { return }
            let bit: UInt32 = 1 << slot, position = rank(slot)
            switch (present & bit != 0, newValue.flatMap { $0.isNaN ? nil : $0 }) {
            case (true, let value?):
                values[position] = value
            case (true, nil):
                values.remove(at: position)
                present &= ~bit
            case (false, let value?):
                // Most files give about half the columns: one allocation for them.
                if values.isEmpty { values.reserveCapacity(Self.slotCount / 2) }
                values.insert(value, at: position)
                present |= bit
            case (false, nil):
                break
            }
        }
    }

    /// The counts read slot by slot, in slot order (`columns` order): `value(slot)` of each,
    /// `nil` or NaN missing — the value `self[column] = value(slot)` over every column gives,
    /// held in one allocation of exactly their number. Why: a reader of a run file builds a
    /// million of these, and inserting them one by one then fitting the array allocated and
    /// copied twice a row (issue 25, reading by hand).
    @inlinable
    public init<Failure: Error>(readingSlots value: (Int) throws(Failure) -> Double?) throws(Failure) {
        var scratch = InlineArray<24, Double>(repeating: 0)
        var present: UInt32 = 0, count = 0
        for slot in 0 ..< Self.slotCount {
            guard let reading = try value(slot), !reading.isNaN else { continue }
            scratch[count] = reading
            count += 1
            present |= 1 << slot
        }
        values = [Double](unsafeUninitializedCapacity: count) { buffer, initialised in
            for index in 0 ..< count { buffer[index] = scratch[index] }
            initialised = count
        }
        self.present = present
    }

    /// The same counts in a new allocation of exactly their size.
    public func reallocated() -> CountValues {
        guard !values.isEmpty else { return self }
        var copy = self
        copy.values = [Double](unsafeUninitializedCapacity: values.count) { buffer, initialised in
            initialised = buffer.initialize(fromContentsOf: values)
        }
        return copy
    }

    /// How many counts are present before `slot`: its position in `values`.
    @usableFromInline
    func rank(_ slot: Int) -> Int { (present & ((1 << slot) - 1)).nonzeroBitCount }

    /// The first count present, in `columns` order, that satisfies `test`.
    @inlinable
    public func first(where test: (Double) -> Bool) -> (column: ReturnColumn, count: Double)? {
        var bits = present, position = 0
        while bits != 0 {
            let slot = bits.trailingZeroBitCount
            let value = values[position]
            if test(value) { return (Self.columns[slot], value) }
            bits &= bits - 1
            position += 1
        }
        return nil
    }

    /// The position of `column` in `columns`, or `nil` for a column that is not an optional
    /// count — a jump table rather than a search of `columns` on every access.
    @inlinable
    public static func slot(of column: ReturnColumn) -> Int? { column.countPosition }
}

/// A row's counts while it is read: a slot for every count column, set in any order, and
/// turned into `CountValues` once, in an allocation of exactly their number (`counts`).
/// Setting each into `CountValues` one at a time inserted into its packed array, and the
/// array was then copied to fit (issue 30: ~1,500 instructions a row of the ingest).
struct CountScratch {
    private var slots = InlineArray<24, Double>(repeating: 0)
    private var present: UInt32 = 0

    /// The count in `column` (a count column other than `people_supported`), `nil` when
    /// missing; setting `nil` or NaN clears it, as `CountValues`' subscript does.
    subscript(_ column: ReturnColumn) -> Double? {
        get {
            guard let slot = CountValues.slot(of: column), present & (1 << slot) != 0 else { return nil }
            return slots[slot]
        }
        set {
            guard let slot = CountValues.slot(of: column) else { return }
            if let newValue, !newValue.isNaN {
                slots[slot] = newValue
                present |= 1 << slot
            } else {
                present &= ~(1 << slot)
            }
        }
    }

    /// The counts set, as `CountValues`.
    var counts: CountValues {
        CountValues(readingSlots: { slot in present & (1 << slot) != 0 ? slots[slot] : nil })
    }
}
