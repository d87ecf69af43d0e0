/// A syntax error in a pipeline file, at the place the parser stopped.
struct TOMLSyntaxError: Error, Sendable, Equatable {
    var message: String
    var position: TOMLPosition
}

/// A strict parser for the subset of TOML 1.0 that pipeline files need, written here
/// rather than taken from a library so that every key and value keeps its line and
/// column: a wrong key must be reported at its line (SPEC §3, exit 78), and TOMLKit
/// (toml++) only exposes positions for syntax errors, not for the keys of a parsed table.
///
/// Supported: comments; `key = value` with bare or quoted keys; `[table]` and
/// `[[array-of-tables]]` headers with one-part names; basic and literal strings (one line),
/// decimal integers, floats, booleans, arrays (over several lines, with comments and a
/// trailing comma) and inline tables. Anything else — dotted keys, multi-line strings,
/// dates, hexadecimal numbers, `inf`/`nan` — is rejected with its position, never guessed.
struct TOMLParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Root keys created by `[[name]]` headers (other arrays cannot take more elements).
    private var arrayTableKeys: Set<String> = []

    /// The deepest nesting of arrays and inline tables a value may have. The built-in
    /// pipeline needs 2 (`pairs = [ { x = …, y = … } ]`); 32 leaves room for any real
    /// file while bounding the parser's recursion (and Swift's recursive destruction of
    /// the tree), so a hostile `x = [[[[…` is a bad pipeline (exit 78), not a stack overflow.
    static let maximumNestingDepth = 32

    private var depth = 0
    /// The key whose value is being parsed, for the nesting error.
    private var currentKey = ""

    private init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// Parses a whole document into its root table.
    static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
        var parser = TOMLParser(text)
        return try parser.parseDocument()
    }

    // MARK: Document structure

    /// Where key/value lines go: the root, or the table opened by the last header. The
    /// table under construction is kept out of the tree until the next header, and the
    /// elements of each `[[array]]` are collected in `DocumentBuilder.arrays`, so adding
    /// a key or an element never copies what was built before: loading is linear in the
    /// file's size (100,000 `[[groups]]` in well under a second).
    private enum Target { case root, table(Int), arrayElement(Int) }

    private struct DocumentBuilder {
        var root = TOMLTable(position: TOMLPosition(line: 1, column: 1))
        var rootKeys: [String: Int] = [:]
        var target = Target.root
        var open = TOMLTable(position: TOMLPosition(line: 1, column: 1))
        var openKeys: [String: Int] = [:]
        /// Elements of each array of tables, by the root entry that will hold them.
        var arrays: [Int: [TOMLNode]] = [:]

        mutating func add(_ entry: TOMLEntry) throws(TOMLSyntaxError) {
            switch target {
            case .root: try TOMLParser.add(entry, to: &root, keys: &rootKeys)
            case .table, .arrayElement: try TOMLParser.add(entry, to: &open, keys: &openKeys)
            }
        }

        /// Puts the table under construction into the tree.
        mutating func closeTable() {
            let table = open
            open = TOMLTable(position: table.position)
            openKeys = [:]
            switch target {
            case .root: return
            case .table(let index): root.entries[index].node.value = .table(table)
            case .arrayElement(let index):
                arrays[index, default: []].append(TOMLNode(value: .table(table), position: table.position))
            }
        }

        mutating func finish() -> TOMLTable {
            closeTable()
            target = .root
            for (index, elements) in arrays {
                root.entries[index].node.value = .array(elements)
            }
            arrays = [:]
            return root
        }
    }

    private mutating func parseDocument() throws(TOMLSyntaxError) -> TOMLTable {
        var document = DocumentBuilder()
        while true {
            skipSpaces()
            guard let scalar = peek() else { break }
            switch scalar {
            case "\n", "\r":
                try consumeNewline()
            case "#":
                skipComment()
            case "[":
                try parseHeader(into: &document)
                try expectEndOfLine()
            default:
                let entry = try parseKeyValue()
                try document.add(entry)
                try expectEndOfLine()
            }
        }
        return document.finish()
    }

    private mutating func parseHeader(into document: inout DocumentBuilder) throws(TOMLSyntaxError) {
        let position = currentPosition
        advance()
        let isArray = peek() == "["
        if isArray { advance() }
        skipSpaces()
        let (key, _) = try parseKey()
        skipSpaces()
        if peek() == "." {
            throw error("dotted table names are not supported in pipeline files; use a one-word name like [bands]")
        }
        try expect("]", "expected `]` to close the table header")
        if isArray { try expect("]", "expected `]]` to close the array-of-tables header") }
        document.closeTable()
        document.open = TOMLTable(position: position)
        if let existing = document.rootKeys[key] {
            guard isArray, arrayTableKeys.contains(key) else {
                throw TOMLSyntaxError(message: "`\(key)` is already defined at line \(document.root.entries[existing].keyPosition.line)",
                                      position: position)
            }
            document.target = .arrayElement(existing)
            return
        }
        let placeholder: TOMLValue = isArray ? .array([]) : .table(TOMLTable(position: position))
        if isArray { arrayTableKeys.insert(key) }
        document.rootKeys[key] = document.root.entries.count
        document.root.entries.append(TOMLEntry(key: key, keyPosition: position,
                                               node: TOMLNode(value: placeholder, position: position)))
        let index = document.root.entries.count - 1
        document.target = isArray ? .arrayElement(index) : .table(index)
    }

    /// Appends `entry` to `table`, refusing a key defined twice; `keys` indexes the
    /// table's keys so that the check stays constant-time however many keys it has.
    private static func add(_ entry: TOMLEntry, to table: inout TOMLTable,
                            keys: inout [String: Int]) throws(TOMLSyntaxError) {
        if let existing = keys[entry.key] {
            throw TOMLSyntaxError(message: "`\(entry.key)` is already defined at line \(table.entries[existing].keyPosition.line)",
                                  position: entry.keyPosition)
        }
        keys[entry.key] = table.entries.count
        table.entries.append(entry)
    }

    private mutating func parseKeyValue() throws(TOMLSyntaxError) -> TOMLEntry {
        let (key, keyPosition) = try parseKey()
        skipSpaces()
        if peek() == "." {
            throw error("dotted keys are not supported in pipeline files; put the key under a [table] header")
        }
        try expect("=", "expected `=` after the key `\(key)`")
        skipSpaces()
        if depth == 0 { currentKey = key }
        let node = try parseValue()
        return TOMLEntry(key: key, keyPosition: keyPosition, node: node)
    }

    private mutating func parseKey() throws(TOMLSyntaxError) -> (String, TOMLPosition) {
        let position = currentPosition
        switch peek() {
        case "\"": return (try parseBasicString(), position)
        case "'": return (try parseLiteralString(), position)
        default:
            let start = index
            while let scalar = peek(), Self.isBareKeyScalar(scalar) { advance() }
            let key = text(start..<index)
            if key.isEmpty { throw error("expected a key (letters, digits, `_` or `-`)") }
            return (key, position)
        }
    }

    // MARK: Values

    private mutating func parseValue() throws(TOMLSyntaxError) -> TOMLNode {
        let position = currentPosition
        guard let scalar = peek() else { throw error("expected a value") }
        let value: TOMLValue
        switch scalar {
        case "\"": value = .string(try parseBasicString())
        case "'": value = .string(try parseLiteralString())
        case "[", "{":
            guard depth < Self.maximumNestingDepth else {
                throw error("the value of `\(currentKey)` nests arrays and inline tables more than "
                            + "\(Self.maximumNestingDepth) levels deep")
            }
            depth += 1
            defer { depth -= 1 }
            value = scalar == "[" ? .array(try parseArray()) : .table(try parseInlineTable())
        default: value = try parseScalarWord()
        }
        return TOMLNode(value: value, position: position)
    }

    private mutating func parseArray() throws(TOMLSyntaxError) -> [TOMLNode] {
        advance()
        var elements: [TOMLNode] = []
        while true {
            try skipSpacesNewlinesAndComments()
            if peek() == "]" { advance(); return elements }
            elements.append(try parseValue())
            try skipSpacesNewlinesAndComments()
            switch peek() {
            case ",": advance()
            case "]": advance(); return elements
            default: throw error("expected `,` or `]` in the array")
            }
        }
    }

    private mutating func parseInlineTable() throws(TOMLSyntaxError) -> TOMLTable {
        var table = TOMLTable(position: currentPosition)
        var keys: [String: Int] = [:]
        advance()
        skipSpaces()
        if peek() == "}" { advance(); return table }
        while true {
            skipSpaces()
            let entry = try parseKeyValue()
            try Self.add(entry, to: &table, keys: &keys)
            skipSpaces()
            switch peek() {
            case ",": advance()
            case "}": advance(); return table
            default: throw error("expected `,` or `}` in the inline table (an inline table stays on one line)")
            }
        }
    }

    private mutating func parseBasicString() throws(TOMLSyntaxError) -> String {
        advance()
        if peek() == "\"", peek(offset: 1) == "\"" {
            throw error("multi-line strings (\"\"\") are not supported in pipeline files")
        }
        var text = ""
        var plainStart = index  // scalars not yet copied into `text`: copied in one go
        while true {
            guard let scalar = peek(), scalar != "\n", scalar != "\r" else {
                throw error("unterminated string: add the closing `\"` on the same line")
            }
            if scalar == "\"" || scalar == "\\" {
                text += self.text(plainStart..<index)
                plainStart = index + 1
            }
            advance()
            switch scalar {
            case "\"": return text
            case "\\":
                text.unicodeScalars.append(try parseEscape())
                plainStart = index
            default:
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F {
                    throw error("control character U+\(String(scalar.value, radix: 16, uppercase: true)) in a string")
                }
            }
        }
    }

    private mutating func parseEscape() throws(TOMLSyntaxError) -> Unicode.Scalar {
        guard let scalar = peek() else { throw error("unterminated escape sequence") }
        advance()
        switch scalar {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let width = scalar == "u" ? 4 : 8
            var hex = ""
            for _ in 0..<width {
                guard let digit = peek(), digit.properties.isASCIIHexDigit else {
                    throw error("`\\\(scalar)` needs \(width) hexadecimal digits")
                }
                hex.unicodeScalars.append(digit)
                advance()
            }
            guard let code = UInt32(hex, radix: 16), let result = Unicode.Scalar(code) else {
                throw error("`\\\(scalar)\(hex)` is not a Unicode scalar value")
            }
            return result
        default:
            throw error("unknown escape `\\\(scalar)` (use `\\\\` for a backslash)")
        }
    }

    private mutating func parseLiteralString() throws(TOMLSyntaxError) -> String {
        advance()
        if peek() == "'", peek(offset: 1) == "'" {
            throw error("multi-line strings (''') are not supported in pipeline files")
        }
        var text = ""
        while true {
            guard let scalar = peek(), scalar != "\n", scalar != "\r" else {
                throw error("unterminated string: add the closing `'` on the same line")
            }
            advance()
            if scalar == "'" { return text }
            text.unicodeScalars.append(scalar)
        }
    }

    /// `true`, `false`, or a decimal number; anything else is reported as unquoted text.
    private mutating func parseScalarWord() throws(TOMLSyntaxError) -> TOMLValue {
        let start = currentPosition
        var word = ""
        while let scalar = peek(), Self.isBareKeyScalar(scalar) || "+.:".unicodeScalars.contains(scalar) {
            word.unicodeScalars.append(scalar)
            advance()
        }
        if word == "true" { return .boolean(true) }
        if word == "false" { return .boolean(false) }
        if let number = Self.number(word) { return number }
        let shown = word.isEmpty ? String(peek().map(Character.init) ?? " ") : word
        throw TOMLSyntaxError(message: "`\(shown)` is not a value: text needs quotes (\"\(shown)\"), numbers are "
                              + "decimal (3.5, 10, 1e-3), booleans are true/false", position: start)
    }

    /// A TOML decimal integer or float; `nil` for anything else (hex, dates, inf, nan…).
    static func number(_ word: String) -> TOMLValue? {
        guard !word.isEmpty, !word.contains(":") else { return nil }
        let characters = Array(word)
        for (offset, character) in characters.enumerated() where character == "_" {
            let before = offset > 0 ? characters[offset - 1] : " "
            let after = offset + 1 < characters.count ? characters[offset + 1] : " "
            guard before.isASCII, before.isNumber, after.isASCII, after.isNumber else { return nil }
        }
        let plain = word.replacingUnderscores()
        let unsigned = plain.first == "+" || plain.first == "-" ? plain.dropFirst() : Substring(plain)
        guard let first = unsigned.first, first.isASCII, first.isNumber else { return nil }
        if unsigned.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if unsigned.count > 1, first == "0" { return nil }  // TOML forbids leading zeros
            return Int(plain).map(TOMLValue.integer)
        }
        let integerPart = unsigned.prefix { $0.isASCII && $0.isNumber }
        if integerPart.count > 1, integerPart.first == "0" { return nil }
        if let dot = unsigned.firstIndex(of: ".") {
            let next = unsigned.index(after: dot)
            guard next < unsigned.endIndex, unsigned[next].isASCII, unsigned[next].isNumber else { return nil }
        }
        guard unsigned.allSatisfy({ $0.isASCII && ($0.isNumber || "eE.+-".contains($0)) }),
              let value = Double(plain), value.isFinite else { return nil }
        return .float(value)
    }

    private static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    // MARK: Low-level scanning

    private var currentPosition: TOMLPosition { TOMLPosition(line: line, column: index - lineStart + 1) }

    private func peek(offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() { index += 1 }

    /// The scalars in `range` as a string, in one allocation.
    private func text(_ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[range])
        return String(result)
    }

    private mutating func skipSpaces() {
        while let scalar = peek(), scalar == " " || scalar == "\t" { advance() }
    }

    private mutating func skipComment() {
        while let scalar = peek(), scalar != "\n", scalar != "\r" { advance() }
    }

    private mutating func consumeNewline() throws(TOMLSyntaxError) {
        if peek() == "\r" {
            advance()
            guard peek() == "\n" else { throw error("a carriage return must be followed by a line feed") }
        }
        advance()
        line += 1
        lineStart = index
    }

    private mutating func skipSpacesNewlinesAndComments() throws(TOMLSyntaxError) {
        while let scalar = peek() {
            switch scalar {
            case " ", "\t": advance()
            case "#": skipComment()
            case "\n", "\r": try consumeNewline()
            default: return
            }
        }
    }

    /// After a header or key/value: only spaces and a comment may follow on the line.
    private mutating func expectEndOfLine() throws(TOMLSyntaxError) {
        skipSpaces()
        if peek() == "#" { skipComment() }
        guard let scalar = peek() else { return }
        guard scalar == "\n" || scalar == "\r" else {
            throw error("unexpected `\(Character(scalar))`: one key = value per line (a comment starts with #)")
        }
        try consumeNewline()
    }

    private mutating func expect(_ scalar: Unicode.Scalar, _ message: String) throws(TOMLSyntaxError) {
        guard peek() == scalar else { throw error(message) }
        advance()
    }

    private func error(_ message: String) -> TOMLSyntaxError {
        TOMLSyntaxError(message: message, position: currentPosition)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
