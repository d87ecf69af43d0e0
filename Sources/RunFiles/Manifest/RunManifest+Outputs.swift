import Foundation
import VFMCore

extension RunManifest {
    /// The outputs entry for `runDirectory` as it is now: the SHA-256 of every file that
    /// `outputFiles(in:)` lists (call after every other file is written).
    public static func outputs(in runDirectory: String) throws(VFMError) -> [Output] {
        let paths = try outputFiles(in: runDirectory)
        // A gigabyte of run files at a million services: hashed on all cores, the first
        // failure in path order reported, as a serial loop would.
        let hashes = Parallel.map(paths.count) { index -> Result<String, VFMError> in
            let full = (runDirectory as NSString).appendingPathComponent(paths[index])
            do throws(VFMError) {
                // A file this run wrote and nobody changed since was hashed as it was written.
                if let known = WrittenFileHashes.sha256(ofUnchanged: full) { return .success(known) }
                return .success(try FileSystem.sha256(of: full, displayName: paths[index]))
            } catch {
                return .failure(error)
            }
        }
        var outputs: [Output] = []
        for (path, hash) in zip(paths, hashes) { outputs.append(Output(path: path, sha256: try hash.get())) }
        return outputs
    }

    /// Every regular file under `runDirectory` except `manifest.json` and hidden files
    /// (a lock or editor file is not an output), as `/`-separated relative paths sorted by
    /// their UTF-8 bytes.
    public static func outputFiles(in runDirectory: String) throws(VFMError) -> [String] {
        let root = URL(fileURLWithPath: runDirectory)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else {
            throw VFMError(.noInput, "cannot list the run directory", file: runDirectory,
                           hint: "check that it exists and is readable")
        }
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(rootPath + "/") else { continue }
            let relative = String(full.dropFirst(rootPath.count + 1))
            if relative != RunLayout.manifest { paths.append(relative) }
        }
        return paths.sorted { ByteOrder.precedes($0, $1) }
    }
}
