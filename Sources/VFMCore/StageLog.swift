import Foundation

/// Log lines on stderr (SPEC §3): one line per stage with counts and time; warnings;
/// errors. `quiet` keeps errors only. Nothing goes to stdout, which belongs to data.
public struct StageLog: Sendable {
    public var quiet: Bool

    public init(quiet: Bool = false) { self.quiet = quiet }

    public func info(_ line: String) {
        if !quiet { Self.emit(line) }
    }

    public func warning(_ line: String) {
        if !quiet { Self.emit("warning: " + line) }
    }

    public func error(_ line: String) { Self.emit("error: " + line) }

    /// One line, its control characters made visible (`TerminalText`): a message quotes
    /// third parties' cells, and nothing in one may drive the reader's terminal.
    static func emit(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(line) + "\n").utf8))
    }
}
