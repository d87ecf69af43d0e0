/// UTF-8 bytes that libxml2 hands to one parse event: an element's local name, an
/// attribute's value, a piece of character data. They point into the parser's own buffers
/// and are valid only until the event returns, so a handler compares them, parses them or
/// copies them (`append(to:)`, `string`), and never keeps them.
///
/// Why bytes and not `String`: a worksheet of 10⁵ returns has millions of elements and
/// attributes; comparing `c`, `r` or `t` as a few bytes costs nothing, where building a
/// `String` and a dictionary for each (what `XMLParser` did) was most of the read (issue 30).
struct XMLBytes {
    private let buffer: UnsafeBufferPointer<UInt8>

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    var count: Int { buffer.count }
    var isEmpty: Bool { buffer.isEmpty }

    /// Whether the bytes are exactly `literal`'s (an ASCII name such as `row`).
    @inline(__always)
    func equals(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard length == buffer.count else { return false }
        let expected = literal.utf8Start
        for index in 0 ..< length where buffer[index] != expected[index] { return false }
        return true
    }

    /// Appends the bytes to `bytes` (a cell's value, a shared string being read).
    @inline(__always)
    func append(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: buffer)
    }

    /// The bytes as text (libxml2 has already checked and converted them to UTF-8).
    var string: String { String(decoding: buffer, as: UTF8.self) }

    /// The bytes as `Int(String)` reads them: an optional `+` or `-`, then one or more ASCII
    /// digits, nothing else; nil when out of range.
    var integer: Int? { ASCIIInteger.parse(buffer) }

    /// Hands the bytes to `body` (for parsers that work on a buffer).
    func withBuffer<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result { body(buffer) }
}

/// An element's or attribute's local name as libxml2 hands it over: NUL-terminated, valid
/// during the event only. Compared with a literal byte by byte, with no length taken first
/// (names are a few bytes, compared millions of times).
struct XMLName {
    private let bytes: UnsafePointer<UInt8>

    init(_ bytes: UnsafePointer<UInt8>) { self.bytes = bytes }

    /// Whether the name is exactly `literal` (an ASCII name such as `row`).
    @inline(__always)
    func equals(_ literal: StaticString) -> Bool {
        let expected = literal.utf8Start
        let length = literal.utf8CodeUnitCount
        // A shorter name stops at its NUL, which no literal byte equals.
        for index in 0 ..< length where bytes[index] != expected[index] { return false }
        return bytes[length] == 0
    }

    var string: String { String(cString: bytes) }
}

/// The attributes libxml2's SAX2 `startElementNs` passes: five pointers per attribute (local
/// name, prefix, namespace URI, start and end of the value), the value already normalised
/// and with character and predefined entity references replaced.
struct XMLAttributes {
    private let fields: UnsafePointer<UnsafePointer<UInt8>?>?
    let count: Int

    init(_ fields: UnsafePointer<UnsafePointer<UInt8>?>?, count: Int) {
        self.fields = fields
        self.count = fields == nil ? 0 : count
    }

    /// The value of the attribute named `name` with no prefix (`r`, `t`, `s`): an attribute
    /// `x:r` is another attribute, as it was for `XMLParser` without namespace processing.
    subscript(_ name: StaticString) -> XMLBytes? {
        for index in 0 ..< count where prefix(index) == nil && localName(index).equals(name) { return value(index) }
        return nil
    }

    /// Hands each attribute without a prefix to `body`, in document order (a cell's `r`, `t`
    /// and `s` in one pass).
    @inline(__always)
    func forEachUnprefixed(_ body: (XMLName, XMLBytes) -> Void) {
        for index in 0 ..< count where prefix(index) == nil { body(localName(index), value(index)) }
    }

    /// The value of `name` without a prefix, else of the first `prefix:name` (`mergeCell`'s
    /// `ref`), else nil.
    func value(anyPrefix name: StaticString) -> XMLBytes? {
        if let plain = self[name] { return plain }
        for index in 0 ..< count where localName(index).equals(name) { return value(index) }
        return nil
    }

    /// The value of the first attribute whose local name is `name`, whatever its prefix
    /// (`r:id`, written with whichever prefix the writer chose for the relationships namespace).
    func value(anyPrefixFirst name: StaticString) -> XMLBytes? {
        for index in 0 ..< count where localName(index).equals(name) { return value(index) }
        return nil
    }

    private func localName(_ index: Int) -> XMLName {
        XMLName(fields![5 * index]!)
    }

    private func prefix(_ index: Int) -> UnsafePointer<UInt8>? {
        fields![5 * index + 1]
    }

    private func value(_ index: Int) -> XMLBytes {
        guard let start = fields![5 * index + 3], let end = fields![5 * index + 4] else {
            return XMLBytes(UnsafeBufferPointer(start: nil, count: 0))
        }
        return XMLBytes(UnsafeBufferPointer(start: start, count: end - start))
    }
}

/// `Int(String)`'s grammar on bytes: `[+-]?[0-9]+`, in range.
enum ASCIIInteger {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative ? times10.subtractingReportingOverflow(Int(digit))
                                             : times10.addingReportingOverflow(Int(digit))
            guard !overflowA, !overflowB else { return nil }
            value = next
            index += 1
        }
        return value
    }
}
