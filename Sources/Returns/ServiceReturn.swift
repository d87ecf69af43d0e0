import VFMCore

/// One service's return for one period, typed: what the service cost, how many people it
/// supported, who they were and how many gained or kept a paid job (SPEC §4; the fields
/// of the study's Appendix 6). Missing values are `nil`, never 0.
///
/// Required fields are non-optional here: a row without them is rejected at ingest.
/// Counts are signed so that a negative count reaches the clean stage, which rejects it
/// with the rule that explains why (SPEC §5).
public struct ServiceReturn: Sendable, Equatable {
    public var source: SourceLocation
    public var authority: String
    public var service: String
    public var period: String?
    public var model: String?
    public var evidenceBase: EvidenceBase
    /// £, total cost of the contract/service in the period.
    public var totalCost: Double
    public var peopleSupported: Int
    /// Every optional count column (client groups, support levels, outcomes), indexed by
    /// column; `nil` is missing.
    public var counts: CountValues
    public var reportedCostPerPerson: Double?
    public var reportedCostPerOutcome: Double?
    /// Columns that are not canonical, as (header, text): every extra column of the whole
    /// ingest (union over files, sorted by header — `ExtraColumnUnion`), the same list on
    /// every row, `nil` where the row's file lacks the column or the cell is missing.
    public var extraColumns: [ExtraCell]
    /// The breakdown columns the return gave as percentages of their base (SPEC §4), in
    /// column order; the clean stage flags such a row `proportion-given`.
    public var proportionsGiven: [ReturnColumn] = []

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

/// The optional count columns of a return, stored inline (no per-row dictionary) so that
/// a million returns stay compact. A count is whole as written, but one given as a
/// percentage of its base (SPEC §4 proportions: `45%` of 37 people) may be fractional, so
/// counts are binary64 — exact for every whole count up to 2^53.
public struct CountValues: Sendable, Equatable {
    public static let columns: [ReturnColumn] = ReturnColumn.allCases.filter {
        $0.kind == .count && $0 != .peopleSupported
    }
    /// How many optional count columns there are: `columns.count` (a test checks it).
    public static let slotCount = 24
    /// NaN marks a missing count: every count read is finite (`CellValues` bounds it, a
    /// proportion of a finite base is finite), so NaN is never a value. 8 bytes a count
    /// instead of `Double?`'s 16 (issue 12), in one array that the clean stage's copy of a
    /// return shares with ingest's rather than holding a second inline copy.
    @usableFromInline var storage: [Double]
    private static let missing = Double.nan

    public init() { storage = Array(repeating: Self.missing, count: Self.slotCount) }

    /// The count in `column`, or `nil` when missing. `column` must be a count column
    /// other than `people_supported`.
    public subscript(_ column: ReturnColumn) -> Double? {
        get {
            guard let index = Self.slot(of: column) else { return nil }
            let value = storage[index]
            return value.isNaN ? nil : value
        }
        set {
            guard let index = Self.slot(of: column) else { return }
            storage[index] = newValue ?? Self.missing
        }
    }

    /// The first count present, in `columns` order, that satisfies `test`.
    @inlinable
    public func first(where test: (Double) -> Bool) -> (column: ReturnColumn, count: Double)? {
        for index in storage.indices {
            let value = storage[index]
            if !value.isNaN, test(value) { return (Self.columns[index], value) }
        }
        return nil
    }

    /// The position of `column` in `columns`, or `nil` for a column that is not an optional
    /// count — a jump table rather than a search of `columns` on every access.
    public static func slot(of column: ReturnColumn) -> Int? {
        switch column {
        case .clientsLD: return 0
        case .clientsMH: return 1
        case .clientsPhysicalSensory: return 2
        case .clientsAutism: return 3
        case .clientsHomeless: return 4
        case .clientsDrugAlcohol: return 5
        case .clientsOther: return 6
        case .supportLT7: return 7
        case .support7to40: return 8
        case .support40plus: return 9
        case .outcomesGained: return 10
        case .outcomesRetained: return 11
        case .outcomesSelfEmployed: return 12
        case .outcomesTotal: return 13
        case .outcomesLD: return 14
        case .outcomesMH: return 15
        case .outcomesPhysicalSensory: return 16
        case .outcomesAutism: return 17
        case .outcomesHomeless: return 18
        case .outcomesDrugAlcohol: return 19
        case .outcomesOther: return 20
        case .outcomesLT7: return 21
        case .outcomes7to40: return 22
        case .outcomes40plus: return 23
        default: return nil
        }
    }

    /// Equal when every count is equal or missing in both (NaN, the missing mark, is
    /// never equal to itself, so the synthesised `==` would not do).
    public static func == (lhs: CountValues, rhs: CountValues) -> Bool {
        zip(lhs.storage, rhs.storage).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}
