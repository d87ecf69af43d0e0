import Foundation

/// An `.xlsx` workbook (Office Open XML SpreadsheetML, ECMA-376) opened for reading: its
/// worksheets in workbook order, its shared strings and which cell formats are percentages.
/// Worksheets are read one row at a time by `forEachRow`.
///
/// Why these libraries: zlib inflates parts chunk by chunk under our own ZIP directory
/// reader (`PackageArchive`), so a size guard can stop a ZIP bomb mid-stream and a stream
/// that ends early is noticed; libxml2's SAX2 push parser (`XMLPushParser`) reads the XML,
/// names and values as bytes, with no DTD or external entity ever loaded. A worksheet is
/// inflated to an unnamed scratch file (`ScratchPart`, nothing left behind however the run
/// ends) and parsed from it in pieces, so neither its bytes nor its text are ever held
/// whole in memory.
///
/// Not for use from several threads at once: each `forEachRow` has its own parser, on the
/// caller's thread (`forEachRowReadingAhead`'s on a thread of its own, while the caller
/// only waits for rows).
public final class Workbook {
    public let sheets: [WorkbookSheet]
    private let archive: PackageArchive
    private let sharedStrings: SharedStrings
    private let percentStyles: [Bool]

    /// What `forEachRow` noticed besides the rows.
    public struct SheetNotes: Sendable, Equatable {
        /// Formula cells with no saved result (a writer that does not calculate, such as
        /// openpyxl); they read as empty.
        public var formulasWithoutValue: Int
        public var firstFormulaWithoutValue: String?
        /// Cells that took the value of the merged range covering them (`MergedRanges`),
        /// and the first of them (`A4`).
        public var mergedCellsFilled = 0
        public var firstMergedCellFilled: String?
        /// Columns (from 0) hidden in the worksheet.
        public var hiddenColumns: Set<Int> = []
    }

    /// Opens the workbook at `path`.
    /// - Throws: `WorkbookError` — `.legacyExcel`, `.encrypted`, `.openDocument`,
    ///   `.notAWorkbook`, `.corruptArchive`, `.partTooLarge`, `.malformedPart`, `.noSheets`.
    public init(path: String, limits: WorkbookLimits = .standard) throws(WorkbookError) {
        let file = try ArchiveFile(path: path)
        let prefix = try file.read(at: 0, count: min(8, file.size))
        switch FileSignature.of(prefix) {
        case .zip: break
        case .ole2:
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)).map { Array($0) } ?? []
            throw FileSignature.ole2Error(bytes)
        case .other:
            throw WorkbookError(.notAWorkbook, "this file is not an .xlsx workbook (it does not start with a ZIP signature)")
        }
        let archive = try PackageArchive(file: file, limits: limits)
        if let mimetype = try archive.data(of: "mimetype", limit: 1024),
           String(decoding: mimetype, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument") {
            throw WorkbookError(.openDocument, "this is an OpenDocument spreadsheet (.ods), which is not read")
        }
        let small = limits.otherPartBytes
        let rootRels = try archive.data(of: "_rels/.rels", limit: small).map { data throws(WorkbookError) in
            try Relationships.parse(data, part: "_rels/.rels")
        }
        let workbookPart = rootRels?.target(ofType: "officeDocument").map { Relationships.resolve($0, from: "") } ?? "xl/workbook.xml"
        guard let workbookData = try archive.data(of: workbookPart, limit: small) else {
            if archive.has("content.xml") {
                throw WorkbookError(.openDocument, "this is an OpenDocument spreadsheet (.ods), which is not read")
            }
            throw WorkbookError(.malformedPart, "the archive has no workbook part (`\(workbookPart)`): it is a ZIP file but not an .xlsx workbook")
        }
        let workbook = try WorkbookPart.parse(workbookData, part: workbookPart)
        let relsPart = Relationships.partFor(workbookPart)
        let rels = try archive.data(of: relsPart, limit: small).map { data throws(WorkbookError) in
            try Relationships.parse(data, part: relsPart)
        } ?? Relationships()

        var sheets: [WorkbookSheet] = []
        for sheet in workbook.sheets {
            // A chartsheet or dialog sheet has no cells; only worksheets are listed.
            guard let relationship = rels.byID[sheet.relationshipID], relationship.type.hasSuffix("/worksheet") else { continue }
            sheets.append(WorkbookSheet(name: sheet.name, part: Relationships.resolve(relationship.target, from: workbookPart)))
        }
        if sheets.isEmpty {
            throw WorkbookError(.noSheets, "the workbook has no worksheet")
        }
        var sharedStrings = SharedStrings()
        if let target = rels.target(ofType: "sharedStrings") {
            let part = Relationships.resolve(target, from: workbookPart)
            // Inflated to a scratch file and parsed from it in pieces, like a worksheet.
            if let scratch = try archive.scratchFile(of: part, limit: limits.sharedStringsBytes) {
                let reader = SharedStringsReader(limit: limits.sharedStringCount)
                try PartParser.parse(scratch, part: part, with: reader)
                if reader.overLimit {
                    throw WorkbookError(.partTooLarge, "the part `\(part)` holds more than \(limits.sharedStringCount) shared strings, "
                        + "the limit for a workbook (a million-row return has a few million); it is damaged or made to exhaust memory")
                }
                sharedStrings = reader.strings
            }
        }
        var percentStyles: [Bool] = []
        if let target = rels.target(ofType: "styles") {
            let part = Relationships.resolve(target, from: workbookPart)
            if let data = try archive.data(of: part, limit: small) {
                percentStyles = try StylesPart.percentStyles(data, part: part)
            }
        }
        self.archive = archive
        self.sheets = sheets
        self.sharedStrings = sharedStrings
        self.percentStyles = percentStyles
    }

    /// The worksheet named `name`: exactly, else ignoring case and surrounding spaces.
    public func sheet(named name: String) -> WorkbookSheet? {
        if let exact = sheets.first(where: { $0.name == name }) { return exact }
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return sheets.first { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    }

    /// Hands each row of `sheet` to `body`, in sheet order, until `body` returns false.
    /// - Throws: `.partTooLarge`, `.corruptArchive` or `.malformedPart` (rows before the
    ///   damage have been delivered).
    @discardableResult
    public func forEachRow(of sheet: WorkbookSheet, _ body: @escaping (WorkbookRow) -> Bool) throws(WorkbookError) -> SheetNotes {
        var mergeCells = StreamSearch("mergeCell")
        guard let scratch = try archive.scratchFile(of: sheet.part, search: &mergeCells) else {
            throw WorkbookError(.malformedPart, "the worksheet `\(sheet.name)` has no part `\(sheet.part)` in the archive")
        }
        let merges = mergeCells.found ? try MergedRanges.read(scratch, part: sheet.part) : MergedRanges()
        let reader = SheetReader(part: sheet.part, sharedStrings: sharedStrings, percentStyles: percentStyles,
                                 rowTextLimit: archive.limits.rowTextBytes, merges: merges, body: body)
        try reader.run(scratch)
        var notes = SheetNotes(formulasWithoutValue: reader.formulasWithoutValue,
                               firstFormulaWithoutValue: reader.firstFormulaWithoutValue)
        notes.mergedCellsFilled = reader.mergeFill.filled
        notes.firstMergedCellFilled = reader.mergeFill.firstFilled
        notes.hiddenColumns = reader.hiddenColumns
        return notes
    }
}
