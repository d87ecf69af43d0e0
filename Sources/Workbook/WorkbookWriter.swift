/// Writes a small `.xlsx` workbook (ECMA-376 SpreadsheetML, the minimal package: content
/// types, relationships, workbook, one part per worksheet) whose cells are text — inline
/// strings, so no shared-strings part — for documents a person fills in, such as a return
/// template (issue 28). The first row of each sheet is bold. Excel, LibreOffice, openpyxl
/// and `Workbook` read it. Built in memory: a template is a few kilobytes.
public enum WorkbookWriter {
    /// One worksheet: its name (at most 31 characters, none of `[]:*?/\`) and its rows.
    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[String]]
        /// Column widths in characters, from column A; missing columns get the default.
        public var columnWidths: [Int]

        public init(name: String, rows: [[String]], columnWidths: [Int] = []) {
            self.name = name
            self.rows = rows
            self.columnWidths = columnWidths
        }
    }

    /// The workbook's bytes: stored parts (`StoredZip`) with a fixed date, so the same sheets
    /// give the same bytes.
    public static func bytes(_ sheets: [Sheet]) -> [UInt8] {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet))) }
        var zip = StoredZip()
        for (path, text) in parts { zip.add(path, Array(text.utf8)) }
        return zip.archive()
    }

    private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(_ count: Int) -> String {
        header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + (1 ... max(count, 1)).map {
                #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            }.joined() + "</Types>"
    }

    private static let rootRelationships = header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(officeRelationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

    private static func workbook(_ sheets: [Sheet]) -> String {
        header + #"<workbook xmlns="\#(main)" xmlns:r="\#(officeRelationships)"><sheets>"#
            + sheets.enumerated().map { index, sheet in
                #"<sheet name="\#(escaped(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
            }.joined() + "</sheets></workbook>"
    }

    private static func workbookRelationships(_ count: Int) -> String {
        header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + (0 ..< count).map {
                #"<Relationship Id="rId\#($0 + 1)" Type="\#(officeRelationships)/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
            }.joined()
            + #"<Relationship Id="rId\#(count + 1)" Type="\#(officeRelationships)/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// Two cell formats: 0 plain, 1 bold (the header row).
    private static let styles = header + #"<styleSheet xmlns="\#(main)">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="1"><fill><patternFill patternType="none"/></fill></fills>"#
        + #"<borders count="1"><border/></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    private static func worksheet(_ sheet: Sheet) -> String {
        var text = header + #"<worksheet xmlns="\#(main)">"#
        if !sheet.columnWidths.isEmpty {
            text += "<cols>" + sheet.columnWidths.enumerated().map { index, width in
                #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
            }.joined() + "</cols>"
        }
        text += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            text += #"<row r="\#(rowIndex + 1)">"#
            for (column, value) in row.enumerated() where !value.isEmpty {
                let style = rowIndex == 0 ? #" s="1""# : ""
                text += #"<c r="\#(SheetReader.letters(column))\#(rowIndex + 1)" t="inlineStr"\#(style)><is><t xml:space="preserve">"#
                    + escaped(value) + "</t></is></c>"
            }
            text += "</row>"
        }
        return text + "</sheetData></worksheet>"
    }

    /// XML text: `&`, `<`, `>`, `"` escaped; control characters XML 1.0 forbids dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
