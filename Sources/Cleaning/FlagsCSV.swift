import Tabular
import VFMCore

/// `clean/flags.csv` (SPEC §7): one row per flag, services in `clean/services.csv` order
/// and each service's flags in the order raised:
/// `authority,service,period,source,rule,metric,value,threshold,severity,message`.
enum FlagsCSV {
    static let header = ["authority", "service", "period", "source", "rule", "metric", "value", "threshold",
                         "severity", "message"]

    /// One row per flag under `header`, into a document or a file.
    static func emit<Sink: CSVRowSink>(_ services: [CleanedService], into sink: inout Sink) throws(Sink.Failure) {
        for service in services {
            for flag in service.flags {
                try sink.append([
                    .text(service.input.authority), .text(service.input.service), .text(service.input.period),
                    .text(service.input.source.description), .text(flag.rule.rawValue), .text(flag.metric),
                    .number(flag.value), .number(flag.threshold), .text(flag.severity.rawValue), .text(flag.message),
                ])
            }
        }
    }

    static func render(_ services: [CleanedService]) -> String {
        var writer = CSVWriter(header: header)
        emit(services, into: &writer)
        return writer.text
    }

    /// Streams the table to `path`; returns its SHA-256.
    @discardableResult
    static func write(_ services: [CleanedService], to path: String, displayName: String) throws(VFMError) -> String {
        var file = try CSVFileWriter(path: path, header: header, displayName: displayName)
        try emit(services, into: &file)
        return try file.close()
    }

    /// The flags of each source, in file order.
    static func parse(_ bytes: [UInt8], file: String) throws(VFMError) -> [(SourceLocation, ServiceFlag)] {
        let records = try CleanCSV.records(bytes, file: file)
        guard let first = records.first, first.cells == header else {
            throw CleanCSV.corrupt("the header is not `\(header.joined(separator: ","))`", file: file, line: 1)
        }
        var flags: [(SourceLocation, ServiceFlag)] = []
        for record in records.dropFirst() {
            let cells = record.cells
            guard cells.count == header.count, let source = SourceLocation(parsing: CSVInjection.restore(cells[3])),
                  let severity = FlagSeverity(rawValue: cells[8]) else {
                throw CleanCSV.corrupt("not a flag row", file: file, line: record.line)
            }
            guard let rule = FlagRule(rawValue: CSVInjection.restore(cells[4])) else {
                throw CleanCSV.corrupt("`rule` holds \"\(cells[4])\", which vfm-clean does not write", file: file,
                                       line: record.line)
            }
            let flag = ServiceFlag(
                rule: rule, metric: CleanCSV.text(cells[5]),
                value: try CleanCSV.number(cells[6], column: "value", file: file, line: record.line),
                threshold: try CleanCSV.number(cells[7], column: "threshold", file: file, line: record.line),
                severity: severity, message: CSVInjection.restore(cells[9]))
            flags.append((source, flag))
        }
        return flags
    }
}
