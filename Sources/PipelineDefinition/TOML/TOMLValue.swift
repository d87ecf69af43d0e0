/// Where a key or value starts in a pipeline file (1-based line and column, columns
/// counted in Unicode scalars), so that every complaint about the file can name its line.
struct TOMLPosition: Sendable, Equatable {
    var line: Int
    var column: Int
}

/// A value of the TOML subset that pipeline files use (see `TOMLParser`).
indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case array([TOMLNode])
    case table(TOMLTable)

    /// The TOML type name, as used in error messages ("expected a string, found an array").
    var typeName: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a number"
        case .boolean: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        }
    }
}

/// A value together with the place it was written.
struct TOMLNode: Sendable, Equatable {
    var value: TOMLValue
    var position: TOMLPosition
}

/// One `key = value` line (or the key of a `[table]` / `[[array]]` header).
struct TOMLEntry: Sendable, Equatable {
    var key: String
    var keyPosition: TOMLPosition
    var node: TOMLNode
}

/// A table whose keys keep their file order and positions.
struct TOMLTable: Sendable, Equatable {
    var entries: [TOMLEntry] = []
    /// Where the table was opened (its header, its `{`, or line 1 for the root).
    var position: TOMLPosition

    func entry(_ key: String) -> TOMLEntry? { entries.first { $0.key == key } }

    func index(of key: String) -> Int? { entries.firstIndex { $0.key == key } }
}
