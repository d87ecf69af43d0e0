import Foundation
import Tabular
import VFMCore

extension DataPackage {
    /// The schemas of the CSV files now in `runDirectory`, in the order the stages write
    /// them. The two files with the inputs' extra columns are described by their header,
    /// which must be one the writers write (else `.dataError`, 65: a damaged run).
    package static func schemas(inRunDirectory runDirectory: String) throws(VFMError) -> [RunFileSchema] {
        func exists(_ path: String) -> Bool {
            FileManager.default.fileExists(atPath: (runDirectory as NSString).appendingPathComponent(path))
        }
        func withExtras(_ path: String, _ match: ([String]) -> (schema: RunFileSchema, extras: [String])?)
            throws(VFMError) -> [RunFileSchema] {
            guard exists(path) else { return [] }
            let header = try RunFileHeader.read((runDirectory as NSString).appendingPathComponent(path), displayName: path)
            guard let schema = match(header)?.schema else {
                throw RunFileCSV(file: path, hint: "run the stage that writes this file again")
                    .corrupt("the header is not one vfm writes", line: 1)
            }
            return [schema]
        }
        var schemas = try withExtras(RunLayout.ingestReturns, RunFileSchema.ingestReturns(header:))
        if exists(RunLayout.ingestRejected) { schemas.append(.ingestRejected) }
        schemas += try withExtras(RunLayout.cleanServices, RunFileSchema.cleanServices(header:))
        if exists(RunLayout.cleanRejected) { schemas.append(.cleanRejected) }
        // A flag points at its service: described only beside the services it points at.
        if exists(RunLayout.cleanFlags), exists(RunLayout.cleanServices) { schemas.append(.cleanFlags) }
        schemas += RunFileSchema.tables.filter { exists($0.path) }
        return schemas
    }

    /// Writes `datapackage.json` describing the CSV files now in `runDirectory` (each stage
    /// run by hand, and `vfm run` before its manifest, which then lists it). Nothing is
    /// written for a directory with no CSV file.
    package static func write(runDirectory: String) throws(VFMError) {
        let schemas = try schemas(inRunDirectory: runDirectory)
        // A data package needs a resource: a directory with no CSV yet has no package.
        guard !schemas.isEmpty else { return }
        let document = DataPackage.document(schemas)
        try FileSystem.write(document.rendered,
                             to: (runDirectory as NSString).appendingPathComponent(RunLayout.dataPackage))
    }
}
