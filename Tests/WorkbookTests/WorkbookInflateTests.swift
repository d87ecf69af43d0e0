import Foundation
import Testing
@testable import Workbook

/// Every part ends: a deflate stream cut short, bytes changed inside a part's compressed
/// data, or a CRC-32 that does not match is a damaged workbook, reported at once (issue 31:
/// a 1.7 KB workbook used to hang the run for ever).
@Suite("damaged parts end with an error, never a hang")
struct WorkbookInflateTests {
    @Test("the fuzzer's truncated deflate stream is a damaged workbook, at once")
    func truncatedDeflate() throws {
        let start = ContinuousClock.now
        let error = #expect(throws: WorkbookError.self) {
            _ = try rows(of: workbookPath("errors/truncated-deflate-hang.xlsx"), sheet: "Data")
        }
        #expect(error?.kind == .corruptArchive, "\(String(describing: error))")
        #expect(error?.cause.contains("ends before the part does") == true, "\(String(describing: error))")
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    /// Every cut of the sheet's compressed data, with the directory left as it was (so the
    /// reader believes the sizes): the stream ends early at each one.
    @Test("a sheet whose compressed data stops short at any byte is damaged")
    func everyShortStream() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: workbookPath("openpyxl-return.xlsx")))
        let sheet = try #require(ZipFixture.entry(named: "xl/worksheets/sheet2.xml", in: original))
        let cuts = stride(from: 0, to: sheet.compressedSize, by: max(1, sheet.compressedSize / 40))
        for cut in cuts {
            var bytes = original
            // Zero from the cut to the end of the data: an inflater fed zeros after the real
            // stream stops must not loop waiting for more.
            bytes.replaceSubrange(sheet.dataOffset + cut ..< sheet.dataOffset + sheet.compressedSize,
                                  with: Data(count: sheet.compressedSize - cut))
            let url = try ZipFixture.write(bytes)
            defer { try? FileManager.default.removeItem(at: url) }
            let error = #expect(throws: WorkbookError.self) { _ = try rows(of: url.path, sheet: "Return") }
            #expect(error?.kind == .corruptArchive || error?.kind == .malformedPart, "cut at \(cut): \(String(describing: error))")
        }
    }

    @Test("a part whose CRC-32 does not match is damaged")
    func wrongChecksum() throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: workbookPath("openpyxl-return.xlsx")))
        let sheet = try #require(ZipFixture.entry(named: "xl/worksheets/sheet2.xml", in: bytes))
        bytes[sheet.centralCRCOffset] ^= 0xFF
        let url = try ZipFixture.write(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: WorkbookError.self) { _ = try rows(of: url.path, sheet: "Return") }
        #expect(error?.kind == .corruptArchive)
        #expect(error?.cause.contains("CRC-32") == true, "\(String(describing: error))")
    }

    @Test("a part with a DOCTYPE is damaged (OPC forbids DTDs; entities came in through them)",
          arguments: ["doctype-sheet.xlsx", "doctype-workbook.xlsx"])
    func doctype(name: String) throws {
        let error = #expect(throws: WorkbookError.self) { _ = try rows(of: workbookPath("errors/" + name), sheet: "Return") }
        #expect(error?.kind == .malformedPart, "\(String(describing: error))")
        #expect(error?.message.contains("<!DOCTYPE") == true, "\(String(describing: error))")
    }

    @Test("prologs: the declaration, comments and instructions pass; a DOCTYPE anywhere before the root does not", arguments: [
        ("<?xml version=\"1.0\"?><worksheet/>", XMLProlog.Verdict.clean),
        ("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- a <!DOCTYPE in a comment --><?pi x?><a/>", .clean),
        ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", .doctype),
        ("<?xml version=\"1.0\"?><!-- c --><!doctype a><a/>", .doctype),
        ("<?xml version=\"1.0\"?><!-", .undecided),
        ("<?xml version=\"1.0\"", .undecided),
        ("application/vnd.oasis.opendocument.spreadsheet", .clean),
    ])
    func prolog(text: String, verdict: XMLProlog.Verdict) {
        #expect(XMLProlog.scan(Array(text.utf8)) == verdict)
    }

    @Test("a FIFO is refused, not waited on")
    func fifo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-fifo-\(getpid()).xlsx").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let error = #expect(throws: WorkbookError.self) { _ = try Workbook(path: path) }
        #expect(error?.kind == .notAWorkbook)
    }
}

/// Finds a part in a ZIP file the way APPNOTE.TXT lays it out, independently of the reader
/// under test: by scanning for the central directory record with the part's name.
enum ZipFixture {
    struct Located {
        var dataOffset: Int
        var compressedSize: Int
        var centralCRCOffset: Int
    }

    static func entry(named name: String, in data: Data) -> Located? {
        let bytes = [UInt8](data)
        let nameBytes = Array(name.utf8)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        var i = 0
        while i + 46 < bytes.count {
            if u32(i) == 0x0201_4B50, u16(i + 28) == nameBytes.count,
               Array(bytes[i + 46 ..< i + 46 + nameBytes.count]) == nameBytes {
                let local = u32(i + 42)
                return Located(dataOffset: local + 30 + u16(local + 26) + u16(local + 28),
                               compressedSize: u32(i + 20), centralCRCOffset: i + 16)
            }
            i += 1
        }
        return nil
    }

    static func write(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-zip-\(UUID().uuidString).xlsx")
        try data.write(to: url)
        return url
    }
}
