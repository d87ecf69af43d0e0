import Foundation

/// Where the package's built executables are, so end-to-end tests run the real binaries
/// (as swift-argument-parser's `AssertExecuteCommand` does).
///
/// Looked for in order: `$VFM_BIN_DIR`; the directory of the running test binary
/// (`.build/<triple>/debug/vfmPackageTests.xctest` sits beside the executables, which
/// `swift test` builds with the tests); `swift build --show-bin-path` run in the
/// repository root.
public enum BuiltProducts {
    public static let directory: URL? = locate()

    /// The built executable `name` (e.g. `vfm`, `vfm-ingest`), or `nil` when not built.
    public static func executable(_ name: String) -> URL? {
        guard let directory else { return nil }
        let url = directory.appendingPathComponent(name)
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    private static func locate() -> URL? {
        let fileManager = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["VFM_BIN_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        var candidates: [URL] = []
        if let running = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var url = URL(fileURLWithPath: running).deletingLastPathComponent()
            // Inside a bundle (`….xctest/Contents/MacOS/…` on Darwin) walk up to its folder.
            while url.path.contains(".xctest") { url.deleteLastPathComponent() }
            candidates.append(url)
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        for candidate in candidates where fileManager.isExecutableFile(atPath: candidate.appendingPathComponent("vfm").path) {
            return candidate
        }
        return showBinPath()
    }

    private static func showBinPath() -> URL? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--show-bin-path"]
        process.currentDirectoryURL = FixturePaths.repositoryRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !path.isEmpty ? URL(fileURLWithPath: path) : nil
    }
}
