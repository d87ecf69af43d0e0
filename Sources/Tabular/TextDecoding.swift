/// How an input file's bytes were read (recorded per file in `ingest/inputs.json`).
public enum SourceEncoding: String, Sendable, Equatable, CaseIterable {
    case utf8 = "utf-8"
    case utf8WithBOM = "utf-8-bom"
    case windows1252 = "windows-1252"
}

/// An input file's text as UTF-8 bytes ready for `CSVRecordParser`, with how it was decoded.
public struct DecodedText: Sendable, Equatable {
    public var utf8: [UInt8]
    public var encoding: SourceEncoding
    /// True when a file decoded as Windows-1252 also holds byte sequences that are valid
    /// multi-byte UTF-8 (such as `Â£`): probably two encodings pasted together.
    public var looksMixed: Bool
}

/// Why a file's bytes are not text we can read (SPEC §3: exit 65, naming file and line).
/// Lines are physical lines, 1-based, counted as `CSVRecordParser` counts them.
public enum TextDecodingError: Error, Sendable, Equatable {
    /// A NUL byte: binary data, or UTF-16 without a byte-order mark.
    case nulByte(line: Int)
    /// A byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) in a file that
    /// is not valid UTF-8 either.
    case undefinedByte(UInt8, line: Int)
    /// The file starts with a UTF-8 byte-order mark but is not valid UTF-8.
    case invalidUTF8AfterBOM(line: Int)
    /// The file starts with a UTF-16 byte-order mark.
    case utf16
}

/// Reads the bytes of a return the way spreadsheets write them (SPEC §4): UTF-8 with or
/// without a byte-order mark, otherwise Windows-1252. Nothing is ever replaced by U+FFFD:
/// bytes that fit neither encoding are an error naming their line.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8]) throws(TextDecodingError) -> DecodedText {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw .utf16
        }
        if let nul = bytes.firstIndex(of: 0) { throw .nulByte(line: physicalLine(ofOffset: nul, in: bytes)) }

        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let start = hasBOM ? 3 : 0
        let scan = UTF8Validation.scan(bytes, from: start)
        if scan.firstInvalidOffset == nil {
            return DecodedText(utf8: hasBOM ? Array(bytes[3...]) : bytes,
                               encoding: hasBOM ? .utf8WithBOM : .utf8, looksMixed: false)
        }
        if hasBOM, let offset = scan.firstInvalidOffset {
            throw .invalidUTF8AfterBOM(line: physicalLine(ofOffset: offset, in: bytes))
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for (offset, byte) in bytes.enumerated() {
            guard let scalar = Windows1252.scalar(for: byte) else {
                throw .undefinedByte(byte, line: physicalLine(ofOffset: offset, in: bytes))
            }
            Windows1252.appendUTF8(scalar, to: &output)
        }
        return DecodedText(utf8: output, encoding: .windows1252, looksMixed: scan.validMultibyteSequences > 0)
    }

    /// The physical line (1-based) holding `offset`: LF, CRLF and a lone CR each end a line.
    public static func physicalLine(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
            } else if byte == UInt8(ascii: "\r"), !(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")) {
                line += 1
            }
            index += 1
        }
        return line
    }
}

/// Strict UTF-8 validation (Unicode 15, Table 3-7: no overlong forms, no surrogates,
/// nothing above U+10FFFF), reporting where the first ill-formed sequence starts.
enum UTF8Validation {
    struct Scan {
        var firstInvalidOffset: Int?
        /// Well-formed sequences of two or more bytes seen (in the whole input).
        var validMultibyteSequences: Int
    }

    static func scan(_ bytes: [UInt8], from start: Int) -> Scan {
        var result = Scan(firstInvalidOffset: nil, validMultibyteSequences: 0)
        var index = start
        let count = bytes.count
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            offset < count && range.contains(bytes[offset])
        }
        while index < count {
            let lead = bytes[index]
            var length = 0
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = continuation(index + 1) ? 2 : 0
            case 0xE0: length = continuation(index + 1, 0xA0...0xBF) && continuation(index + 2) ? 3 : 0
            case 0xE1...0xEC, 0xEE...0xEF: length = continuation(index + 1) && continuation(index + 2) ? 3 : 0
            case 0xED: length = continuation(index + 1, 0x80...0x9F) && continuation(index + 2) ? 3 : 0
            case 0xF0:
                length = continuation(index + 1, 0x90...0xBF) && continuation(index + 2) && continuation(index + 3) ? 4 : 0
            case 0xF1...0xF3:
                length = continuation(index + 1) && continuation(index + 2) && continuation(index + 3) ? 4 : 0
            case 0xF4:
                length = continuation(index + 1, 0x80...0x8F) && continuation(index + 2) && continuation(index + 3) ? 4 : 0
            default: length = 0
            }
            if length == 0 {
                if result.firstInvalidOffset == nil { result.firstInvalidOffset = index }
                index += 1
            } else {
                if length > 1 { result.validMultibyteSequences += 1 }
                index += length
            }
        }
        return result
    }
}
