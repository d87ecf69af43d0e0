/// The words a return uses for "missing" (SPEC §4; configurable in the pipeline). The
/// study's questionnaire asked respondents never to leave a box blank but to write "0",
/// "no info available" or "don't know": those words mean *missing*, never zero, in text
/// columns too. Matching ignores case, surrounding whitespace and the kind of apostrophe
/// (`don't` and `don’t`), because spreadsheets turn one into the other.
package struct MissingValueWords: Sendable {
    private let words: Set<String>
    /// Longest word in UTF-8 bytes: longer cells are not compared at all (fast path).
    private let longestWord: Int

    package init(_ words: [String]) {
        let normalised = words.map(Self.normalise).filter { !$0.isEmpty }
        self.words = Set(normalised)
        // A curly apostrophe is 3 UTF-8 bytes where the normalised word has 1.
        longestWord = (normalised.map(\.utf8.count).max() ?? 0) * 3
        var firstBytes: Set<UInt8> = []
        for word in normalised {
            guard let first = word.utf8.first else { continue }
            if first >= 0x80 { continue }  // non-ASCII leads always pass the pre-check
            firstBytes.insert(first)
            if let upper = String(UnicodeScalar(first)).uppercased().utf8.first { firstBytes.insert(upper) }
            if first == UInt8(ascii: "'") { firstBytes.insert(UInt8(ascii: "`")) }
        }
        possibleFirstBytes = firstBytes
        firstByteTable = (0..<128).map { firstBytes.contains(UInt8($0)) }
        firstScalars = Set(normalised.compactMap(\.unicodeScalars.first))
        twoByteMayStartWord = []
        twoByteMayStartWord = (0x80..<0x800).map { value in
            Unicode.Scalar(UInt32(value)).map { mayStartWord(String($0)) } ?? true
        }
    }

    /// `mayStartWord` for every scalar of two UTF-8 bytes (U+0080–U+07FF, such as `£` and
    /// accented letters), indexed by scalar − 0x80: decided once, not per cell.
    private var twoByteMayStartWord: [Bool]

    /// The first scalars of the normalised words, for cells that start with a non-ASCII
    /// scalar (`£263,132`): only a scalar that lower-cases to one of them (or an apostrophe)
    /// can start a word.
    private let firstScalars: Set<Unicode.Scalar>
    private static let apostrophes: Set<Unicode.Scalar> = ["’", "‘", "ʼ", "`", "´"]

    /// Whether `text`, whose first scalar is not ASCII, may normalise to a word.
    func mayStartWord(_ text: String) -> Bool {
        guard let scalar = text.unicodeScalars.first else { return true }
        if Self.apostrophes.contains(scalar), firstScalars.contains("'") { return true }
        guard let lowered = String(scalar).lowercased().unicodeScalars.first else { return true }
        return firstScalars.contains(lowered)
    }

    /// `possibleFirstBytes` as a table over the ASCII bytes (no hashing per cell).
    private let firstByteTable: [Bool]

    /// First bytes a cell can start with and still be a word (both ASCII cases); every
    /// non-ASCII lead byte is let through. Numbers, the common case, stop here.
    private let possibleFirstBytes: Set<UInt8>

    /// True when the already-trimmed `cell` is empty or one of the words.
    package func isMissing(_ cell: Substring) -> Bool {
        guard let first = cell.utf8.first else { return true }
        if first < 0x80, !possibleFirstBytes.contains(first) { return false }
        if cell.utf8.count > longestWord { return false }
        return words.contains(Self.normalise(cell))
    }

    /// An ASCII byte of a word as matched: lower case, a backtick read as an apostrophe.
    @inline(__always)
    static func normalisedASCII(_ byte: UInt8) -> UInt8 {
        if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { return byte + 32 }
        return byte == UInt8(ascii: "`") ? UInt8(ascii: "'") : byte
    }

    static func normalise<S: StringProtocol>(_ text: S) -> String {
        let trimmed = CellText.trimmed(text)
        if trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (most cells): lower-case the bytes directly.
            return String(decoding: trimmed.utf8.map(normalisedASCII), as: UTF8.self)
        }
        var result = ""
        for character in CellText.trimmed(text).lowercased() {
            switch character {
            case "’", "‘", "ʼ", "`", "´": result.append("'")
            default: result.append(character)
            }
        }
        return result
    }
}

