import PropertyBased
import Testing
@testable import Tabular

/// The cell-by-cell encoder the big run files are written with. Expected bytes are written
/// out by hand from RFC 4180, the OWASP neutralising rule and SPEC §7's number rules
/// (Swift's shortest round-trip `description` for non-integral values).
struct CSVLineEncoderTests {
    private static func line(_ encode: (inout CSVLineEncoder) -> Void) -> String {
        var encoder = CSVLineEncoder()
        encode(&encoder)
        return String(decoding: encoder.bytes, as: UTF8.self)
    }

    @Test("cells are separated by commas and a missing value is an empty cell")
    func separatesCells() {
        var encoder = CSVLineEncoder()
        encoder.append(text: "Leeds")
        encoder.appendEmpty()
        encoder.append(number: nil)
        encoder.append(text: nil)
        encoder.append(count: 3)
        #expect(encoder.bytes == Array("Leeds,,,,3".utf8))
        #expect(encoder.cellCount == 5)
        encoder.reset()
        encoder.append(count: nil)
        #expect(encoder.bytes.isEmpty && encoder.cellCount == 1)
    }

    @Test("text is neutralised against formulas and quoted when it holds a comma, quote, CR or LF",
          arguments: [
            ("Plain", "Plain"), ("=SUM(A1)", "'=SUM(A1)"), ("'=x", "''=x"), ("'Ello", "'Ello"), ("-12.5", "-12.5"),
            ("-cmd", "'-cmd"), ("+44 1234", "'+44 1234"), ("@home", "'@home"), ("\tTab", "'\tTab"),
            ("=a,b", "\"'=a,b\""), ("Smith, \"Jones\"", "\"Smith, \"\"Jones\"\"\""), ("two\nlines", "\"two\nlines\""),
            ("cr\rhere", "\"cr\rhere\""), ("£263,132", "\"£263,132\""), ("Ça va", "Ça va"), ("", ""),
            // `=` with a combining accent is one Character that is not `=`: not neutralised.
            ("=\u{301}x", "=\u{301}x"),
            // CR LF is one Character, not CR: as `neutralise` has always read it.
            ("\r\nx", "\"\r\nx\""),
          ])
    func encodesText(text: String, expected: String) {
        #expect(Self.line { $0.append(text: text) } == expected)
    }

    @Test("numbers: integral values as digits, others as the shortest round-trip form, never -0, non-finite empty",
          arguments: [
            (0.0, "0"), (-0.0, "0"), (1.0, "1"), (-7.0, "-7"), (263132.0, "263132"), (1730.5, "1730.5"), (-12.5, "-12.5"),
            (0.1 + 0.2, "0.30000000000000004"), (1.0 / 3.0, "0.3333333333333333"), (632.1818181818181, "632.1818181818181"),
            // The 10^15 boundary: below it integers are digits, from it on `description`,
            // which writes whole values below 2^53 in full with `.0` and larger ones with
            // an exponent (as Swift 6.3's `Double.description` prints them, the reference).
            (999_999_999_999_999.0, "999999999999999"), (-999_999_999_999_999.0, "-999999999999999"),
            (1e15, "1000000000000000.0"), (-1e15, "-1000000000000000.0"), (999_999_999_999_999.5, "999999999999999.5"),
            // 2^53 − 1, 2^53 and 2^53 + 1 (which rounds to 2^53), then 10^16.
            (9_007_199_254_740_991.0, "9007199254740991.0"), (9_007_199_254_740_992.0, "9007199254740992.0"),
            (Double(9_007_199_254_740_993 as Int64), "9007199254740992.0"), (1e16, "1e+16"),
            (1e300, "1e+300"), (0.001, "0.001"), (1e-5, "1e-05"),
            // The smallest subnormal and the smallest normal.
            (Double.leastNonzeroMagnitude, "5e-324"), (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (Double.nan, ""), (Double.infinity, ""), (-Double.infinity, ""),
          ])
    func encodesNumbers(value: Double, expected: String) {
        #expect(Self.line { $0.append(number: value) } == expected)
        #expect(NumberFormatting.csv(value) == expected)
    }

    @Test("whole numbers are written as their digits", arguments: [
        (0, "0"), (7, "7"), (-7, "-7"), (10, "10"), (1_000_000, "1000000"),
        (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
    ])
    func encodesCounts(value: Int, expected: String) {
        #expect(Self.line { $0.append(count: value) } == expected)
        #expect(NumberFormatting.csv(value) == expected)
    }

    @Test("a text cell composed of pieces is written as the joined text would be")
    func composesText() {
        #expect(Self.line { encoder in
            encoder.appendText { bytes in
                bytes += Array("=a".utf8)
                bytes += Array(",b".utf8)
            }
        } == "\"'=a,b\"")
        #expect(Self.line { $0.appendText { _ in } } == "")
    }

