/// One column of a run file (SPEC §13): its name as written in the header, the type its
/// cells hold, the unit of a figure, what it means, and the part it plays in a row. The
/// header, the `datapackage.json` field and the readers' header check all come from it.
package struct RunFileColumn: Sendable, Equatable {
    /// The Table Schema types the writers' cells are honest instances of: `integer` only
    /// where the writer appends a whole number (`CSVLineEncoder.append(count:)`), `number`
    /// where it appends a `Double` (written without `.0` when integral, so a reader that
    /// wants integers may still get them, but a count read from a percentage can be 12.5).
    package enum FieldType: String, Sendable, Equatable {
        case string, number, integer, boolean
    }

    /// The unit of a figure (SPEC §7: money in pounds, rates as fractions, counts of people).
    package enum Unit: String, Sendable, Equatable {
        case gbp = "GBP"
        case fraction
        case people
    }

    /// What the column does in a row: part of the row's key (how `vfm-diff` pairs rows of
    /// two runs), a figure (compared as a number), a label (text that describes the row,
    /// compared as text), or provenance (where the row was read: shown, never compared, so
    /// a renamed input file or a row moved down its file changes nothing).
    package enum Role: String, Sendable, Equatable {
        case key, figure, label, provenance
    }

    package let name: String
    package let type: FieldType
    package let unit: Unit?
    /// One line, for people reading `datapackage.json`.
    package let description: String
    package let role: Role
    /// For a figure in the unit of whatever measure the row is about (a descriptive's
    /// mean, an edit's values): the key column that names that measure (`metric`,
    /// `variable`), so that a reader prints the figure as that measure is printed.
    package var unitFromColumn: String? = nil

    package init(_ name: String, _ type: FieldType, _ role: Role, unit: Unit? = nil, _ description: String) {
        self.name = name
        self.type = type
        self.unit = unit
        self.description = description
        self.role = role
    }

    /// A number in the unit of the measure the key column `measureColumn` names.
    package static func figure(_ name: String, inUnitOf measureColumn: String, _ description: String) -> RunFileColumn {
        var column = RunFileColumn(name, .number, .figure, description)
        column.unitFromColumn = measureColumn
        return column
    }

    /// Text that identifies the row.
    package static func key(_ name: String, _ description: String) -> RunFileColumn {
        RunFileColumn(name, .string, .key, description)
    }

    /// A number (`Double`, written at full precision), in `unit` where it has one.
    package static func figure(_ name: String, unit: Unit? = nil, _ description: String) -> RunFileColumn {
        RunFileColumn(name, .number, .figure, unit: unit, description)
    }

    /// A count written as a whole number.
    package static func count(_ name: String, unit: Unit? = nil, _ description: String) -> RunFileColumn {
        RunFileColumn(name, .integer, .figure, unit: unit, description)
    }

    /// Text that describes the row.
    package static func label(_ name: String, _ description: String) -> RunFileColumn {
        RunFileColumn(name, .string, .label, description)
    }
}
