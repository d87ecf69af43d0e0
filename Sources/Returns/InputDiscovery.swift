import Foundation
import VFMCore

/// An input file and the name it has in every output.
public struct InputFile: Sendable, Equatable {
    public var path: String
    /// Relative to the `--input` argument it came from; a file given directly: its base name (SPEC §7).
    public var displayName: String
}

/// Turns `--input` arguments into files (SPEC §3): a file is itself, a directory is every
/// `*.csv` and `*.xlsx` directly inside it (not in subdirectories; `.CSV` too; hidden files
/// such as `._x.csv` skipped; `~$x.xlsx`, the lock file Excel leaves beside an open
/// workbook, skipped with a warning), sorted by name. Output names must be unique, because
/// every accepted or rejected row is named by `file:line`.
public enum InputDiscovery {
    /// The returns' file extensions read from a directory.
    static let extensions = [".csv", ".xlsx"]

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
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw VFMError(.noInput, "input not found", file: input, hint: "check the path given to --input")
            }
            if !isDirectory.boolValue {
                files.append(InputFile(path: input, displayName: URL(fileURLWithPath: input).lastPathComponent))
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: input)
            } catch {
                throw VFMError(.noInput, "cannot list directory", file: input, hint: "check its permissions")
            }
            let csvNames = names.filter { name in
                let lowered = name.lowercased()
                guard !name.hasPrefix("."), extensions.contains(where: lowered.hasSuffix) else { return false }
                if name.hasPrefix("~$") {
                    warnings.append("\(name): skipped — an Excel lock file (the workbook `\(name.dropFirst(2))` is open in Excel), not a return")
                    return false
                }
                var nestedIsDirectory: ObjCBool = false
                let path = (input as NSString).appendingPathComponent(name)
                return FileManager.default.fileExists(atPath: path, isDirectory: &nestedIsDirectory) && !nestedIsDirectory.boolValue
            }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            guard !csvNames.isEmpty else {
                throw VFMError(.noInput, "directory holds no *.csv or *.xlsx file", file: input,
                               hint: "put the returns there as .csv or .xlsx files (subdirectories are not read), or pass the files directly")
            }
            files += csvNames.map { InputFile(path: (input as NSString).appendingPathComponent($0), displayName: $0) }
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
        return (files.sorted { $0.displayName.utf8.lexicographicallyPrecedes($1.displayName.utf8) }, warnings.sorted())
    }
}