    @Test("a source is its file and line as one text cell", arguments: [
        ("returns.csv", 12, "returns.csv:12"), ("a,b.csv", 3, "\"a,b.csv:3\""), ("=x.csv", 4, "'=x.csv:4"),
        ("-1", 2, "'-1:2"), ("", 5, ":5"), ("'", 6, "':6"),
    ])
    func encodesSource(file: String, line: Int, expected: String) {
        #expect(Self.line { $0.append(source: file, line: line) } == expected)
    }

    @Test("cells encoded once are copied after the encoder's own cells, separators included")
    func copiesCells() {
        var service = CSVLineEncoder()
        service.append(text: "A")
        service.append(text: "B, C")
        var row = CSVLineEncoder()
        row.append(cellsOf: service)
        row.append(number: 2.5)
        #expect(row.bytes == Array("A,\"B, C\",2.5".utf8) && row.cellCount == 3)

        var blank = CSVLineEncoder()
        blank.appendEmpty()
        var other = CSVLineEncoder()
        other.append(text: "x")
        other.append(cellsOf: CSVLineEncoder())
        other.append(cellsOf: blank)
        #expect(other.bytes == Array("x,".utf8) && other.cellCount == 2)
    }

    @Test("a comma, quote, CR or LF is found at any position of a cell, and near misses are not")
    func findsQuotingBytes() {
        // Neighbours of the four bytes, and the four with the high bit set (UTF-8 continuation-like).
        let nearMisses: [UInt8] = [0x2B, 0x2D, 0x21, 0x23, 0x09, 0x0B, 0x0C, 0x0E, 0xAC, 0xA2, 0x8A, 0x8D, 0x00, 0xFF]
        for length in 0...40 {
            for filler in nearMisses + [UInt8(ascii: "a")] {
                let plain = [UInt8](repeating: filler, count: length)
                #expect(!plain.withUnsafeBytes { CSVEncoding.holdsQuotingByte($0) }, "\(length) × \(filler)")
                for position in 0..<length {
                    for special in [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")] {
                        var cell = plain
                        cell[position] = special
                        #expect(cell.withUnsafeBytes { CSVEncoding.holdsQuotingByte($0) }, "\(special) at \(position) of \(length)")
                    }
                }
                // A cell after others in a record: the bytes before it (commas, quotes) are not its.
                for before in 0...9 {
                    let record = [UInt8](repeating: UInt8(ascii: ","), count: before) + plain
                    #expect(!record.withUnsafeBytes { CSVEncoding.holdsQuotingByte($0, from: before) },
                            "\(length) × \(filler) after \(before) commas")
                    if length > 0 {
                        var marked = record
                        marked[before + length - 1] = UInt8(ascii: "\"")
                        #expect(marked.withUnsafeBytes { CSVEncoding.holdsQuotingByte($0, from: before) },
                                "a quote last of \(length) after \(before)")
                        marked = record
                        marked[before] = UInt8(ascii: "\n")
                        #expect(marked.withUnsafeBytes { CSVEncoding.holdsQuotingByte($0, from: before) },
                                "LF first of \(length) after \(before)")
                    }
                }
            }
        }
    }

    @Test("the byte path of the number formatter gives the String path's characters for any bit pattern")
    func numberPathsAgree() async {
        await propertyCheck(count: 2000, input: Gen.uint64()) { bits in
            for value in [Double(bitPattern: bits), Double(Int64(truncatingIfNeeded: bits) >> 10),
                          Double(bitPattern: bits).rounded()] {
                var bytes: [UInt8] = []
                NumberFormatting.append(value, to: &bytes)
                #expect(bytes == Array(NumberFormatting.csv(value).utf8), "\(value)")
                #expect(Self.line { $0.append(number: value) } == NumberFormatting.csv(value), "\(value)")
                // After a cell, the comma and the number are written together.
                #expect(Self.line { $0.append(text: "a"); $0.append(number: value) } == "a," + NumberFormatting.csv(value))
            }
            let whole = Int(truncatingIfNeeded: bits)
            for count in [whole, whole >> 33, whole >> 53, Int.min, Int.max, 0, 9, 10, 99, 100, 999, 1000, 9999, 10_000,
                          -1, -9999, -10_000] {
                #expect(Self.line { $0.append(count: count) } == String(count))
                #expect(Self.line { $0.appendEmpty(); $0.append(count: count); $0.append(count: nil) } == "," + String(count) + ",")
                #expect(Self.line { $0.append(number: 1.5); $0.append(text: String(count)) } == "1.5," + String(count))
            }
        }
    }

    @Test("a record much longer than a typical one is written whole, and a reset leaves nothing of it behind")
    func growsAndResets() {
        var encoder = CSVLineEncoder()
        let long = String(repeating: "a\"b,", count: 3000)  // 15 000 bytes, quoted and doubled: 21 002
        encoder.append(text: long)
        for index in 0..<500 { encoder.append(count: index) }
        let expected = CSVEncoding.quoteIfNeeded(long) + "," + (0..<500).map(String.init).joined(separator: ",")
        #expect(String(decoding: encoder.bytes, as: UTF8.self) == expected)
        #expect(encoder.cellCount == 501)
        encoder.reset()
        encoder.append(text: "x")
        encoder.appendEmpty()
        #expect(encoder.bytes == Array("x,".utf8))
    }

    @Test("a number is written as digits exactly when it is whole and below 10^15, as `rounded()` decides it")
    func wholenessAgreesWithRounding() async {
        // Bit patterns of every magnitude, and values near whole numbers and near 10^15.
        let nearWhole = Gen.int64(in: -2_000_000_000_000_000...2_000_000_000_000_000).map { Double($0) / 2 }
        await propertyCheck(count: 3000, input: Gen.uint64(), nearWhole) { bits, half in
            for value in [Double(bitPattern: bits), half, half.nextUp, half.nextDown, 1e15.nextDown, -1e15.nextDown,
                          Double(bitPattern: bits).rounded()] where value.isFinite && value != 0 {
                let whole = value == value.rounded() && abs(value) < 1e15
                let expected = whole ? String(Int64(value)) : value.description
                #expect(NumberFormatting.csv(value) == expected, "\(value)")
            }
        }
    }

    static let palette: [String] = [",", "\"", "\r", "\n", "\r\n", " ", "\t", "=", "-", "+", "@", "'", "a", "£", "é",
                                    "\u{0301}", "1", "."]
    static let cell = Gen.int(in: 0...(palette.count - 1)).array(of: 0...6).map { $0.map { palette[$0] }.joined() }

    @Test("a text cell on the byte path is what quoting the neutralised String gives")
    func textPathsAgree() async {
        await propertyCheck(count: 2000, input: Self.cell) { text in
            let expected = CSVEncoding.quoteIfNeeded(CSVInjection.neutralise(text))
            #expect(Self.line { $0.append(text: text) } == expected)
        }
    }
}
