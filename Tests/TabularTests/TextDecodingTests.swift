import Tabular
import Testing

@Suite("text decoding: UTF-8 with or without BOM, else Windows-1252, never U+FFFD")
struct TextDecodingTests {
    /// Bytes 0x80–0xFF decoded by Python 3.11's cp1252 codec
    /// (`bytes([b]).decode("cp1252")`; nil = UnicodeDecodeError) — independent of our table.
    static let python1252: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
        0x017D, nil, nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, nil, 0x017E, 0x0178,
    ] + (0xA0...0xFF).map { UInt32($0) }

    @Test("every Windows-1252 byte decodes as Python's cp1252 does; the five undefined bytes are errors")
    func fullTable() throws {
        for (offset, expected) in Self.python1252.enumerated() {
            let byte = UInt8(0x80 + offset)
            // A lone high byte after ASCII is never valid UTF-8, so the file is read as 1252.
            let input: [UInt8] = [UInt8(ascii: "a"), byte]
            if let expected {
                let decoded = try TextDecoding.decode(input)
                #expect(decoded.encoding == .windows1252)
                let text = String(decoding: decoded.utf8, as: UTF8.self)
                #expect(text.unicodeScalars.map(\.value) == [0x61, expected], "byte \(byte)")
            } else {
                #expect(throws: TextDecodingError.undefinedByte(byte, line: 1)) { try TextDecoding.decode(input) }
            }
        }
    }

    @Test("£ as 0xA3 is Windows-1252; £ as C2 A3 is UTF-8; a BOM is removed")
    func detection() throws {
        let windows = try TextDecoding.decode([0xA3, 0x31])
        #expect(windows.encoding == .windows1252)
        #expect(windows.utf8 == Array("£1".utf8))
        #expect(!windows.looksMixed)
        let utf8 = try TextDecoding.decode(Array("£1".utf8))
        #expect(utf8.encoding == .utf8)
        let bom = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("a,b".utf8))
        #expect(bom.encoding == .utf8WithBOM)
        #expect(bom.utf8 == Array("a,b".utf8))
    }

    @Test("a file mixing UTF-8 £ and a Windows-1252 byte is decoded as 1252 and marked as mixed")
    func mixed() throws {
        let decoded = try TextDecoding.decode(Array("£1,".utf8) + [0xA3])
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.looksMixed)
    }

    @Test("ill-formed UTF-8 (overlong, surrogate, truncated) is not UTF-8", arguments: [
        [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x91, 0x80, 0x80], [0xF8],
    ] as [[UInt8]])
    func illFormed(bytes: [UInt8]) throws {
        #expect(try TextDecoding.decode(bytes).encoding == .windows1252)
    }

    @Test("NUL bytes and UTF-16 are errors with their line")
    func errors() {
        #expect(throws: TextDecodingError.nulByte(line: 3)) { try TextDecoding.decode(Array("a\r\nb\rc\0".utf8)) }
        #expect(throws: TextDecodingError.utf16) { try TextDecoding.decode([0xFF, 0xFE, 0x61, 0x00]) }
        #expect(throws: TextDecodingError.invalidUTF8AfterBOM(line: 2)) {
            try TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x61, 0x0A, 0xA3])
        }
    }
}
