import Foundation
import RunFiles
import Tabular
import VFMCore

extension IngestResult {
    /// Writes `ingest/returns.csv`, `ingest/rejected.csv` and `ingest/inputs.json`
    /// (`RunLayout`) into `dir`. `read(fromRunDirectory:)` gives back an equal value.
    /// By hand nothing else runs beside it: `ingest/returns.csv` is encoded on both cores.
    public func write(toRunDirectory dir: String) throws(VFMError) {
        try writeSummary(toRunDirectory: dir)
        try writeReturns(toRunDirectory: dir, encodingOn: 2)
    }

    /// `ingest/returns.csv`, the file that grows with the returns (`vfm run` writes it in
    /// the background, on one core, while later stages compute).
    public func writeReturns(toRunDirectory dir: String, encodingOn cores: Int = 1) throws(VFMError) {
        try ReturnsCSV.write(returns, to: path(dir, RunLayout.ingestReturns), displayName: RunLayout.ingestReturns,
                             encodingOn: cores)
    }

    /// `ingest/rejected.csv` and `ingest/inputs.json`: what the report reads of ingest.
    public func writeSummary(toRunDirectory dir: String) throws(VFMError) {
        try CSVFileWriter.write(rejected, to: path(dir, RunLayout.ingestRejected), displayName: RunLayout.ingestRejected)
        try FileSystem.write(InputsJSON.render(summary), to: path(dir, RunLayout.ingestInputs))
    }

    /// Reads what `write(toRunDirectory:)` wrote (the clean stage executable starts here).
    /// - Throws: `.noInput` when a file is missing (run the ingest stage first);
    ///   `.dataError` when one is damaged.
    public static func read(fromRunDirectory dir: String) throws(VFMError) -> IngestResult {
        func bytes(_ name: String) throws(VFMError) -> [UInt8] {
            do {
                return try FileSystem.readBytes(path(dir, name), displayName: name)
            } catch {
                var error = error
                if error.status == .noInput { error.hint = "run vfm-ingest on this run directory first" }
                throw error
            }
        }
        let returns = try ReturnsCSV.parse(try bytes(RunLayout.ingestReturns), file: RunLayout.ingestReturns)
        let rejected = try OwnCSV.reader(RunLayout.ingestRejected).rows(try bytes(RunLayout.ingestRejected), as: RejectedRow.self)
        let inputs = try InputsJSON.parse(try bytes(RunLayout.ingestInputs), file: RunLayout.ingestInputs)
        var result = IngestResult(returns: returns, rejected: rejected, files: inputs.files, warnings: inputs.warnings)
        result.sheetOption = inputs.sheetOption
        result.returnsInStableOrder = ServiceReturn.isInStableOrder(result.returns)
        return result
    }
}

private func path(_ directory: String, _ relative: String) -> String {
    (directory as NSString).appendingPathComponent(relative)
}
