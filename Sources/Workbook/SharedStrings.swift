/// `xl/sharedStrings.xml` (ECMA-376 Part 1 §18.4): the strings cells of type `s` index
/// into, read once into one buffer of UTF-8 bytes with the end of each string beside it.
///
/// Why one buffer: a 10⁵-row return has about 10⁵ shared strings; as `[String]` each was a
/// separate allocation and most of the part's reading time (issue 30). A cell's `String` is
/// made when the cell is read, from its bytes here.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    /// Appends one string (its bytes, already unescaped).
    mutating func append(_ string: some Collection<UInt8>) {
        bytes.append(contentsOf: string)
        ends.append(bytes.count)
    }

    /// String `index`, or nil when the workbook has no such string.
    func string(_ index: Int) -> String? {
        guard index >= 0, index < ends.count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return String(decoding: bytes[start ..< ends[index]], as: UTF8.self)
    }
}

/// Reads `sharedStrings.xml`'s items (`si`) into `SharedStrings`: a rich-text string is the
/// concatenation of its runs' `t`; phonetic runs (`rPh`) are not part of it; `_xHHHH_`
/// escapes are decoded (`XstringEscapes`).
final class SharedStringsReader: XMLEventHandler {
    private(set) var strings = SharedStrings()
    private let limit: Int
    private(set) var overLimit = false
    private var current: [UInt8] = []
    private var inItem = false, inText = false, phoneticDepth = 0

    init(limit: Int) { self.limit = limit }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) -> Bool {
        if name.equals("si") {
            inItem = true
            current.removeAll(keepingCapacity: true)
        } else if name.equals("rPh") {
            phoneticDepth += 1
        } else if name.equals("t") {
            inText = inItem && phoneticDepth == 0
        }
        return true
    }

    func endElement(_ name: XMLName) -> Bool {
        if name.equals("si") {
            guard strings.count < limit else {
                overLimit = true
                return false
            }
            if XstringEscapes.mayContain(current) {
                strings.append(XstringEscapes.decode(String(decoding: current, as: UTF8.self)).utf8)
            } else {
                strings.append(current)
            }
            inItem = false
        } else if name.equals("rPh") {
            phoneticDepth -= 1
        } else if name.equals("t") {
            inText = false
        }
        return true
    }

    func characters(_ text: XMLBytes) {
        if inText { text.append(to: &current) }
    }
}
