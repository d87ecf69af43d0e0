import PipelineDefinition
import RunFiles
import Tabular
import VFMCore

// Cells and reading back of each table of SPEC §7 (`tables/*.csv`), under the header of
// the table's schema (`RunFileSchema`, SPEC §13): the columns are the contract other
// programs read, declared once there; a test holds each row type's cells to it.

extension DescriptiveRow: RunFileRow {
    package static let schema = RunFileSchema.descriptives

    public var fields: [CSVField] {
        [.text(group), .text(metric.rawValue), .count(n), .number(mean), .number(sd), .number(minimum),
         .number(median), .number(maximum), .number(bandLow), .number(bandHigh), .number(robustBandLow),
         .number(robustBandHigh)]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(group: try cells.requiredText(), metric: try cells.requiredValue(Metric.self),
                  n: try cells.requiredCount(), mean: try cells.number(), sd: try cells.number(),
                  minimum: try cells.number(), median: try cells.number(), maximum: try cells.number(),
                  bandLow: try cells.number(), bandHigh: try cells.number(), robustBandLow: try cells.number(),
                  robustBandHigh: try cells.number())
    }
}

extension CorrelationRow: RunFileRow {
    package static let schema = RunFileSchema.correlations

    public var fields: [CSVField] {
        [.text(group), .text(x.rawValue), .text(y.rawValue), .count(n), .number(pearsonR), .number(spearmanRho),
         .number(ciLow), .number(ciHigh), .number(pValue), .text(strength)]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(group: try cells.requiredText(), x: try cells.requiredValue(Metric.self),
                  y: try cells.requiredValue(Metric.self), n: try cells.requiredCount(), pearsonR: try cells.number(),
                  spearmanRho: try cells.number(), ciLow: try cells.number(), ciHigh: try cells.number(),
                  pValue: try cells.number(), strength: cells.text())
    }
}

extension OutcomeMixRow: RunFileRow {
    package static let schema = RunFileSchema.outcomeMix

    public var fields: [CSVField] {
        [.text(group), .count(n), .number(outcomeRateMean), .number(gainedShare), .number(retainedShare),
         .number(selfEmployedShare), .number(gainedPer100), .number(retainedPer100), .number(selfEmployedPer100)]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(group: try cells.requiredText(), n: try cells.requiredCount(), outcomeRateMean: try cells.number(),
                  gainedShare: try cells.number(), retainedShare: try cells.number(),
                  selfEmployedShare: try cells.number(), gainedPer100: try cells.number(),
                  retainedPer100: try cells.number(), selfEmployedPer100: try cells.number())
    }
}

extension SupportLevelRow: RunFileRow {
    package static let schema = RunFileSchema.supportLevels

    public var fields: [CSVField] {
        [.text(group), .count(n), .number(shareLT7), .number(share7to40), .number(share40plus)]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(group: try cells.requiredText(), n: try cells.requiredCount(), shareLT7: try cells.number(),
                  share7to40: try cells.number(), share40plus: try cells.number())
    }
}

extension BandRow: RunFileRow {
    package static let schema = RunFileSchema.bands

    public var fields: [CSVField] {
        [.text(metric.rawValue), .text(group), .count(n), .number(minimum), .number(maximum), .number(bandLow),
         .number(mean), .number(bandHigh), .number(robustBandLow), .number(robustBandHigh)]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(metric: try cells.requiredValue(Metric.self), group: try cells.requiredText(),
                  n: try cells.requiredCount(), minimum: try cells.number(), maximum: try cells.number(),
                  bandLow: try cells.number(), mean: try cells.number(), bandHigh: try cells.number(),
                  robustBandLow: try cells.number(), robustBandHigh: try cells.number())
    }
}

extension BenchmarkRow: RunFileRow {
    package static let schema = RunFileSchema.benchmark

    public var fields: [CSVField] { Self.header.indices.map(field(at:)) }

    /// `fields` without the array or a `CSVField` per cell: the table has a row per
    /// service and metric (a test holds the two to the same bytes).
    public func encode(into line: inout CSVLineEncoder) {
        Self.encodeNames(authority: authority, service: service, period: period, into: &line)
        Self.encodePlacement(metric: metric, value: value, allBand: allBand, evidenceBand: evidenceBand, into: &line)
    }

    /// The service's cells, the first three of each of its rows (the table writes them once
    /// a service: `BenchmarkTable.write`).
    static func encodeNames(authority: String, service: String, period: String?, into line: inout CSVLineEncoder) {
        line.append(text: authority)
        line.append(text: service)
        line.append(text: period)
    }

    /// The rest of a row: the metric, its value and the value's two places.
    static func encodePlacement(metric: Metric, value: Double?, allBand: BandPosition?, evidenceBand: BandPosition?,
                                into line: inout CSVLineEncoder) {
        line.append(text: metric.rawValue)
        line.append(number: value)
        line.append(text: allBand?.rawValue)
        line.append(text: evidenceBand?.rawValue)
    }

    public func field(at column: Int) -> CSVField {
        switch column {
        case 0: return .text(authority)
        case 1: return .text(service)
        case 2: return .text(period)
        case 3: return .text(metric.rawValue)
        case 4: return .number(value)
        case 5: return .text(allBand?.rawValue)
        default: return .text(evidenceBand?.rawValue)
        }
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(authority: try cells.requiredText(), service: try cells.requiredText(), period: cells.text(),
                  metric: try cells.requiredValue(Metric.self), value: try cells.number(),
                  allBand: try cells.value(BandPosition.self), evidenceBand: try cells.value(BandPosition.self))
    }
}

extension TrendLineRow: RunFileRow {
    package static let schema = RunFileSchema.trendLines

    public var fields: [CSVField] {
        [.text(group), .text(x.rawValue), .text(y.rawValue), .count(n), .number(intercept), .number(slope)]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(group: try cells.requiredText(), x: try cells.requiredValue(Metric.self),
                  y: try cells.requiredValue(Metric.self), n: try cells.requiredCount(), intercept: try cells.number(),
                  slope: try cells.number())
    }
}
