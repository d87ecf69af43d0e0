/// An error a user can act on: what went wrong, where (file, line, column or config key),
/// and what to do about it. Every failure that ends a command is one of these, and its
/// `status` is the process exit status (SPEC §3). Like swift-nio's `NIOFS.FileSystemError`
/// it also carries the underlying `cause` and the `location` in vfm's source where it was
/// made, for logs and bug reports; two errors are equal when what the user sees is.
public struct VFMError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The failure underneath: an `errno` from a system call, or a library's error.
    public struct Cause: Sendable, Equatable, CustomStringConvertible {
        /// The `errno` value, when the cause is a failed system call.
        public var code: Int32?
        public var description: String

        /// A failed system call: `call` is what vfm was doing ("writing", "opening").
        public init(errno code: Int32, call: String) {
            self.code = code
            description = "\(call): errno \(code)"
        }

        public init(describing error: any Error) {
            code = nil
            description = String(describing: error)
        }
    }

    /// Where in vfm's source the error was made (`#fileID:#line`).
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        public var fileID: String
        public var line: Int
        public var description: String { "\(fileID):\(line)" }
    }

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

    /// What failed underneath, if anything did; not part of equality.
    public var cause: Cause?
    /// Where the error was made; not part of equality.
    public var location: Location

    public init(_ status: ExitStatus, _ message: String, file: String? = nil, line: Int? = nil,
                column: String? = nil, hint: String? = nil, cause: Cause? = nil,
                thrownIn fileID: String = #fileID, atLine sourceLine: Int = #line) {
        self.cause = cause
        self.location = Location(fileID: fileID, line: sourceLine)
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

    /// The user's line, then the cause and where in vfm it was raised.
    public var debugDescription: String {
        description + (cause.map { " [cause: \($0)]" } ?? "") + " [at \(location)]"
    }

    /// Equal when the user sees the same error: status, message, file, line, column, hint.
    public static func == (lhs: VFMError, rhs: VFMError) -> Bool {
        lhs.status == rhs.status && lhs.message == rhs.message && lhs.file == rhs.file && lhs.line == rhs.line
            && lhs.column == rhs.column && lhs.hint == rhs.hint
    }
}
