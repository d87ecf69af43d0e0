import RunFiles
import Foundation
import Tabular
import VFMCore

/// A file of a published run, read only once it is shown to be the file the run wrote.
///
/// `vfm scenario` prices budgets from a run that is already published, long after the run
/// and perhaps on another machine; a hand-edited `value_for_money_basis.csv` used to give
/// an inverted interval and n = −5, and a 300 MB cell cost 1.56 GB and was echoed whole
/// (issue 31). So the file's size is bounded first, then its SHA-256 must be the one the
/// run's `manifest.json` records for it; only then is it parsed.
enum PublishedRunFile {
    /// The bytes of `relative` in the published run `runDirectory`, verified.
    /// - Throws: `.noInput` (66) when the run has no manifest or the file is missing;
    ///   `.dataError` (65) naming the file when it is larger than `limit`, not listed in the
    ///   manifest, or not the bytes the manifest records.
    static func verifiedBytes(_ relative: String, in runDirectory: String, limit: Int) throws(VFMError) -> [UInt8] {
        let path = (runDirectory as NSString).appendingPathComponent(relative)
        let manifestPath = (runDirectory as NSString).appendingPathComponent(RunLayout.manifest)
        let regenerate = "run `vfm run --force --output \(runDirectory)` to publish it again"
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            throw VFMError(.noInput, "has no \(RunLayout.manifest), so it is not a published run", file: runDirectory,
                           hint: "give --run the directory `vfm run --output` published, e.g. Output/latest")
        }
        let manifest = try RunManifest.read(runDirectory: runDirectory, displayName: manifestPath)
        guard let recorded = manifest.outputs.first(where: { $0.path == relative }) else {
            throw VFMError(.dataError, "is not among the files the run's manifest lists", file: path, hint: regenerate)
        }
        guard size(of: path) <= limit else {
            throw VFMError(.dataError, "is larger than vfm writes it (\(limit >> 10) KiB at most): it was changed after the run was published",
                           file: path, hint: regenerate)
        }
        let bytes = try FileSystem.readBytes(path, displayName: path)
        guard ContentHash.hex(of: bytes) == recorded.sha256 else {
            throw VFMError(.dataError, "was changed after the run was published (its SHA-256 is not the one in \(RunLayout.manifest))",
                           file: path, hint: regenerate)
        }
        return bytes
    }

    private static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
