import VFMCore

/// Reads the keys of one table of a pipeline file with their types checked, and reports
/// any key it was not asked for: a misspelt key must stop the run (exit 78) at its line,
/// not be silently ignored so that the analysis quietly uses a default.
struct PipelineTableReader {
    let table: TOMLTable
    /// Dotted path for messages: `checks`, `groups[2]`, `correlations.pairs[1]`.
    let path: String
    let file: String
    private(set) var readKeys: [String] = []

    init(_ table: TOMLTable, path: String, file: String) {
        self.table = table
        self.path = path
        self.file = file
    }

    private mutating func markRead(_ key: String) {
        if !readKeys.contains(key) { readKeys.append(key) }
    }

    func qualified(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The node for `key`, or an error naming the table's line when it is missing.
    mutating func required(_ key: String) throws(VFMError) -> TOMLNode {
        markRead(key)
        guard let entry = table.entry(key) else {
            let place = path.isEmpty ? "the file" : "[\(path)]"
            throw VFMError(.badPipeline, "missing key `\(qualified(key))` in \(place)", file: file,
                           line: table.position.line, column: qualified(key),
                           hint: "add it (see Pipelines/ndti-2014.toml for every key with a comment)")
        }
        return entry.node
    }

    mutating func optional(_ key: String) -> TOMLNode? {
        markRead(key)
        return table.entry(key)?.node
    }

    mutating func string(_ key: String) throws(VFMError) -> String {
        try Self.string(try required(key), key: qualified(key), file: file)
    }

    mutating func number(_ key: String) throws(VFMError) -> Double {
        try Self.number(try required(key), key: qualified(key), file: file)
    }

    mutating func boolean(_ key: String) throws(VFMError) -> Bool {
        let node = try required(key)
        guard case .boolean(let value) = node.value else { throw Self.typeError(node, expected: "true or false", key: qualified(key), file: file) }
        return value
    }

    mutating func array(_ key: String) throws(VFMError) -> [TOMLNode] {
        let node = try required(key)
        guard case .array(let elements) = node.value else { throw Self.typeError(node, expected: "an array [ … ]", key: qualified(key), file: file) }
        return elements
    }

    mutating func stringArray(_ key: String) throws(VFMError) -> [(String, TOMLNode)] {
        var result: [(String, TOMLNode)] = []
        for (offset, element) in try array(key).enumerated() {
            result.append((try Self.string(element, key: "\(qualified(key))[\(offset + 1)]", file: file), element))
        }
        return result
    }

    /// Every table of an array (`[[groups]]` or `[ { … }, { … } ]`) as a reader.
    mutating func tables(_ key: String) throws(VFMError) -> [PipelineTableReader] {
        var result: [PipelineTableReader] = []
        for (offset, element) in try array(key).enumerated() {
            result.append(try Self.table(element, path: "\(qualified(key))[\(offset + 1)]", file: file))
        }
        return result
    }

    /// A sub-table (`[checks]`) as a reader.
    mutating func table(_ key: String) throws(VFMError) -> PipelineTableReader {
        try Self.table(try required(key), path: qualified(key), file: file)
    }

    /// Fails on the first key that was never read, at its line.
    func rejectUnknownKeys() throws(VFMError) {
        for entry in table.entries where !readKeys.contains(entry.key) {
            let expected = readKeys.map { "`\($0)`" }.joined(separator: ", ")
            let place = path.isEmpty ? "at the top of the file" : "in [\(path)]"
            throw VFMError(.badPipeline, "unknown key `\(qualified(entry.key))` \(place)", file: file,
                           line: entry.keyPosition.line, column: qualified(entry.key),
                           hint: "check the spelling; the keys allowed here are \(expected)")
        }
    }

    // MARK: Typed conversions of single nodes

    static func string(_ node: TOMLNode, key: String, file: String) throws(VFMError) -> String {
        guard case .string(let value) = node.value else { throw typeError(node, expected: "a string in quotes", key: key, file: file) }
        return value
    }

    static func number(_ node: TOMLNode, key: String, file: String) throws(VFMError) -> Double {
        switch node.value {
        case .float(let value): return value
        case .integer(let value): return Double(value)
        default: throw typeError(node, expected: "a number", key: key, file: file)
        }
    }

    static func table(_ node: TOMLNode, path: String, file: String) throws(VFMError) -> PipelineTableReader {
        guard case .table(let table) = node.value else { throw typeError(node, expected: "a table", key: path, file: file) }
        return PipelineTableReader(table, path: path, file: file)
    }

    static func typeError(_ node: TOMLNode, expected: String, key: String, file: String) -> VFMError {
        VFMError(.badPipeline, "`\(key)` must be \(expected), found \(node.value.typeName)", file: file,
                 line: node.position.line, column: key, hint: "correct the value on that line")
    }

    /// A value of the right type that is not allowed (unknown metric, negative tolerance…).
    static func valueError(_ node: TOMLNode, key: String, file: String, _ message: String, hint: String) -> VFMError {
        VFMError(.badPipeline, message, file: file, line: node.position.line, column: key, hint: hint)
    }
}
