/// An error a user can act on: what went wrong, where (file, line, column or config key),
/// and what to do about it. Every failure that ends a command is one of these, and its
/// `status` is the process exit status (SPEC §3).
public struct VFMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exit status this error maps to.
    public var status: ExitStatus
    /// What went wrong, in the user's words ("required column `total_cost` is missing").
    public var message: String
    /// The file (as named in outputs), if the error is about one.
    public var file: String?
    /// 1-based physical line, if known.
    public var line: Int?
    /// Column name or config key, if known.
    public var column: String?
    /// What the user should do next.
    public var hint: String?

    public init(_ status: ExitStatus, _ message: String, file: String? = nil, line: Int? = nil,
                column: String? = nil, hint: String? = nil) {
        self.status = status
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
    }

    /// One line for stderr: `FILE:LINE: column `X`: message — hint`.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            location += ": "
        }
        if let column { location += "`\(column)`: " }
        var text = location + message
        if let hint { text += " — " + hint }
        return text
    }
}
