import Foundation
import RunFiles
import VFMCore

/// The analyze stage's files read back, each when present: a table a run did not write
/// (an older run, a stage not run) is `nil`, and the reader — the report, `vfm scenario`
/// — says so instead of failing. Every table of `tables/` is read through its schema
/// (`RunFileRow`), typed.
package enum AnalysisFiles {
    /// The rows of `file` in `dir`, or `nil` when the file does not exist.
    /// - Throws: `.dataError` (65) naming file, line and column for a damaged file.
    package static func rowsIfPresent<Row: RunFileRow>(_ dir: String, _ file: String) throws(VFMError) -> [Row]? {
        let path = (dir as NSString).appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let reader = RunFileCSV(file: file,
                                hint: "this file is written by vfm-analyze; run `vfm run --force` (or the analyze stage) again")
        return try reader.rows(try FileSystem.readBytes(path, displayName: file), as: Row.self)
    }
}
