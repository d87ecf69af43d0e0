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
        let needsQuotes = bytes.withUnsafeBufferPointer { buffer in
            holdsQuotingByte(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[start...]))
        }
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

    /// Whether `bytes` hold a comma, a quote, CR or LF: eight bytes at a time (a word has a
    /// byte equal to `b` when `word ^ b·0x0101…` has a zero byte, found with the "has zero
    /// byte" trick of Mycroft, in Anderson's *Bit Twiddling Hacks*), then byte by byte.
    ///
    /// [Bit Twiddling Hacks]: https://graphics.stanford.edu/~seander/bithacks.html#ZeroInWord
    static func holdsQuotingByte(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
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
