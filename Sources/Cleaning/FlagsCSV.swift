import RunFiles
import Tabular
import VFMCore

/// `clean/flags.csv` (SPEC §7): one row per flag, services in `clean/services.csv` order
/// and each service's flags in the order raised, under the header of its schema
/// (`RunFileSchema.cleanFlags`, SPEC §13). The cells are encoded by hand for speed; a test
/// holds them to the schema.
enum FlagsCSV {
    static let header = RunFileSchema.cleanFlags.header

    /// One row per flag under `header`, into a document or a file.
    static func emit<Sink: CSVRowSink>(_ services: [CleanedService], into sink: inout Sink) throws(Sink.Failure) {
        // The service's four cells are encoded once and copied before each of its flags.
        var serviceCells = CSVLineEncoder()
        var words = FlagWordCells()
        // Services and flags are read where they lie, through pointers: `for service in
        // services`, or `services[i]` handed on whole, copies (retains) every service or flag.
        try services.withUnsafeBufferPointer { (services) throws(Sink.Failure) in
            guard let firstService = services.baseAddress else { return }
            for index in services.indices {
                let service = firstService + index
                guard !service.pointee.flags.isEmpty else { continue }
                serviceCells.reset()
                serviceCells.append(text: service.pointee.input.authority)
                serviceCells.append(text: service.pointee.input.service)
                serviceCells.append(text: service.pointee.input.period)
                serviceCells.append(source: service.pointee.input.source.file, line: service.pointee.input.source.line)
                // By index, each flag borrowed where it lies: `flags.withUnsafeBufferPointer`
                // would retain the array, and the analysis's copies of the services change
                // its reference count on the other core (a contended atomic per service).
                let cells = serviceCells  // a constant: the closure below retains no buffer per flag
                for item in 0..<service.pointee.flags.count {
                    try sink.appendRecord { line in
                        line.append(cellsOf: cells)
                        withUnsafePointer(to: service.pointee.flags[item]) { encodeFlagCells($0, words: &words, into: &line) }
                    }
                }
            }
        }
    }

    /// The flag's own cells (columns 4 on): `field(_:at:)` of each, written straight from
    /// the flag — the message's text goes into the line's bytes without becoming a `String`
    /// (`FlagDetail.appendMessage`) and is neutralised and quoted as a text cell is.
    static func encodeFlagCells(_ flag: UnsafePointer<ServiceFlag>, into line: inout CSVLineEncoder) {
        var words = FlagWordCells()
        encodeFlagCells(flag, words: &words, into: &line)
    }

    /// The same, the rule's, metric's and severity's cells copied from `words`, which
    /// encodes each distinct one once (`append(text:)`, so the same bytes).
    static func encodeFlagCells(_ flag: UnsafePointer<ServiceFlag>, words: inout FlagWordCells,
                                into line: inout CSVLineEncoder) {
        words.appendRuleAndMetric(of: flag, to: &line)
        line.append(number: flag.pointee.value)
        line.append(number: flag.pointee.threshold)
        words.appendSeverity(of: flag, to: &line)
        line.appendText { bytes in
            flag.pointee.detail.appendMessage(rule: flag.pointee.rule, value: flag.pointee.value,
                                              threshold: flag.pointee.threshold, to: &bytes)
        }
    }

    /// The cell of `flag` in column `header[column]`, for the flag's own columns (4 on):
    /// for readers that want a few cells of many flags (the file is written by
    /// `encodeFlagCells`, which gives the same bytes).
    static func field(_ flag: borrowing ServiceFlag, at column: Int) -> CSVField {
        switch column {
        case 4: return .text(flag.rule.rawValue)
        case 5: return .text(flag.metric)
        case 6: return .number(flag.value)
        case 7: return .number(flag.threshold)
        case 8: return .text(flag.severity.rawValue)
        default: return .text(flag.message)
        }
    }

    static func render(_ services: [CleanedService]) -> String {
        var writer = CSVWriter(header: header)
        emit(services, into: &writer)
        return writer.text
    }

