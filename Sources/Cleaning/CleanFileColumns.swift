import Returns
import Tabular

/// The columns of `clean/services.csv` for a set of services, cell by cell from the typed
/// values — what `ServicesCSV` writes, for an in-process reader (the report in `vfm run`)
/// that wants a few cells of many rows without reading the file back as strings.
public struct ServicesFileColumns: Sendable {
    /// The header exactly as written (extra columns neutralised).
    public let header: [String]
    private let extras: [String]

    public init(_ services: [CleanedService]) {
        extras = ServicesCSV.extraColumnNames(services)
        header = ServicesCSV.header(extras: extras)
    }

    /// The cell `service` has in column `column` (a position in `header`).
    public func field(_ service: borrowing CleanedService, at column: Int) -> CSVField {
        let canonical = ServicesCSV.canonicalColumns.count, derived = ServicesCSV.derivedColumns.count
        switch column {
        case ..<canonical:
            return service.input.field(for: ReturnColumn.allCases[column])
        case ..<(canonical + derived):
            return ServicesCSV.derivedField(service, at: column - canonical)
        case ..<(canonical + derived + extras.count):
            // The first cell of that header, as `ServicesCSV.extraFields` takes it.
            let name = extras[column - canonical - derived]
            return .text(service.input.extraColumns.first { $0.header == name }?.value ?? nil)
        case canonical + derived + extras.count:
            return .text(service.input.source.description)
        default:
            return .text(ServicesCSV.ruleList(service.flags))
        }
    }
}

/// The columns of `clean/flags.csv`, cell by cell from the typed flags (see `FlagsCSV`).
public enum FlagsFileColumns {
    public static var header: [String] { FlagsCSV.header }

    /// The cell of `flag` (raised on `service`) in column `column` (a position in `header`).
    public static func field(_ service: borrowing CleanedService, _ flag: borrowing ServiceFlag,
                             at column: Int) -> CSVField {
        FlagsCSV.field(service, flag, at: column)
    }
}
