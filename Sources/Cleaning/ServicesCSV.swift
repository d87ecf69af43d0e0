import PipelineDefinition
import Returns
import RunFiles
import Tabular
import VFMCore

/// `clean/services.csv` (SPEC §7) under the header its schema declares
/// (`RunFileSchema.cleanServices(extras:)`, SPEC §13): the canonical input columns
/// (`ReturnColumn` order), the derived measures of §5, `excluded_from_statistics`,
/// `current` (`yes`/`no`, SPEC §11: the service's current return or an earlier one)
/// (`true`/`false`), the extra input columns, `source` (`file:line`) and `flags` (distinct
/// rule ids joined by `;`, in the order raised; the flags themselves are in
/// `clean/flags.csv`). The cells are encoded by hand for speed; a test holds them to the schema.
enum ServicesCSV {
    /// How many derived columns follow the canonical ones.
    static let derivedColumnCount = RunFileSchema.derivedServiceColumns.count
    /// The derived measures among them: all but the last two, `excluded_from_statistics`
    /// and `current`.
    private static let measureColumns = RunFileSchema.derivedServiceColumns.dropLast(2)
    /// How many they are, and where the one text column (`client_focus`) is among them:
    /// a row is checked by position, not by walking the column declarations (a copy of each,
    /// with its strings, per row).
    private static let measureCount = measureColumns.count
    private static let focusOffset = measureColumns.firstIndex { $0.type != .number }.map { $0 - measureColumns.startIndex } ?? -1

    static func header(extras: [String]) -> [String] { RunFileSchema.cleanServices(extras: extras).header }

    /// The rows under `header(extras:)`, into a document or a file.
    static func emit<Sink: CSVRowSink>(_ services: [CleanedService], extras: [String],
                                       into sink: inout Sink) throws(Sink.Failure) {
        try sink.appendRecords(services) { service, line in encode(service, extras: extras, into: &line) }
    }

    /// One service's row, cell by cell from its values, read where the service lies (a
    /// `CleanedService` passed by value is a copy: a retain and a release per string).
    static func encode(_ service: UnsafePointer<CleanedService>, extras: [String], into line: inout CSVLineEncoder) {
        withUnsafePointer(to: service.pointee.input) { ServiceReturn.encodeCanonicalCells(of: $0, into: &line) }
        encodeDerivedCells(service.pointee.derived, excluded: service.pointee.excludedFromStatistics,
                           current: service.pointee.isCurrent, into: &line)
        ExtraCell.encode(service.pointee.input.extraColumns, under: extras, into: &line)
        line.append(source: service.pointee.input.source.file, line: service.pointee.input.source.line)
        line.appendText { bytes in
            withUnsafePointer(to: service.pointee.flags) { appendRuleList(of: $0, to: &bytes) }
        }
    }

    /// The cells of the derived columns: `derivedField` of each, in order, with no `CSVField`.
    static func encodeDerivedCells(_ d: DerivedMeasures, excluded: Bool, current: Bool, into line: inout CSVLineEncoder) {
        line.append(number: d.jobOutcomes)
        line.append(number: d.outcomeRate)
        line.append(number: d.costPerPerson)
        line.append(number: d.costPerOutcome)
        line.append(number: d.gainedShare)
        line.append(number: d.retainedShare)
        line.append(number: d.selfEmployedShare)
        line.append(number: d.ldShare)
        line.append(number: d.mhShare)
        line.append(text: d.clientFocus.rawValue)
        line.append(number: d.shareLT7)
        line.append(number: d.share7to40)
        line.append(number: d.share40plus)
        line.append(number: d.supportLevelIndex)
        line.append(text: excluded ? "true" : "false")
        line.append(text: current ? "yes" : "no")
    }

    static func render(_ services: [CleanedService]) -> String {
        let extras = extraColumnNames(services)
        var writer = CSVWriter(header: header(extras: extras))
        emit(services, extras: extras, into: &writer)
        return writer.text
    }

    /// Streams the table to `path`; returns its SHA-256.
    @discardableResult
    static func write(_ services: [CleanedService], to path: String, displayName: String) throws(VFMError) -> String? {
        let extras = extraColumnNames(services)
        var file = try CSVFileWriter(path: path, header: header(extras: extras), displayName: displayName)
        try emit(services, extras: extras, into: &file)
        return try file.close()
    }

    /// The cell of derived column `index` (the last two are `excluded_from_statistics` and
    /// `current`).
    static func derivedField(_ d: DerivedMeasures, excluded: Bool, current: Bool, at index: Int) -> CSVField {
        switch index {
        case 0: return .number(d.jobOutcomes)
        case 1: return .number(d.outcomeRate)
        case 2: return .number(d.costPerPerson)
        case 3: return .number(d.costPerOutcome)
        case 4: return .number(d.gainedShare)
        case 5: return .number(d.retainedShare)
        case 6: return .number(d.selfEmployedShare)
        case 7: return .number(d.ldShare)
        case 8: return .number(d.mhShare)
        case 9: return .text(d.clientFocus.rawValue)
        case 10: return .number(d.shareLT7)
        case 11: return .number(d.share7to40)
        case 12: return .number(d.share40plus)
        case 13: return .number(d.supportLevelIndex)
        case 14: return .text(excluded ? "true" : "false")
        default: return .text(current ? "yes" : "no")
        }
    }

