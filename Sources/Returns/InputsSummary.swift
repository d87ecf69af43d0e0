import VFMCore

/// What `ingest/inputs.json` and `clean/inputs.json` hold: one entry per input file
/// (provenance and row accounting) and the warnings for the log and report.
public struct InputsSummary: Sendable, Equatable {
    /// Sorted by path.
    public var files: [InputFileSummary]
    public var warnings: [String]
    /// `--sheet NAME` as given to ingest (`sheet_option`), if it was; `nil` in clean/inputs.json.
    public var sheetOption: String?
    /// `--period LABEL` as given to clean (`period_option`, SPEC §11), if it was; `nil` in
    /// ingest/inputs.json.
    public var periodOption: String? = nil
    /// `--previous RUN_DIR` given to clean (SPEC §11): the SHA-256 of that run's manifest.
    public var previousRun: String? = nil

    public init(files: [InputFileSummary], warnings: [String], sheetOption: String? = nil) {
        self.files = files
        self.warnings = warnings
        self.sheetOption = sheetOption
    }

    /// Provenance from ingest (hash, bytes, encoding) with the row accounting after cleaning
    /// (clean rejects more rows), per file; whichever exists when only one does.
    public static func merged(ingest: InputsSummary?, clean: InputsSummary?) -> InputsSummary? {
        guard let ingest else { return clean }
        guard let clean else { return ingest }
        let cleanByPath = Dictionary(clean.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let files = ingest.files.map { file -> InputFileSummary in
            guard let after = cleanByPath[file.path] else { return file }
            var merged = file
            merged.rowsRead = after.rowsRead
            merged.rowsAccepted = after.rowsAccepted
            merged.rowsRejected = after.rowsRejected
            return merged
        }
        var warnings = ingest.warnings
        for warning in clean.warnings where !warnings.contains(warning) { warnings.append(warning) }
        var summary = InputsSummary(files: files, warnings: warnings, sheetOption: ingest.sheetOption)
        summary.periodOption = clean.periodOption
        summary.previousRun = clean.previousRun
        return summary
    }

    /// Reads `relativePath` of `runDirectory`, or `nil` when that stage did not write it.
    /// - Throws: `.dataError` (65) when the file is there but damaged.
    public static func readIfPresent(runDirectory: String, relativePath: String) throws(VFMError) -> InputsSummary? {
        let path = runDirectory + "/" + relativePath
        guard FileSystem.fileExists(path) else { return nil }
        return try InputsJSON.parse(try FileSystem.readBytes(path, displayName: relativePath), file: relativePath)
    }
}

extension IngestResult {
    /// The accounting and warnings that `ingest/inputs.json` records.
    public var summary: InputsSummary { InputsSummary(files: files, warnings: warnings, sheetOption: sheetOption) }
}

