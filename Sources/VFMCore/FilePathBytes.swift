import Foundation

/// A file path as the kernel sees it: bytes, not necessarily UTF-8.
///
/// Linux file names are any bytes but `/` and NUL. A Swift `String` made from such a name
/// repairs invalid UTF-8 into U+FFFD, and a path rebuilt from the repaired string names
/// another file (or none) — so inputs are found and opened through these bytes, and
/// `display` (invalid bytes and control characters written `\xNN`) is used only in
/// messages and as the name an input has in the outputs.
public struct FilePathBytes: Sendable, Hashable, CustomStringConvertible {
    /// The path's bytes, without a terminating NUL.
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// The path of a command-line argument. `CommandLine.arguments` (and so every parsed
    /// option) holds the repaired string of a non-UTF-8 argument; the original bytes are
    /// found again in `argv` by that repaired form.
    public init(argument: String) {
        if argument.unicodeScalars.contains("\u{FFFD}"),
           let raw = Self.argumentBytes(repairedAs: argument) {
            bytes = raw
        } else {
            bytes = Array(argument.utf8)
        }
    }

    /// `self/component`.
    public func appending(_ component: [UInt8]) -> FilePathBytes {
        var result = bytes
        if result.last != UInt8(ascii: "/") { result.append(UInt8(ascii: "/")) }
        return FilePathBytes(bytes: result + component)
    }

    /// The last path component's bytes.
    public var lastComponent: [UInt8] {
        var end = bytes.endIndex
        while end > bytes.startIndex + 1, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? bytes.startIndex
        return Array(bytes[start..<end])
    }

    /// The path for people: see `FilePathBytes.escaped(_:)`.
    public var display: String { Self.escaped(bytes) }

    public var description: String { display }

    /// Calls `body` with the path as a NUL-terminated C string.
    public func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// Valid UTF-8 as it is; each byte of an invalid sequence and each C0 control character
    /// or DEL as `\xNN` — so a name is printed on one line, unambiguously enough to find
    /// the file, and is always valid UTF-8 in the outputs.
    public static func escaped(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self),
           !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return text
        }
        var result = ""
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length > 0, let scalar = String(validating: bytes[index..<index + length], as: UTF8.self),
               !(length == 1 && (bytes[index] < 0x20 || bytes[index] == 0x7F)) {
                result += scalar
                index += length
            } else {
                result += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return result
    }

    /// The length of the UTF-8 sequence its lead byte announces, if it fits; 0 otherwise.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        return index + length <= bytes.count ? length : 0
    }

    private static func argumentBytes(repairedAs argument: String) -> [UInt8]? {
        for position in 0..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[position] else { continue }
            let raw = Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                                count: strlen(pointer)))
            if String(decoding: raw, as: UTF8.self) == argument { return raw }
        }
        return nil
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