    /// The distinct rule ids of `flags` in the order raised, joined by `;`.
    static func ruleList(_ flags: [ServiceFlag]) -> String {
        var bytes: [UInt8] = []
        withUnsafePointer(to: flags) { appendRuleList(of: $0, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `ruleList`'s UTF-8, appended to `bytes`; the flags are read where they lie (no
    /// retain of the array or copy of a flag per service).
    static func appendRuleList(of flags: UnsafePointer<[ServiceFlag]>, to bytes: inout [UInt8]) {
        // A rule is new when no earlier flag has it: no list of seen rules to allocate per
        // service (a service raises a handful of flags, at most one per rule and outlier rule).
        var listed = false
        for index in 0..<flags.pointee.count {
            let rule = flags.pointee[index].rule
            guard !(0..<index).contains(where: { flags.pointee[$0].rule == rule }) else { continue }
            if listed { bytes.append(UInt8(ascii: ";")) }
            listed = true
            CSVEncoding.appendUTF8(rule.rawValue, to: &bytes)
        }
    }

    /// Extra columns in the order the services carry them (ingest gives every row the
    /// same union of extra columns).
    static func extraColumnNames(_ services: [CleanedService]) -> [String] {
        // Each service's extra cells read where it lies: a lazy map copied every service
        // (a retain and release of each of its texts and arrays, a million times).
        services.withUnsafeBufferPointer { rows in
            ReturnsCSV.extraColumnNames(count: rows.count) { rows[$0].input.extraColumns }
        }
    }

    /// Reads a table written by `render`; services come back without flags (they are in
    /// `clean/flags.csv`).
    ///
    /// A table written before SPEC §11 has no `current` column (a published run named by
    /// `--previous` may be one): its services are all read as current returns.
    static func parse(fileAt path: String, file: String) throws(VFMError) -> [CleanedService] {
        // Streamed from disk: the file is never held whole, nor as a table of strings.
        try CleanCSV.reader(file).mapRecords(ofFile: path, header: header(file: file), service(file: file))
    }

    /// As `parse(fileAt:file:)`, for a table already in memory.
    static func parse(_ bytes: [UInt8], file: String) throws(VFMError) -> [CleanedService] {
        try CleanCSV.reader(file).mapRecords(bytes, header: header(file: file), service(file: file))
    }

    private typealias Header = (cells: [String], extras: [String], hasCurrent: Bool)

    private static func header(file: String) -> (CSVRecord?) throws(VFMError) -> Header {
        { (header: CSVRecord?) throws(VFMError) -> Header in
            guard let header else { throw CleanCSV.corrupt("no header row", file: file, line: 1) }
            if let schema = RunFileSchema.cleanServices(header: header.cells) { return (header.cells, schema.extras, true) }
            if let schema = RunFileSchema.cleanServicesBeforePeriods(header: header.cells) {
                return (header.cells, schema.extras, false)
            }
            throw CleanCSV.corrupt("the header is not the one vfm-clean writes", file: file, line: header.line)
        }
    }

    private static func service(file: String) -> (Header, RunFileCells) throws(VFMError) -> CleanedService {
        { (header: Header, cells: RunFileCells) throws(VFMError) -> CleanedService in
            guard cells.width == header.cells.count else {
                throw cells.reader.corrupt("row has \(cells.width) cells for \(header.cells.count) columns", line: cells.line)
            }
            return try service(cells, extras: header.extras, hasCurrent: header.hasCurrent)
        }
    }

    /// One row, each cell read from its bytes by position (the header is the schema's,
    /// checked): the canonical cells, `excluded_from_statistics`, `current`, the extra
    /// columns and `source`. The derived measures between them are checked to be numbers
    /// (and a client focus) but not read: they are a function of the canonical cells
    /// (SPEC §5), worked out again when asked for (`CleanedService.derived`), as they were
    /// when the file was written — so an edit to a derived cell alone changes nothing.
    private static func service(_ cells: RunFileCells, extras: [String], hasCurrent: Bool) throws(VFMError) -> CleanedService {
        func unexpected(_ index: Int) -> VFMError {
            cells.reader.corrupt("`\(cells.column(index))` holds \"\(cells.cell(at: index))\"", line: cells.line)
        }
        let first = CanonicalPosition.count
        for position in first ..< first + measureCount {
            if position != first + focusOffset {
                try cells.checkNumberShaped(at: position)
            } else if ClientFocus(rawValue: cells.cell(at: position)) == nil {
                throw unexpected(position)
            }
        }
        var position = first + measureCount
        let excluded = cells.cell(at: position, is: "true")
        guard excluded || cells.cell(at: position, is: "false") else { throw unexpected(position) }
        position += 1
        var current = true
        if hasCurrent {
            current = cells.cell(at: position, is: "yes")
            guard current || cells.cell(at: position, is: "no") else { throw unexpected(position) }
            position += 1
        }
        let extraCells = extras.indices.map { ExtraCell(header: extras[$0], value: cells.text(at: position + $0)) }
        position += extras.count
        let input = try ServiceReturn(canonicalCellsOf: cells, sourceColumn: position, extraColumns: extraCells)
        var cleaned = CleanedService(input: input, flags: [], excludedFromStatistics: excluded)
        cleaned.isCurrent = current
        return cleaned
    }
}