/// Whitespace handling for cells: spreadsheets pad cells with spaces, tabs and
/// non-breaking spaces.
package enum CellText {
    package static func trimmed<S: StringProtocol>(_ text: S) -> Substring {
        let substring = Substring(text)
        // Fast path: starts and ends with a visible ASCII character (most cells).
        if let first = substring.utf8.first, let last = substring.utf8.last,
           first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return substring
        }
        let scalars = substring.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else {
            return Substring("")
        }
        return Substring(scalars[first...last])
    }
}

extension MissingValueWords {
    /// `isMissing` on a trimmed cell's UTF-8 bytes: numbers and names are told apart from
    /// the words by their first byte or their length, with no `String` made.
    func isMissing(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = cell.first else { return true }
        if first < 0x80, !firstByteTable[Int(first)] { return false }
        if cell.count > longestWord { return false }
        if first >= 0xC2, first < 0xE0, cell.count >= 2 {
            let scalar = Int(first & 0x1F) << 6 | Int(cell[1] & 0x3F)
            if !twoByteMayStartWord[scalar - 0x80] { return false }
        } else if first >= 0x80,
                  !mayStartWord(String(decoding: UnsafeBufferPointer(rebasing: cell.prefix(4)), as: UTF8.self)) {
            return false
        }
        if cell.allSatisfy({ $0 < 0x80 }) {
            // `normalise` of an ASCII cell, already trimmed, on the bytes: one `String`, made
            // in place (and not allocated at all when short).
            let normalised = String(unsafeUninitializedCapacity: cell.count) { buffer in
                for (index, byte) in cell.enumerated() { buffer[index] = Self.normalisedASCII(byte) }
                return cell.count
            }
            return words.contains(normalised)
        }
        return isMissing(Substring(String(decoding: cell, as: UTF8.self)))
    }
}

/// `CellText.trimmed` on bytes: most cells start and end with a visible ASCII byte and
/// are passed on as they are; ASCII whitespace is cut from the bytes; a cell whose edge is
/// then non-ASCII (perhaps a no-break space) is trimmed as text.
enum CellTrim {
    static func withTrimmed<R>(_ cell: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let trimmed = trimmedInPlace(cell) { return body(trimmed) }
        var text = trimmedText(cell)
        return text.withUTF8(body)
    }

    /// The trimmed cell as a part of `cell`, or `nil` when an edge is non-ASCII whitespace
    /// (perhaps a no-break space) and the cell must be trimmed as text (`trimmedText`).
    @inline(__always)
    static func trimmedInPlace(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var start = 0, end = cell.count
        while start < end, isASCIIWhitespace(cell[start]) { start += 1 }
        while end > start, isASCIIWhitespace(cell[end - 1]) { end -= 1 }
        // A non-ASCII edge (`£263,132`) needs the text path only when it is whitespace.
        if start == end || (!isWhitespace(scalarStarting: start, in: cell) && !isWhitespace(scalarEnding: end, in: cell)) {
            return UnsafeBufferPointer(rebasing: cell[start..<end])
        }
        return nil
    }

    /// `cell` trimmed as text (`CellText.trimmed`).
    static func trimmedText(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        String(CellText.trimmed(String(decoding: cell, as: UTF8.self)))
    }

    /// Whether the scalar whose UTF-8 starts at `index` is White_Space (bytes checked by
    /// `TextScan`, so valid UTF-8; anything else is simply not whitespace).
    private static func isWhitespace(scalarStarting index: Int, in cell: UnsafeBufferPointer<UInt8>) -> Bool {
        let lead = cell[index]
        guard lead >= 0x80 else { return false }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= cell.count else { return false }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(cell[index + offset] & 0x3F) }
        // Of the two-byte scalars (such as `£`) only U+0085 and U+00A0 are White_Space
        // (Unicode PropList.txt): no property lookup for them.
        if length == 2 { return value == 0x85 || value == 0xA0 }
        return Unicode.Scalar(value)?.properties.isWhitespace ?? false
    }

    /// The same for the scalar whose UTF-8 ends just before `end`.
    private static func isWhitespace(scalarEnding end: Int, in cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = end - 1
        guard cell[start] >= 0x80 else { return false }
        while start > 0, cell[start] & 0xC0 == 0x80, end - start < 4 { start -= 1 }
        return isWhitespace(scalarStarting: start, in: cell)
    }

    /// U+0009–U+000D and U+0020: the ASCII members of Unicode's White_Space.
    @inline(__always)
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
