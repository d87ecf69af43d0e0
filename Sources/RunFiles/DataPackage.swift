import Tabular

/// `datapackage.json` (SPEC §7, §13): every CSV of a run as a Frictionless tabular data
/// resource (Data Package v1, Table Schema v1), so pandas, polars, DuckDB, R and Spark
/// users load the tables with the right types without guessing. Made from the schemas
/// alone; written with `DeterministicJSON`, so the same run gives the same bytes.
///
/// Table Schema has no unit or role: they go in the custom field properties `unit` and
/// `role`, which Frictionless readers carry along and ignore.
package enum DataPackage {
    /// The document describing `schemas`, in that order.
    package static func document(_ schemas: [RunFileSchema]) -> DeterministicJSON {
        .object([
            "profile": .string("tabular-data-package"),
            "resources": .array(schemas.map(resource)),
        ])
    }

    /// One tabular data resource: the file is UTF-8 CSV with a header row, LF line ends
    /// and `""` quotes (SPEC §7), a missing value is an empty cell.
    package static func resource(_ schema: RunFileSchema) -> DeterministicJSON {
        var tableSchema: [String: DeterministicJSON] = [
            "fields": .array(schema.columns.map(field)),
            "missingValues": .array([.string("")]),
        ]
        if !schema.primaryKey.isEmpty { tableSchema["primaryKey"] = .array(schema.primaryKey.map(DeterministicJSON.string)) }
        if !schema.foreignKeys.isEmpty { tableSchema["foreignKeys"] = .array(schema.foreignKeys.map(foreignKey)) }
        return .object([
            "name": .string(schema.resourceName),
            "path": .string(schema.path),
            "description": .string(schema.description),
            "profile": .string("tabular-data-resource"),
            "format": .string("csv"),
            "mediatype": .string("text/csv"),
            "encoding": .string("utf-8"),
            "dialect": .object([
                "delimiter": .string(","),
                "doubleQuote": .bool(true),
                "header": .bool(true),
                "lineTerminator": .string("\n"),
                "quoteChar": .string("\""),
            ]),
            "schema": .object(tableSchema),
        ])
    }

    private static func field(_ column: RunFileColumn) -> DeterministicJSON {
        var members: [String: DeterministicJSON] = [
            "name": .string(column.name),
            "type": .string(column.type.rawValue),
            "description": .string(column.description),
            "role": .string(column.role.rawValue),
        ]
        if let unit = column.unit { members["unit"] = .string(unit.rawValue) }
        return .object(members)
    }

    private static func foreignKey(_ key: RunFileForeignKey) -> DeterministicJSON {
        .object([
            "fields": .array(key.fields.map(DeterministicJSON.string)),
            "reference": .object([
                "resource": .string(RunFileSchema.resourceName(of: key.referencedPath)),
                "fields": .array(key.referencedFields.map(DeterministicJSON.string)),
            ]),
        ])
    }
}
