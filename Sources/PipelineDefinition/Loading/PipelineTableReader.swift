import VFMCore

/// Reads the keys of one table of a pipeline file with their types checked. Keys the
/// table does not allow are reported first, at their line: a misspelt key must stop the
/// run (exit 78) as "unknown key", not as a missing one or be silently ignored.
struct PipelineTableReader {
    let table: TOMLTable
    /// Dotted path for messages: `checks`, `groups[2]`, `correlations.pairs[1]`.
    let path: String
    let file: String

    init(_ table: TOMLTable, path: String, file: String, keys allowed: [String]) throws(VFMError) {
        self.table = table
        self.path = path
        self.file = file
        for entry in table.entries where !allowed.contains(entry.key) {
            let expected = allowed.map { "`\($0)`" }.joined(separator: ", ")
            let place = path.isEmpty ? "at the top of the file" : "in [\(path)]"
            throw VFMError(.badPipeline, "unknown key \(place)", file: file,
                           line: entry.keyPosition.line, column: qualified(entry.key),
                           hint: "check the spelling; the keys allowed here are \(expected)")
        }
    }

    func qualified(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The node for `key`, or an error naming the table's line when it is missing.
    func required(_ key: String) throws(VFMError) -> TOMLNode {
        guard let entry = table.entry(key) else {
            let place = path.isEmpty ? "the file" : "[\(path)]"
            throw VFMError(.badPipeline, "missing key `\(qualified(key))` in \(place)", file: file,
                           line: table.position.line, column: qualified(key),
                           hint: "add it (see Pipelines/ndti-2014.toml for every key with a comment)")
        }
        return entry.node
    }

    func optional(_ key: String) -> TOMLNode? {
         table.entry(key)?.node
    }

    func string(_ key: String) throws(VFMError) -> String {
        try Self.string(try required(key), key: qualified(key), file: file)
    }

    func number(_ key: String) throws(VFMError) -> Double {
        try Self.number(try required(key), key: qualified(key), file: file)
    }

    func boolean(_ key: String) throws(VFMError) -> Bool {
        let node = try required(key)
        guard case .boolean(let value) = node.value else { throw Self.typeError(node, expected: "true or false", key: qualified(key), file: file) }
        return value
    }

    func array(_ key: String) throws(VFMError) -> [TOMLNode] {
        let node = try required(key)
        guard case .array(let elements) = node.value else { throw Self.typeError(node, expected: "an array [ … ]", key: qualified(key), file: file) }
        return elements
    }

    func stringArray(_ key: String) throws(VFMError) -> [(String, TOMLNode)] {
        var result: [(String, TOMLNode)] = []
        for (offset, element) in try array(key).enumerated() {
            result.append((try Self.string(element, key: "\(qualified(key))[\(offset + 1)]", file: file), element))
        }
        return result
    }

    /// Every table of an array (`[[groups]]` or `[ { … }, { … } ]`) as a reader.
    func tables(_ key: String, keys: [String]) throws(VFMError) -> [PipelineTableReader] {
        var result: [PipelineTableReader] = []
        for (offset, element) in try array(key).enumerated() {
            result.append(try Self.table(element, path: "\(qualified(key))[\(offset + 1)]", file: file, keys: keys))
        }
        return result
    }

    /// A sub-table (`[checks]`) as a reader.
    func table(_ key: String, keys: [String]) throws(VFMError) -> PipelineTableReader {
        try Self.table(try required(key), path: qualified(key), file: file, keys: keys)
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

    static func table(_ node: TOMLNode, path: String, file: String, keys: [String]) throws(VFMError) -> PipelineTableReader {
        guard case .table(let table) = node.value else { throw typeError(node, expected: "a table", key: path, file: file) }
        return try PipelineTableReader(table, path: path, file: file, keys: keys)
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
