import Foundation
import VFMCore

/// An input file and the name it has in every output.
public struct InputFile: Sendable, Equatable {
    /// The path as the kernel knows it (the name may not be UTF-8).
    public var location: FilePathBytes
    /// Relative to the `--input` argument it came from; a file given directly: its base
    /// name (SPEC §7). Escaped (`FilePathBytes.escaped`) when the name is not UTF-8.
    public var displayName: String

    /// The path for messages.
    public var path: String { location.display }

    public init(location: FilePathBytes, displayName: String) {
        self.location = location
        self.displayName = displayName
    }
}

/// Turns `--input` arguments into files (SPEC §3): a file is itself, a directory is every
/// `*.csv` and `*.xlsx` directly inside it (not in subdirectories; `.CSV` too; hidden
/// files such as `._x.csv` skipped; `~$x.xlsx`, the lock file Excel leaves beside an open
/// workbook, skipped with a warning), sorted by name. Output names must be unique, because every
/// accepted or rejected row is named by `file:line`.
///
/// Directories are listed with `readdir(3)` on the raw bytes of names, so no entry is lost
/// to a name that is not UTF-8: every entry with an input extension is either read or
/// reported (66, naming the entry escaped) — a dangling or looping symbolic link, a FIFO,
/// a device. Only subdirectories (and links to them) are passed over, as documented.
public enum InputDiscovery {
    /// File-name extensions read as returns, lower case; one line per format.
    public static let extensions: [[UInt8]] = [
        Array("csv".utf8),
        Array("xlsx".utf8),
    ]

    public static func files(for inputs: [String]) throws(VFMError) -> [InputFile] {
        try scan(inputs).files
    }

    /// The files, and a warning for every lock file skipped.
    public static func scan(_ inputs: [String]) throws(VFMError) -> (files: [InputFile], warnings: [String]) {
        var warnings: [String] = []
        guard !inputs.isEmpty else {
            throw VFMError(.noInput, "no input given", hint: "pass --input FILE or --input DIRECTORY")
        }
        var files: [InputFile] = []
        for input in inputs {
            let location = FilePathBytes(argument: input)
            var info = stat()
            guard location.withCString({ stat($0, &info) }) == 0 else {
                throw missing(location, errno: errno)
            }
            if info.st_mode & S_IFMT != S_IFDIR {
                files.append(InputFile(location: location, displayName: FilePathBytes.escaped(location.lastComponent)))
                continue
            }
            let found = try entries(of: location, warnings: &warnings)
            guard !found.isEmpty else {
                throw VFMError(.noInput, "directory holds no *.csv or *.xlsx file", file: location.display,
                               hint: "put the returns there as .csv or .xlsx files (subdirectories are not read), or pass the files directly")
            }
            files += found
        }
        var seen: [String: String] = [:]
        for file in files {
            if let other = seen[file.displayName] {
                throw VFMError(.usage, "two inputs would both be named `\(file.displayName)` in the outputs (\(other) and \(file.path))",
                               file: file.displayName,
                               hint: "give each file once, and rename files that share a name across input directories")
            }
            seen[file.displayName] = file.path
        }
        return (files.sorted { ByteOrder.precedes($0.displayName, $1.displayName) }, warnings.sorted())
    }

    /// Whether a directory entry's name makes it an input: not hidden, an input extension
    /// in any case.
    static func isInputName(_ name: [UInt8]) -> Bool {
        guard name.first != UInt8(ascii: "."), let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let suffix = name[(dot + 1)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return extensions.contains(suffix)
    }

    /// The input files directly inside `directory`, sorted by the bytes of their names.
    private static func entries(of directory: FilePathBytes, warnings: inout [String]) throws(VFMError) -> [InputFile] {
        guard let stream = directory.withCString({ opendir($0) }) else {
            throw listingError(directory, errno: errno)
        }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw listingError(directory, errno: errno) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if isInputName(name) { names.append(name) }
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        var files: [InputFile] = []
        for name in names {
            let location = directory.appending(name)
            let shown = FilePathBytes.escaped(name)
            if name.starts(with: Array("~$".utf8)) {
                warnings.append("\(shown): skipped — an Excel lock file (the workbook `\(shown.dropFirst(2))` is open in Excel), not a return")
                continue
            }
            var info = stat()
            if location.withCString({ stat($0, &info) }) != 0 {
                throw brokenEntry(location, shown: shown, in: directory, errno: errno)
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                continue  // subdirectories are not read (documented)
            case S_IFREG:
                files.append(InputFile(location: location, displayName: shown))
            default:
                throw VFMError(.noInput, "is not a regular file (\(PosixError.kindName(info.st_mode)))",
                               file: directory.display + "/" + shown,
                               hint: "move it out of the input directory, or replace it with the return as an ordinary file")
            }
        }
        return files
    }

    /// A directory entry `stat` cannot follow: a link that loops or points nowhere.
    private static func brokenEntry(_ location: FilePathBytes, shown: String, in directory: FilePathBytes,
                                    errno code: Int32) -> VFMError {
        let file = directory.display + "/" + shown
        var link = stat()
        let isLink = location.withCString { lstat($0, &link) } == 0 && link.st_mode & S_IFMT == S_IFLNK
        switch code {
        case ELOOP:
            return VFMError(.noInput, "is a symbolic link that loops (too many levels of symbolic links)", file: file,
                            hint: "point the link at the real file, or remove it from the input directory")
        case ENOENT where isLink, ENOTDIR where isLink:
            return VFMError(.noInput, "is a symbolic link to a missing file (\(linkTarget(location)))", file: file,
                            hint: "restore the file it points to, or remove the link from the input directory")
        default:
            return PosixError.opening(code, file: file)
        }
    }

    private static func linkTarget(_ location: FilePathBytes) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = location.withCString { path in
            buffer.withUnsafeMutableBufferPointer { readlink(path, UnsafeMutableRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), $0.count) }
        }
        return count > 0 ? FilePathBytes.escaped(Array(buffer[..<count])) : "unknown target"
    }

    private static func missing(_ location: FilePathBytes, errno code: Int32) -> VFMError {
        switch code {
        case ENOENT, ENOTDIR:
            var link = stat()
            if location.withCString({ lstat($0, &link) }) == 0, link.st_mode & S_IFMT == S_IFLNK {
                return VFMError(.noInput, "is a symbolic link to a missing file (\(linkTarget(location)))",
                                file: location.display, hint: "restore the file it points to, or pass the real file to --input")
            }
            return VFMError(.noInput, "input not found", file: location.display, hint: "check the path given to --input")
        default:
            return PosixError.opening(code, file: location.display)
        }
    }

    private static func listingError(_ directory: FilePathBytes, errno code: Int32) -> VFMError {
        switch code {
        case EACCES, EPERM:
            return VFMError(.noInput, "cannot list directory: permission denied", file: directory.display,
                            hint: "check its permissions (the user running vfm needs read and execute on it)")
        default:
            let failure = PosixError.reading(code, file: directory.display)
            return VFMError(failure.status, "cannot list directory: " + failure.message, file: directory.display,
                            hint: failure.hint)
        }
    }
}
