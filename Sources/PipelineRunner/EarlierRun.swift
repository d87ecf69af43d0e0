import RunFiles
import Cleaning
import Foundation
import Tabular
import VFMCore

/// `--previous RUN_DIR` (SPEC §11): a published run whose accepted services of earlier
/// periods join this run as earlier returns, so that this year's returns are checked and
/// compared against last year's published run.
///
/// The run is taken only as published: its manifest must be there (66 otherwise) and every
/// file it lists must still have the SHA-256 it records (65 otherwise) — a hand-edited
/// `clean/services.csv` would otherwise slip into this year's checks unseen. The SHA-256 of
/// its manifest is part of this run's identity.
public struct EarlierRun: Sendable {
    /// SHA-256 of the previous run's `manifest.json`: it changes when any of its files does.
    public var manifestSHA256: String
    /// Its accepted services, without their flags (those stay in the previous run).
    public var services: [CleanedService]

    /// - Throws: `.noInput` (66) when `directory` or its manifest is missing;
    ///   `.dataError` (65) when a file it lists is missing or differs from the manifest.
    public static func load(_ directory: String) throws(VFMError) -> EarlierRun {
        let manifestPath = (directory as NSString).appendingPathComponent(RunLayout.manifest)
        let hint = "--previous names the directory of a published vfm run (the --output of an earlier vfm run)"
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            throw VFMError(.noInput, "--previous: there is no \(RunLayout.manifest) here", file: directory, hint: hint)
        }
        let manifest: RunManifest
        do {
            manifest = try RunManifest.read(runDirectory: directory)
        } catch {
            var error = error
            error.message = "--previous: " + error.message
            error.hint = hint
            throw error
        }
        for output in manifest.outputs {
            let path = (directory as NSString).appendingPathComponent(output.path)
            guard FileManager.default.fileExists(atPath: path) else {
                throw VFMError(.dataError, "--previous: its manifest lists \(output.path), which is not there", file: directory,
                               hint: "that run is incomplete; name a complete published run, or run it again")
            }
            guard try FileSystem.sha256(of: path, displayName: output.path) == output.sha256 else {
                throw VFMError(.dataError, "--previous: \(output.path) does not match its manifest (changed after the run was published)",
                               file: directory, hint: "run that year again to republish it, or name the run as it was published")
            }
        }
        guard manifest.outputs.contains(where: { $0.path == RunLayout.cleanServices }) else {
            throw VFMError(.dataError, "--previous: the run has no \(RunLayout.cleanServices)", file: directory, hint: hint)
        }
        var services = try CleanResult.read(fromRunDirectory: directory).services
        for index in services.indices { services[index].flags = [] }
        return EarlierRun(manifestSHA256: try FileSystem.sha256(of: manifestPath, displayName: RunLayout.manifest),
                          services: services)
    }
}

extension EarlierRun {
    /// `clean` with this run's earlier returns joined and the previous run recorded, as the
    /// clean stage leaves them (for `vfm-analyze --previous`, which reads clean's files).
    func joined(to clean: CleanResult) -> CleanResult {
        var result = clean
        var ignored: [String] = []  // the clean stage already warned
        result.earlierReturns = EarlierReturns.before(clean.services, previous: services, warnings: &ignored)
        return result
    }
}

extension EarlierRun {
    /// `clean` with the previous run's identity recorded (`previous_run`).
    static func recording(_ earlier: EarlierRun?, in clean: CleanResult) -> CleanResult {
        var result = clean
        result.previousRun = earlier?.manifestSHA256
        return result
    }
}
