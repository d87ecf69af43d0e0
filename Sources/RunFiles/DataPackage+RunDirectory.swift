import Foundation
import Tabular
import VFMCore

extension DataPackage {
    /// The CSV files of a run directory as `datapackage.json` can describe them.
    package struct RunDirectoryFiles: Sendable, Equatable {
        /// The schemas of the files whose header is their schema's, in the order the stages
        /// write them.
        package var described: [RunFileSchema] = []
        /// Run files present whose header is not the one vfm writes (a run of an older vfm,
        /// a directory made by hand): the report still reads them by column name, but no
        /// schema can describe them honestly, so the package leaves them out.
        package var leftOut: [String] = []
    }

    /// The run files now in `runDirectory`, each checked by its header against its schema.
    /// The two files with the inputs' extra columns take those columns from their header.
    /// - Throws: `.dataError` (65) when a file's header cannot be read (an unterminated
    ///   quote); `.ioError` (74) when reading fails.
    package static func files(inRunDirectory runDirectory: String) throws(VFMError) -> RunDirectoryFiles {
        var files = RunDirectoryFiles()
        func add(_ path: String, _ match: ([String]) -> RunFileSchema?) throws(VFMError) {
            let full = (runDirectory as NSString).appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: full) else { return }
            if let schema = match(try RunFileHeader.read(full, displayName: path)) {
                files.described.append(schema)
            } else {
                files.leftOut.append(path)
            }
        }
        func fixed(_ schema: RunFileSchema) -> ([String]) -> RunFileSchema? {
            { header in header == schema.header ? schema : nil }
        }
        try add(RunLayout.ingestReturns) { RunFileSchema.ingestReturns(header: $0)?.schema }
        try add(RunLayout.ingestRejected, fixed(.ingestRejected))
        // A run from before SPEC §11 (no `current` column) is still described.
        try add(RunLayout.cleanServices) {
            (RunFileSchema.cleanServices(header: $0) ?? RunFileSchema.cleanServicesBeforePeriods(header: $0))?.schema
        }
        try add(RunLayout.cleanRejected, fixed(.cleanRejected))
        // A flag points at its service: described only beside the services it points at.
        let servicesDescribed = files.described.contains { $0.path == RunLayout.cleanServices }
        try add(RunLayout.cleanFlags) { header in servicesDescribed ? fixed(.cleanFlags)(header) : nil }
        for table in RunFileSchema.tables + RunFileSchema.periodTables { try add(table.path, fixed(table)) }
        // The spending survey's files (SPEC §12): a run holds these or the services', never both.
        try add(RunLayout.ingestResponses) { RunFileSchema.cleanResponses(header: $0, path: RunLayout.ingestResponses) }
        try add(RunLayout.cleanResponses) { RunFileSchema.cleanResponses(header: $0) }
        try add(RunLayout.cleanAreas, RunFileSchema.cleanAreas(header:))
        if files.described.contains(where: { $0.path == RunLayout.cleanResponses }) {
            files.leftOut.removeAll { $0 == RunLayout.cleanFlags }
            try add(RunLayout.cleanFlags, fixed(.surveyFlags))
        }
        for table in RunFileSchema.surveyTables where !files.described.contains(where: { $0.path == table.path }) {
            try add(table.path, fixed(table))
        }
        return files
    }

    /// Writes `datapackage.json` describing the run files now in `runDirectory` (each stage
    /// run by hand, and `vfm run` before its manifest, which then lists it); returns the
    /// files left out. Nothing is written when no file can be described (a data package
    /// needs a resource).
    @discardableResult
    package static func write(runDirectory: String) throws(VFMError) -> [String] {
        let files = try files(inRunDirectory: runDirectory)
        guard !files.described.isEmpty else { return files.leftOut }
        try FileSystem.write(DataPackage.document(files.described).rendered,
                             to: (runDirectory as NSString).appendingPathComponent(RunLayout.dataPackage))
        return files.leftOut
    }
}
