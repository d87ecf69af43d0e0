import Foundation

/// The schema of one CSV file of a run directory (SPEC §13), declared once: the file's
/// path, its columns in order, and its keys. The writers take their header from it, the
/// readers check the header they find against it, and `datapackage.json` describes the
/// file from it.
package struct RunFileSchema: Sendable, Equatable {
    /// Relative to the run directory (a `RunLayout` path).
    package let path: String
    /// What one row is, in one line.
    package let description: String
    package let columns: [RunFileColumn]
    /// Columns whose values together are unique in the file, or empty where the rows'
    /// key may repeat (the benchmark: duplicate services are flagged, not rejected, §5).
    package let primaryKey: [String]
    package let foreignKeys: [RunFileForeignKey]

    package init(path: String, description: String, columns: [RunFileColumn], primaryKey: [String] = [],
                 foreignKeys: [RunFileForeignKey] = []) {
        self.path = path
        self.description = description
        self.columns = columns
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
    }

    /// The header row exactly as the writer writes it.
    package var header: [String] { columns.map(\.name) }

    /// The columns that pair a row with its counterpart in another run (role `key`).
    package var keyColumns: [String] { columns.filter { $0.role == .key }.map(\.name) }

    /// The resource name in `datapackage.json`: the path without `.csv`, `/` as `-`
    /// (`clean/services.csv` → `clean-services`), which Frictionless's name pattern allows.
    package var resourceName: String { Self.resourceName(of: path) }

    package static func resourceName(of path: String) -> String {
        let stem = path.hasSuffix(".csv") ? String(path.dropLast(4)) : path
        return stem.replacingOccurrences(of: "/", with: "-")
    }
}

/// Rows of one file that point at rows of another (SPEC §13: flags to services by `source`).
package struct RunFileForeignKey: Sendable, Equatable {
    package let fields: [String]
    /// The referenced file's path in the run directory.
    package let referencedPath: String
    package let referencedFields: [String]

    package init(fields: [String], referencedPath: String, referencedFields: [String]) {
        self.fields = fields
        self.referencedPath = referencedPath
        self.referencedFields = referencedFields
    }
}
