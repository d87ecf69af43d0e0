/// The byte-level form of `CSVEncoding`: a record is encoded straight into a reused byte
/// buffer, cell by cell, without building a `String` per cell or per line (as rust-csv's
/// `Writer` does). `CSVEncoding.line` is defined through this, so a file written by
/// `CSVFileWriter` and a document built by `CSVWriter` have the same bytes.
extension CSVEncoding {
    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"),
        cr = UInt8(ascii: "\r")

    /// Appends one record of fields, with its final LF, to `bytes`.
    public static func appendLine(_ row: [CSVField], to bytes: inout [UInt8]) {
        var encoder = CSVLineEncoder(continuing: bytes)
        bytes = []  // the encoder's buffer stays uniquely referenced: no copy
        for field in row { encoder.append(field) }
        encoder.endLine()
        bytes = encoder.bytes
    }

    /// Appends one record of plain cells (quoted where needed, not neutralised), with its
    /// final LF, to `bytes`.
    public static func appendLine(_ cells: [String], to bytes: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(comma) }
            appendQuotedIfNeeded(cell, to: &bytes)
        }
        bytes.append(lf)
    }

    /// `cell`'s UTF-8, in double quotes with inner quotes doubled when it holds a comma, a
    /// quote, CR or LF — byte for byte what `quoteIfNeeded` gives (all four are ASCII, and
    /// no byte of a multi-byte UTF-8 sequence is ASCII).
    static func appendQuotedIfNeeded(_ cell: String, to bytes: inout [UInt8]) {
        let start = bytes.count
        appendUTF8(cell, to: &bytes)
        quoteIfNeeded(&bytes, from: start)
    }

    /// `text`'s UTF-8 appended in one copy (a native or small string is contiguous).
    @inline(__always)
    public static func appendUTF8(_ text: String, to bytes: inout [UInt8]) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Turns the raw text cell `bytes[start...]` into what `quoteIfNeeded(neutralise(text))`
    /// gives. Almost every cell starts with none of the bytes a formula trigger or `'` can
    /// start with (`CSVInjection.mayNeedPrefix`) and holds none of the four quoting bytes:
    /// those are checked on the bytes in place; the rest take the `String` path.
    static func finishTextCell(_ bytes: inout [UInt8], from start: Int) {
        guard start < bytes.count else { return }
        if CSVInjection.mayNeedPrefix(firstByte: bytes[start]),
           CSVInjection.needsPrefix(Substring(String(decoding: bytes[start...], as: UTF8.self))) {
            bytes.insert(CSVInjection.prefix, at: start)  // what `neutralise` prepends
        }
        quoteIfNeeded(&bytes, from: start)
    }

    /// Puts the cell `bytes[start...]` in double quotes, inner quotes doubled, when it holds
    /// a comma, a quote, CR or LF.
    static func quoteIfNeeded(_ bytes: inout [UInt8], from start: Int) {
        let needsQuotes = bytes.withUnsafeBytes { holdsQuotingByte($0, from: start) }
        guard needsQuotes else { return }
        if !bytes[start...].contains(quote) {
            // A comma or a line break but no quote to double (`Service 0, Ltd`): the cell
            // only moves one byte along.
            bytes.insert(quote, at: start)
            bytes.append(quote)
            return
        }
        let cell = Array(bytes[start...])
        bytes.removeSubrange(start...)
        bytes.append(quote)
        for byte in cell {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
    }

    /// Whether `bytes[start...]` hold a comma, a quote, CR or LF: sixteen bytes at a time,
    /// each compared with the four at once (`QuotingBytes`); the last bytes, fewer than
    /// sixteen, are the sixteen that end the buffer with the lanes before them dropped
    /// (a cell is most often a name of a dozen bytes: one comparison, not one a byte).
    /// A buffer shorter than sixteen bytes is read a word at a time.
    @inline(__always)
    static func holdsQuotingByte(_ bytes: UnsafeRawBufferPointer, from start: Int = 0) -> Bool {
        guard bytes.count >= 16 else { return holdsQuotingByteInWords(bytes, from: start) }
        var index = start
        while index + 16 <= bytes.count {
            if QuotingBytes.lanes(bytes, at: index) != (0, 0) { return true }
            index += 16
        }
        let rest = bytes.count - index
        guard rest > 0 else { return false }
        // Lane i of the last sixteen bytes is at `count - 16 + i`: the first `16 - rest` are
        // not the cell's. Lanes are bytes of the two words, the lowest byte first.
        let skip = 16 - rest
        var (low, high) = QuotingBytes.lanes(bytes, at: bytes.count - 16)
        if skip >= 8 {
            low = 0
            high >>= UInt64(8 * (skip - 8))
        } else {
            low >>= UInt64(8 * skip)
        }
        return low | high != 0
    }

    /// `holdsQuotingByte(bytes, from: start)` eight bytes at a time (a word has a byte equal
    /// to `b` when `word ^ b·0x0101…` has a zero byte, found with the "has zero byte" trick
    /// of Mycroft, in Anderson's *Bit Twiddling Hacks*), then byte by byte.
    ///
    /// [Bit Twiddling Hacks]: https://graphics.stanford.edu/~seander/bithacks.html#ZeroInWord
    static func holdsQuotingByteInWords(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = start
        while index + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if hasZeroByte(word ^ (ones &* UInt64(comma))) || hasZeroByte(word ^ (ones &* UInt64(quote)))
                || hasZeroByte(word ^ (ones &* UInt64(lf))) || hasZeroByte(word ^ (ones &* UInt64(cr))) {
                return true
            }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == comma || byte == quote || byte == lf || byte == cr { return true }
            index += 1
        }
        return false
    }
}

/// Sixteen bytes compared with a comma, a quote, LF and CR at once (SSE2's `pcmpeqb` on
/// x86-64, NEON's `cmeq` on arm64). The comparisons' lanes are all ones or all zeros; they
/// are read back as two 64-bit words, because `any(_:)` on a mask is not compiled to a
/// vector instruction but to a call per vector.
enum QuotingBytes {
    /// The bytes `bytes[offset ..< offset + 16]` that are one of the four, as 0xFF lanes of
    /// two words (byte i of the range is byte i % 8 of word i / 8, the lowest first).
    @inline(__always)
    static func lanes(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> (UInt64, UInt64) {
        let vector = bytes.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
        let comma = SIMD16<UInt8>(repeating: CSVEncoding.comma), quote = SIMD16<UInt8>(repeating: CSVEncoding.quote)
        let lf = SIMD16<UInt8>(repeating: CSVEncoding.lf), cr = SIMD16<UInt8>(repeating: CSVEncoding.cr)
        let hits = (vector .== comma) .| (vector .== quote) .| (vector .== lf) .| (vector .== cr)
        // A mask is its lanes' storage (sixteen bytes of 0 or −1): the same bits, as words.
        let words = unsafeBitCast(hits, to: SIMD2<UInt64>.self)
        return (UInt64(littleEndian: words[0]), UInt64(littleEndian: words[1]))
    }
}
