import Foundation
import Testing
@testable import Workbook

/// What the libxml2 reader (issue 30) must read as XML 1.0 says, whoever wrote the part:
/// references, CDATA, any namespace prefix, rich-text runs, `xml:space`. Each package is
/// written here by hand; the expected cells are read off its XML by the rules of XML 1.0
/// (§2.4 character data, §2.7 CDATA, §4.1 and §4.6 references, Namespaces in XML 1.0 §4)
/// and ECMA-376 Part 1 (§18.4 shared strings, §18.3.1.4 cells).
@Suite("the XML of a part is read as XML 1.0 says, whoever wrote it")
struct WorkbookXMLTests {
    @Test("entity and character references, CDATA, rich-text runs, phonetic runs and xml:space in shared strings")
    func sharedStrings() throws {
        let strings = """
            <sst xmlns="\(HandPackage.main)">\
            <si><t>Kells &amp; District &lt;Works&gt; &quot;IPS&quot; &apos;22</t></si>\
            <si><t>&#163;263,132 &#x2014; net</t></si>\
            <si><t><![CDATA[a <b> & c]]></t></si>\
            <si><r><rPr><b/></rPr><t>Job</t></r><r><t xml:space="preserve"> Club</t></r><rPh sb="0" eb="1"><t>ジョブ</t></rPh></si>\
            <si><t xml:space="preserve">  padded  </t></si>\
            <si><t>line one
            line two</t></si>\
            </sst>
            """
        let row = (0 ..< 6).map { #"<c t="s"><v>\#($0)</v></c>"# }.joined()
        let path = try HandPackage.write(sheet: HandPackage.sheet("<row r=\"1\">\(row)</row>"), sharedStrings: strings)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try rows(of: path, sheet: "Data")
        #expect(read.first?.cells == [
            .text("Kells & District <Works> \"IPS\" '22"), .text("£263,132 — net"), .text("a <b> & c"),
            .text("Job Club"), .text("  padded  "), .text("line one\nline two"),
        ])
    }

    @Test("a package whose every part uses a prefix other than the default (ss:, rel:, ns9:id), with inline strings and CDATA")
    func prefixes() throws {
        let sheet = """
            <ss:worksheet xmlns:ss="\(HandPackage.main)"><ss:sheetData>\
            <ss:row ss:r="7" r="1"><ss:c r="B1" t="inlineStr"><ss:is><ss:t>Lorn &amp; Co</ss:t></ss:is></ss:c>\
            <ss:c r="C1" t="inlineStr"><ss:is><ss:r><ss:t><![CDATA[<Works>]]></ss:t></ss:r><ss:r><ss:t>&#33;</ss:t></ss:r></ss:is></ss:c>\
            <ss:c r="D1" s="1"><ss:v>0.25</ss:v></ss:c></ss:row></ss:sheetData></ss:worksheet>
            """
        let workbook = """
            <ss:workbook xmlns:ss="\(HandPackage.main)" xmlns:ns9="\(HandPackage.relationships)"><ss:sheets>\
            <ss:sheet name="Data" sheetId="1" ns9:id="rId1"/></ss:sheets></ss:workbook>
            """
        let relationships = """
            <rel:Relationships xmlns:rel="http://schemas.openxmlformats.org/package/2006/relationships">\
            <rel:Relationship Id="rId1" Type="\(HandPackage.relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
            <rel:Relationship Id="rId2" Type="\(HandPackage.relationships)/styles" Target="styles.xml"/></rel:Relationships>
            """
        let styles = """
            <x:styleSheet xmlns:x="\(HandPackage.main)"><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="9"/></x:cellXfs></x:styleSheet>
            """
        let path = try HandPackage.write(sheet: sheet, workbook: workbook, workbookRelationships: relationships, styles: styles)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try rows(of: path, sheet: "Data")
        // `ss:r="7"` is another attribute than `r`: the row is row 1, as `r` says.
        #expect(read.map(\.number) == [1])
        #expect(read.first?.cells == [.empty, .text("Lorn & Co"), .text("<Works>!"), .number(0.25, isPercent: true)])
    }

    @Test("number cells: exponents, spaces, 17 digits, negative zero, and values no double holds", arguments: [
        (" 1.5E3 ", WorkbookCell.number(1500, isPercent: false) as WorkbookCell?),
        ("0.30000000000000004", .number(0.30000000000000004, isPercent: false)),
        ("-0", .number(0, isPercent: false)),
        ("263132", .number(263_132, isPercent: false)),
        ("1e400", nil), ("0x10", .number(16, isPercent: false)), ("1,5", nil), ("", .empty),
    ])
    func numbers(text: String, cell: WorkbookCell?) throws {
        let path = try HandPackage.write(sheet: HandPackage.sheet(#"<row r="2"><c r="B2"><v>\#(text)</v></c></row>"#))
        defer { try? FileManager.default.removeItem(atPath: path) }
        if let cell {
            let read = try rows(of: path, sheet: "Data")
            #expect(read.first?.cells.last == cell || (cell == .empty && read.first?.cells.isEmpty == true))
            if case .number(let value, _) = cell, case .number(let got, _)? = read.first?.cells.last {
                #expect(got.bitPattern == value.bitPattern, "\(text): \(got)")
            }
        } else {
            let error = try #require(throws: WorkbookError.self) { _ = try rows(of: path, sheet: "Data") }
            #expect(error.kind == .malformedPart)
            #expect(error.message.contains("cell B2 is a number holding `\(text)`"), "\(error)")
        }
    }

    @Test("XML that is not well-formed is an error naming the part, the line and the cell")
    func notWellFormed() throws {
        let path = try HandPackage.write(sheet: HandPackage.sheet(#"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</c></row>"#))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: WorkbookError.self) { _ = try rows(of: path, sheet: "Data") }
        #expect(error.kind == .malformedPart)
        #expect(error.message.contains("xl/worksheets/sheet1.xml") && error.message.contains("in cell B2"), "\(error)")
        #expect(error.cause.contains("mismatch"), "\(error)")
    }

    @Test("an entity the part does not declare is an error, not dropped text")
    func undeclaredEntity() throws {
        let path = try HandPackage.write(sheet: HandPackage.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>a&nbsp;b</t></is></c></row>"#))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: WorkbookError.self) { _ = try rows(of: path, sheet: "Data") }
        #expect(error.kind == .malformedPart)
        #expect(error.cause.contains("nbsp"), "\(error)")
    }

    @Test("a DOCTYPE in a UTF-16 part, which the inflater's byte check does not see, stops the parser")
    func doctypeInUTF16() throws {
        let text = #"<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE worksheet [<!ENTITY e "x">]>"#
            + HandPackage.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>"#)
        let utf16 = HandPackage.utf16(text)
        #expect(XMLProlog.scan(utf16) == .clean)
        let path = try HandPackage.write(sheetBytes: utf16)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: WorkbookError.self) { _ = try rows(of: path, sheet: "Data") }
        #expect(error.kind == .malformedPart)
        #expect(error.message.contains("<!DOCTYPE"), "\(error)")
    }

    @Test("a UTF-16 part without a DOCTYPE reads like its UTF-8 twin")
    func utf16() throws {
        let text = #"<?xml version="1.0" encoding="UTF-16"?>"#
            + HandPackage.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>£ &#x2014; ok</t></is></c><c r="B1"><v>7</v></c></row>"#)
        let path = try HandPackage.write(sheetBytes: HandPackage.utf16(text))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try rows(of: path, sheet: "Data").first?.cells == [.text("£ — ok"), .number(7, isPercent: false)])
    }
}

/// A minimal workbook package written by hand (ECMA-376 Part 2: no content types needed by
/// the reader), stored with `StoredZip`.
enum HandPackage {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `text` in UTF-16LE with its byte order mark.
    static func utf16(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return bytes
    }

    static func sheet(_ rows: String) -> String {
        #"<worksheet xmlns="\#(main)"><sheetData>\#(rows)</sheetData></worksheet>"#
    }

    static func write(sheet: String, sharedStrings: String? = nil, workbook: String? = nil,
                      workbookRelationships: String? = nil, styles: String? = nil) throws -> String {
        try write(sheetBytes: Array(sheet.utf8), sharedStrings: sharedStrings, workbook: workbook,
                  workbookRelationships: workbookRelationships, styles: styles)
    }

    static func write(sheetBytes: [UInt8], sharedStrings: String? = nil, workbook: String? = nil,
                      workbookRelationships: String? = nil, styles: String? = nil) throws -> String {
        var zip = StoredZip()
        zip.add("xl/workbook.xml", Array((workbook ?? #"""
            <workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>
            """#).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array((workbookRelationships ?? #"""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#
            <Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\#
            <Relationship Id="rId2" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/></Relationships>
            """#).utf8))
        zip.add("xl/worksheets/sheet1.xml", sheetBytes)
        if let sharedStrings { zip.add("xl/sharedStrings.xml", Array(sharedStrings.utf8)) }
        if let styles { zip.add("xl/styles.xml", Array(styles.utf8)) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-hand-\(UUID().uuidString).xlsx")
        try Data(zip.archive()).write(to: url)
        return url.path
    }
}
