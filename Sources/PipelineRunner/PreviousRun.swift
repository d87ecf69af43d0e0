import RunFiles
import Foundation
import Tabular
import VFMCore

/// Tells a previous vfm run, which publishing may replace whole, from any other directory
/// that happens to hold a `manifest.json` (a web app, a package, another tool's output).
///
/// A directory is a previous run when its manifest parses as the manifest vfm writes
/// (`RunManifest.parse`: every key and type), names the tool `vfm`, and the directory holds
/// nothing besides the manifest and the files the manifest lists (and the folders they are
/// in). Anything else there would be deleted with the old run, so its presence is refused
/// (73) and nothing is touched: a person's file added to a published run is kept safe too.
enum PreviousRun {
    static func check(_ destination: RunDestination) throws(VFMError) {
        let manifestPath = destination.file(RunLayout.manifest)
        let refuse = { (why: String) in
            VFMError(.cannotCreateOutput, "is not a previous vfm run (\(why)); vfm replaces the whole output directory when it publishes, so it touched nothing",
                     file: destination.path,
                     hint: "choose a new or empty directory for --output, or move that directory's own files away first")
        }
        var info = stat()
        guard lstat(manifestPath, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw refuse("its \(RunLayout.manifest) is not a regular file")
        }
        let manifest: RunManifest
        do {
            manifest = try RunManifest.read(runDirectory: destination.path)
        } catch {
            throw refuse("its \(RunLayout.manifest) is not one vfm writes")
        }
        guard manifest.tool.name == ToolVersion.name else {
            throw refuse("its \(RunLayout.manifest) was written by `\(manifest.tool.name)`, not vfm")
        }
        let foreign = unlisted(in: destination.path, by: manifest)
        guard foreign.isEmpty else {
            let names = foreign.prefix(3).map { "`\($0)`" }.joined(separator: ", ")
            let more = foreign.count > 3 ? " and \(foreign.count - 3) more" : ""
            throw refuse("it holds \(names)\(more), which its manifest does not list")
        }
    }

    /// The entries of the run directory `root` (relative, sorted) that are neither its
    /// manifest, nor a file the manifest lists, nor a folder one of those is in.
    static func unlisted(in root: String, by manifest: RunManifest) -> [String] {
        let listed = Set(manifest.outputs.map(\.path) + [RunLayout.manifest])
        let folders = Set(listed.flatMap(Self.folders(of:)))
        return entries(under: root).filter { entry in
            entry.isDirectory ? !folders.contains(entry.path) : !listed.contains(entry.path)
        }.map(\.path).sorted { ByteOrder.precedes($0, $1) }
    }

    /// `a/b/c.csv` → `a`, `a/b`.
    private static func folders(of path: String) -> [String] {
        let parts = path.split(separator: "/")
        return (1 ..< max(parts.count, 1)).map { parts[0 ..< $0].joined(separator: "/") }
    }

    /// Every entry under `root`, relative to it, without following symbolic links (a link
    /// counts as a file, so a link to elsewhere is never taken for a listed folder).
    private static func entries(under root: String) -> [(path: String, isDirectory: Bool)] {
        var found: [(path: String, isDirectory: Bool)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                let isDirectory = lstat((root as NSString).appendingPathComponent(path), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
                found.append((path, isDirectory))
                if isDirectory { pending.append(path) }
            }
            if found.count > 1_000_000 { break }
        }
        return found
    }
}
