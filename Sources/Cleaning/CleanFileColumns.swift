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

    /// The cell `services[row]` has in column `column` (a position in `header`). Takes the
    /// array and a position so that reading one cell does not copy the whole service.
    public func field(_ services: [CleanedService], _ row: Int, at column: Int) -> CSVField {
        let canonical = ReturnColumn.all.count, derived = ServicesCSV.derivedColumnCount
        switch column {
        case ..<canonical:
            return services[row].input.field(for: ReturnColumn.all[column])
        case ..<(canonical + derived):
            return ServicesCSV.derivedField(services[row].derived, excluded: services[row].excludedFromStatistics,
                                            current: services[row].isCurrent,
                                            at: column - canonical)
        case ..<(canonical + derived + extras.count):
            // The first cell of that header, as `ServicesCSV` writes it.
            return .text(ExtraCell.value(in: services[row].input.extraColumns, named: extras[column - canonical - derived]))
        case canonical + derived + extras.count:
            return .text(services[row].input.source.description)
        default:
            return .text(ServicesCSV.ruleList(services[row].flags))
        }
    }
}

/// The columns of `clean/flags.csv`, cell by cell from the typed flags (see `FlagsCSV`).
public enum FlagsFileColumns {
    public static var header: [String] { FlagsCSV.header }

    /// The cell of flag `item` of `services[row]` in column `column` (a position in `header`).
    public static func field(_ services: [CleanedService], _ row: Int, flag item: Int, at column: Int) -> CSVField {
        switch column {
        case 0: return .text(services[row].input.authority)
        case 1: return .text(services[row].input.service)
        case 2: return .text(services[row].input.period)
        case 3: return .text(services[row].input.source.description)
        default: return FlagsCSV.field(services[row].flags[item], at: column)
        }
    }
}
