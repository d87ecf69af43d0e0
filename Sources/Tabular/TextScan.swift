/// Decides how a file's bytes are read (SPEC §4: UTF-8 with or without a byte-order mark,
/// otherwise Windows-1252) from chunks of any size, without holding the file: the same
/// decisions, errors and line numbers as `TextDecoding.decode`, which needs the whole file.
///
/// Feed every chunk to `update`, then `finish` gives the encoding (or the error); a second
/// pass then hands the text to `CSVByteParser` through `TextScan.Result.transcode`, which
/// drops the BOM or turns Windows-1252 into UTF-8 chunk by chunk.
public struct TextScan {
    /// What the whole file turned out to be.
    public struct Result: Sendable, Equatable {
        public var encoding: SourceEncoding
        /// See `DecodedText.looksMixed`.
        public var looksMixed: Bool
        public var bytes: Int

        /// Chunk `chunk` (at file offset `offset`) as UTF-8, for the parser: `body` gets
        /// the bytes themselves when the file is UTF-8 (less the BOM), transcoded bytes
        /// from `scratch` when it is Windows-1252.
        public func transcode(_ chunk: UnsafeBufferPointer<UInt8>, at offset: Int, scratch: inout [UInt8],
                              _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            switch encoding {
            case .utf8:
                body(chunk)
            case .utf8WithBOM:
                let skip = max(0, min(3 - offset, chunk.count))
                body(UnsafeBufferPointer(rebasing: chunk[skip...]))
            case .windows1252:
                scratch.removeAll(keepingCapacity: true)
                for byte in chunk {
                    if byte < 0x80 {
                        scratch.append(byte)
                    } else if let scalar = Windows1252.scalar(for: byte) {
                        Windows1252.appendUTF8(scalar, to: &scratch)
                    }  // undefined bytes were an error in `finish`
                }
                scratch.withUnsafeBufferPointer(body)
            }
        }
    }

    private var head: [UInt8] = []
    private var offset = 0
    private var line = 1
    private var previousWasCR = false
    private var firstNUL: Int?
    private var firstInvalidUTF8: Int?
    private var firstUndefined: (byte: UInt8, line: Int)?
    private var multibyteSequences = 0
    /// UTF-8 decoding state: continuation bytes still needed, the range the next one must
    /// fall in (Unicode 15, Table 3-7), and the line the sequence started on.
    private var needed = 0
    private var low: UInt8 = 0x80, high: UInt8 = 0xBF
    private var sequenceLine = 1

    public init() {}

    public mutating func update(_ chunk: UnsafeBufferPointer<UInt8>) {
        if head.count < 3 { head += chunk.prefix(3 - head.count) }
        var index = 0
        let count = chunk.count
        let raw = UnsafeRawBufferPointer(chunk)
        while index < count {
            // Eight ASCII bytes with no NUL, CR or LF change nothing but the offset (and leave
            // the last byte not a CR): skipped as one word.
            if needed == 0, index + 8 <= count, Self.isPlainASCII(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                previousWasCR = false
                index += 8
                continue
            }
            let byte = chunk[index]
            if byte < 0x80 {
                if needed > 0 { invalid(line: sequenceLine) }
                if byte == 0x0A {
                    if !previousWasCR { line += 1 }
                } else if byte == 0x0D {
                    line += 1
                } else if byte == 0, firstNUL == nil {
                    firstNUL = line
                }
                previousWasCR = byte == 0x0D
                index += 1
                continue
            }
            previousWasCR = false
            if firstUndefined == nil, Windows1252.scalar(for: byte) == nil { firstUndefined = (byte, line) }
            if needed > 0 {
                if byte >= low && byte <= high {
                    needed -= 1
                    low = 0x80
                    high = 0xBF
                    if needed == 0 { multibyteSequences += 1 }
                    index += 1
                    continue
                }
                invalid(line: sequenceLine)
            }
            // A lead byte (the start of the file's BOM is checked as UTF-8 too: EF BB BF is valid).
            sequenceLine = line
            switch byte {
            case 0xC2...0xDF: needed = 1
            case 0xE0: needed = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: needed = 2
            case 0xED: needed = 2; high = 0x9F
            case 0xF0: needed = 3; low = 0x90
            case 0xF1...0xF3: needed = 3
            case 0xF4: needed = 3; high = 0x8F
            default: invalid(line: line)
            }
            index += 1
        }
        offset += count
    }

    /// True when all eight bytes of `word` are ASCII and none is NUL, LF or CR (the "has
    /// zero byte" test of Anderson's *Bit Twiddling Hacks* on `word ^ b·0x0101…`).
    @inline(__always)
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return word & highs == 0 && !hasZeroByte(word) && !hasZeroByte(word ^ (ones &* 0x0A))
            && !hasZeroByte(word ^ (ones &* 0x0D))
    }

    private mutating func invalid(line: Int) {
        if firstInvalidUTF8 == nil { firstInvalidUTF8 = line }
        needed = 0
        low = 0x80
        high = 0xBF
    }

    /// The encoding, or why the bytes are not text we read — in `TextDecoding.decode`'s
    /// order: UTF-16, a NUL byte, invalid UTF-8 after a BOM, a byte Windows-1252 leaves
    /// undefined.
    public mutating func finish() throws(TextDecodingError) -> Result {
        if needed > 0 { invalid(line: sequenceLine) }
        if head.count >= 2, (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) {
            throw .utf16
        }
        if let firstNUL { throw .nulByte(line: firstNUL) }
        let hasBOM = head.count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF
        // The BOM itself is one valid three-byte sequence, not a sign of mixed encodings.
        let sequences = multibyteSequences - (hasBOM ? 1 : 0)
        guard let invalidLine = firstInvalidUTF8 else {
            return Result(encoding: hasBOM ? .utf8WithBOM : .utf8, looksMixed: false, bytes: offset)
        }
        if hasBOM { throw .invalidUTF8AfterBOM(line: invalidLine) }
        if let firstUndefined { throw .undefinedByte(firstUndefined.byte, line: firstUndefined.line) }
        return Result(encoding: .windows1252, looksMixed: sequences > 0, bytes: offset)
    }
}