    /// Streams the table to `path`; returns its SHA-256.
    @discardableResult
    static func write(_ services: [CleanedService], to path: String, displayName: String) throws(VFMError) -> String? {
        var file = try CSVFileWriter(path: path, header: header, displayName: displayName)
        try emit(services, into: &file)
        return try file.close()
    }

    /// The flags of each source, in file order: one entry for each run of rows naming the
    /// same source (vfm-clean writes a service's flags together). Grouped here, on the core
    /// that reads the file, so that giving each service its flags is one assignment a
    /// service: appended flag by flag after both files were read, they were a tenth of
    /// `vfm-report`'s time by hand at 10^5, on one core (issue 25).
    static func parse(fileAt path: String, file: String) throws(VFMError) -> [(SourceLocation, [ServiceFlag])] {
        // Streamed from disk, one record at a time, each cell read from its bytes.
        let reader = CleanCSV.reader(file)
        let rows = try reader.mapRecords(ofFile: path, header: { (record: CSVRecord?) throws(VFMError) in
            guard record?.cells == header else {
                throw reader.corrupt("the header is not `\(header.joined(separator: ","))`", line: 1)
            }
        }) { (_: Void, cells) throws(VFMError) in try flag(cells) }
        var groups: [(SourceLocation, [ServiceFlag])] = []
        for (source, flag) in rows {
            if let last = groups.indices.last, groups[last].0 == source {
                groups[last].1.append(flag)
            } else {
                groups.append((source, [flag]))
            }
        }
        return groups
    }

    private static func flag(_ cells: RunFileCells) throws(VFMError) -> (SourceLocation, ServiceFlag) {
        guard cells.width == header.count, let source = cells.sourceLocation(at: 3),
              let severity = FlagSeverity(rawValue: cells.cell(at: 8)) else {
            throw cells.reader.corrupt("not a flag row", line: cells.line)
        }
        guard let rule = FlagRule(rawValue: cells.text(at: 4) ?? "") else {
            throw cells.reader.corrupt("`rule` holds \"\(cells.cell(at: 4))\", which vfm-clean does not write", line: cells.line)
        }
        let flag = ServiceFlag(
            rule: rule, metric: cells.text(at: 5), value: try cells.number(at: 6), threshold: try cells.number(at: 7),
            severity: severity, message: cells.text(at: 9) ?? "")
        return (source, flag)
    }
}

/// The cells of a flag that come from few words — its rule and metric, its severity —
/// encoded once for each distinct value and then copied (two million flags at 10⁶
/// services, a handful of distinct words: each encoded cell was scanned for quoting and
/// formula triggers every time).
struct FlagWordCells {
    private var ruleAndMetric: [(rule: FlagRule, metric: String?, cells: CSVLineEncoder)] = []
    private var severities: [(severity: FlagSeverity, cells: CSVLineEncoder)] = []
    /// Distinct (rule, metric) pairs kept: metrics are the pipeline's and the return's
    /// columns, but a flag read back may name anything, and a search must stay short.
    private static let kept = 64

    mutating func appendRuleAndMetric(of flag: UnsafePointer<ServiceFlag>, to line: inout CSVLineEncoder) {
        let rule = flag.pointee.rule
        if let entry = ruleAndMetric.first(where: { $0.rule == rule && $0.metric == flag.pointee.metric }) {
            return line.append(cellsOf: entry.cells)
        }
        var cells = CSVLineEncoder()
        cells.append(text: rule.rawValue)
        cells.append(text: flag.pointee.metric)
        if ruleAndMetric.count < Self.kept { ruleAndMetric.append((rule, flag.pointee.metric, cells)) }
        line.append(cellsOf: cells)
    }

    mutating func appendSeverity(of flag: UnsafePointer<ServiceFlag>, to line: inout CSVLineEncoder) {
        let severity = flag.pointee.severity
        if let entry = severities.first(where: { $0.severity == severity }) { return line.append(cellsOf: entry.cells) }
        var cells = CSVLineEncoder()
        cells.append(text: severity.rawValue)
        severities.append((severity, cells))
        line.append(cellsOf: cells)
    }
}
