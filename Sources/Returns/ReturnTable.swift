import Tabular
import VFMCore

/// Reads the rows of one table — a CSV file or one worksheet — into typed returns: finds
/// the header (the first row that maps every required column, SPEC §4), counts the rows
/// above it as preamble, and types every row below it.
struct ReturnTable {
    let name: String
    let missingWords: MissingValueWords
    let totals: TotalsLabels
    /// A worksheet's rows have no fixed width: they are padded to the header's width, and
    /// cells beyond it are like cells under a header with no name.
    let padsRows: Bool

    private(set) var mapping: HeaderMapping?
    private(set) var reader: ReturnRowReader?
    /// A header row that maps the required columns but cannot be used (a column twice).
    private(set) var headerError: VFMError?
    /// What the first row would have been wrong with as a header, for "no header" errors.
    private(set) var firstRowError: VFMError?
    private(set) var preambleRows = 0
    private(set) var headerLine: Int?
    private(set) var rowsRead = 0
    private(set) var accepted = AcceptedRows()
    private(set) var rejected: [RejectedRow] = []
    private(set) var cellsBeyondHeader = false
    /// A row that maps every required column, held until the next row says whether it is
    /// the header's second tier (`TwoTierHeader`).
    private var pendingHeader: (line: Int, texts: [String])?
    /// The line of a header's second tier, when it had one.
    private(set) var secondTierLine: Int?

    init(name: String, missingWords: MissingValueWords, totals: TotalsLabels = .standard, padsRows: Bool) {
        self.name = name
        self.missingWords = missingWords
        self.totals = totals
        self.padsRows = padsRows
    }

    var foundHeader: Bool { mapping != nil }
    var droppedUnnamedCells: Bool { cellsBeyondHeader || reader?.droppedUnnamedCells == true }
    /// Footnotes and spreadsheet errors read as missing below the header.
    var remarks: RowRemarks { reader?.remarks ?? RowRemarks() }

    /// Takes the next row; returns false when reading must stop (an unusable header).
    mutating func take(line: Int, cells: [ReturnCell]) -> Bool {
        guard headerError == nil else { return false }
        if reader == nil {
            switch takeHeaderCandidate(line: line, cells: cells) {
            case .taken: return true
            case .stop: return false
            case .data: break
            }
        }
        guard let width = reader?.mapping.slots.count else { return false }
        var cells = cells
        if padsRows && cells.count != width {
            if cells.count > width {
                if cells[width...].contains(where: { $0 != .empty }) { cellsBeyondHeader = true }
                cells.removeLast(cells.count - width)
            }
            while cells.count < width { cells.append(.empty) }
        }
        // Read in place (`reader?.read`), as for a CSV record: a copy of the reader per row
        // retains its mapping and missing words.
        guard let outcome = reader?.read(line: line, cells: cells) else { return false }
        (consume outcome).tally(rowsRead: &rowsRead, accepted: &accepted, rejected: &rejected)
        return true
    }

    /// Takes the next CSV record, typed from its bytes once the header is known; returns
    /// false when reading must stop (an unusable header).
    mutating func take(_ record: CSVByteRecord) -> Bool {
        guard headerError == nil else { return false }
        // Read in place (`reader?.read`): a copy of the reader per row retains its mapping
        // and missing words.
        guard let outcome = reader?.read(record) else {
            let cells = record.strings.map(ReturnCell.text)
            if let long = record.oversizedCell, HeaderMapping.mapsRequiredColumns(record.strings) {
                let line = record.position.line
                headerError = VFMError(.dataError, "header cell \(long + 1) is \(record.oversizedCellLength) bytes, longer than "
                    + "the limit of \(CellLimit.bytes) bytes (64 KiB) for a cell; this is not a header row",
                    file: name, line: line, column: "column \(long + 1)",
                    hint: "a header names each column in a few words; fix the header row (or a quote left open in it)")
                return false
            }
            // A row above the header with an oversized cell is preamble like any other (its
            // cell already cut short by the parser).
            switch takeHeaderCandidate(line: record.position.line, cells: cells) {
            case .taken: return true
            case .stop: return false
            case .data: return take(record)
            }
        }
        (consume outcome).tally(rowsRead: &rowsRead, accepted: &accepted, rejected: &rejected)
        return true
    }

    /// Takes rows below the header that were typed elsewhere (`TypedRows`, a piece of the
    /// file read on another core), as if each had come through `take(_:)` in turn: pieces
    /// must come in file order. The rows are moved in, not copied.
    mutating func take(typed rows: consuming TypedRows) {
        rowsRead += rows.rowsRead
        if rows.reader.droppedUnnamedCells { reader?.droppedUnnamedCells = true }
        reader?.remarks.append(rows.reader.remarks)
        accepted.append(moving: rows.accepted)
        rejected += rows.rejected
    }

