import Foundation
import VFMCore

/// Where `vfm run` finds its default input, the synthetic sample fixture (SPEC §8), when no
/// `--input` is given. Looked for, first match wins:
/// 1. `$VFM_SAMPLE` — an explicit path (an error if it names no file);
/// 2. `Fixtures/returns/sample-70.csv` in the current directory or any parent — running
///    from anywhere inside a checkout;
/// 3. the same, walking up from the executable — `.build/…/vfm` inside a checkout;
/// 4. `<prefix>/share/vfm/sample-70.csv` beside `<prefix>/bin/vfm` — an installed copy.
///
/// Every copy is the same file and is named by its base name in the outputs, so which
/// one is found does not change a byte of the run.
public enum SampleInput {
    public static let environmentVariable = "VFM_SAMPLE"
    public static let repositoryPath = "Fixtures/returns/sample-70.csv"
    public static let installedPath = "share/vfm/sample-70.csv"

    /// - Throws: `.noInput` (66) when no copy is found.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentDirectory: String = FileManager.default.currentDirectoryPath,
                              executable: String? = executablePath()) throws(VFMError) -> String {
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            guard isFile(explicit) else {
                throw VFMError(.noInput, "the sample fixture named by $\(environmentVariable) does not exist", file: explicit,
                               hint: "point \(environmentVariable) at sample-70.csv, or pass --input")
            }
            return explicit
        }
        if let found = searchUpwards(from: currentDirectory) { return found }
        if let executable {
            let binDirectory = URL(fileURLWithPath: executable).deletingLastPathComponent()
            if let found = searchUpwards(from: binDirectory.path) { return found }
            let installed = binDirectory.deletingLastPathComponent().appendingPathComponent(installedPath).path
            if isFile(installed) { return installed }
        }
        throw VFMError(.noInput, "no --input given and the sample fixture \(repositoryPath) was not found",
                       hint: "pass --input FILE_OR_DIRECTORY (a cron job should always), run inside a checkout, "
                           + "or set \(environmentVariable)")
    }

    private static func searchUpwards(from start: String) -> String? {
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent(repositoryPath).path
            if isFile(candidate) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The running executable with symlinks resolved (`/proc/self/exe` on Linux), so that a
    /// `vfm` linked into `~/bin` still finds its installation's `share/`.
    public static func executablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return Bundle.main.executablePath
    }
}