    /// Makes room for `count` accepted rows in all, so that taking them moves no earlier row.
    mutating func reserveRows(_ count: Int) {
        accepted.reserveCapacity(count)
    }

    /// What a row above the data was: part of the header or preamble (`taken`), an unusable
    /// header (`stop`), or the first row below a header just adopted, to be read as data.
    private enum HeaderStep { case taken, stop, data }

    private mutating func takeHeaderCandidate(line: Int, cells: [ReturnCell]) -> HeaderStep {
        var texts = cells.map(\.text)
        if padsRows { while texts.last.map({ CellText.trimmed($0).isEmpty }) == true { texts.removeLast() } }
        if let pending = pendingHeader {
            pendingHeader = nil
            if let combined = TwoTierHeader.combine(first: pending.texts, second: texts) {
                secondTierLine = line
                return adoptHeader(line: pending.line, texts: combined) ? .taken : .stop
            }
            return adoptHeader(line: pending.line, texts: pending.texts) ? .data : .stop
        }
        guard HeaderMapping.mapsRequiredColumns(texts) else {
            if firstRowError == nil {
                do throws(VFMError) {
                    _ = try HeaderMapping(header: CSVRecord(line: line, cells: texts), file: name)
                } catch {
                    firstRowError = error
                }
            }
            preambleRows += 1
            return .taken
        }
        pendingHeader = (line, texts)
        return .taken
    }

    /// Makes `texts` (read on `line`) the header; false, with `headerError` set, when it
    /// cannot be used.
    private mutating func adoptHeader(line: Int, texts: [String]) -> Bool {
        do throws(VFMError) {
            let header = try HeaderMapping(header: CSVRecord(line: line, cells: texts), file: name)
            mapping = header
            headerLine = line
            reader = ReturnRowReader(mapping: header, missingWords: missingWords, totals: totals, file: name)
            return true
        } catch {
            headerError = error
            return false
        }
    }

    /// Ends the rows: a header row with nothing below it is adopted now. Call once the
    /// last row has been taken.
    mutating func finishHeader() {
        guard let pending = pendingHeader, headerError == nil else { return }
        pendingHeader = nil
        _ = adoptHeader(line: pending.line, texts: pending.texts)
    }

    /// The error for a table in which no row maps every required column: the first row's
    /// own problem (it is most often the header with a misspelt column), saying how many
    /// rows were searched.
    func noHeaderError() -> VFMError {
        guard var error = firstRowError else {
            return VFMError(.dataError, "the file is empty: no header row", file: name, line: 1,
                            hint: "the first non-blank line must name the columns: authority, service, total_cost, "
                                + "people_supported and outcomes_total (or outcomes_gained, outcomes_retained, "
                                + "outcomes_self_employed); `vfm columns` lists every column and the headers accepted for it")
        }
        if preambleRows > 1 {
            error.message += " (and none of the \(preambleRows - 1) rows below it names every required column either)"
        }
        return error
    }

    /// The preamble warning for the log and `ingest/inputs.json`, if there was one.
    func preambleWarning(where place: String = "") -> String? {
        guard preambleRows > 0, let headerLine else { return nil }
        return "\(name)\(place): skipped \(preambleRows) row\(preambleRows == 1 ? "" : "s") above the header on line \(headerLine) "
            + "(a title or notes); they are not returns — check that the header row is the one you meant"
    }
}

/// Rows below the header typed from one piece of a file by a copy of the table's reader
/// (`FileIngest`'s parse on both cores), for `ReturnTable.take(typed:)`.
struct TypedRows {
    var reader: ReturnRowReader
    var accepted = AcceptedRows()
    var rejected: [RejectedRow] = []
    var rowsRead = 0

    /// - Parameter expectedRows: room made for accepted rows at the start.
    init(reader: ReturnRowReader, expectedRows: Int = 0) {
        self.reader = reader
        accepted.reserveCapacity(expectedRows)
        // The piece's remarks are its own; the table appends them after its earlier ones.
        self.reader.remarks = RowRemarks()
    }

    /// As `ReturnTable.take(_:)` does below the header.
    mutating func take(_ record: CSVByteRecord) -> Bool {
        reader.read(record).tally(rowsRead: &rowsRead, accepted: &accepted, rejected: &rejected)
        return true
    }
}

extension RowOutcome {
    /// Counts the row where it belongs: an accepted or rejected row is a row read (SPEC §5
    /// rows read = accepted + rejected); a skipped one (blank, note) is not.
    consuming func tally(rowsRead: inout Int, accepted: inout AcceptedRows,
                         rejected: inout [RejectedRow]) {
        switch consume self {
        case .accepted(let serviceReturn, let extraValues):
            rowsRead += 1
            accepted.append(serviceReturn, extraValues: extraValues)
        case .rejected(let row):
            rowsRead += 1
            rejected.append(row)
        case .skipped: break
        }
    }
}
