import Foundation
import Returns
import RunFiles
import Tabular
import VFMCore

extension CleanResult {
    /// Writes `clean/services.csv`, `clean/rejected.csv`, `clean/flags.csv` and
    /// `clean/inputs.json` (`RunLayout`) into `dir`. `read(fromRunDirectory:)` gives back
    /// an equal value, so `vfm-analyze` run by hand sees what `vfm run` sees.
    ///
    /// `clean/services.csv` is written on one core while `clean/flags.csv` and the summary
    /// are on the other (`vfm run` writes them in the background while the analysis
    /// computes; by hand there is nothing else to overlap them with, issue 25).
    public func write(toRunDirectory dir: String) throws(VFMError) {
        try Parallel.bothOrThrow({ () throws(VFMError) in
            try ServicesCSV.write(services, to: path(dir, RunLayout.cleanServices), displayName: RunLayout.cleanServices)
        }, { () throws(VFMError) in
            try FlagsCSV.write(services, to: path(dir, RunLayout.cleanFlags), displayName: RunLayout.cleanFlags)
            try writeSummary(toRunDirectory: dir)
        })
    }

    /// `clean/services.csv` and `clean/flags.csv`, the files that grow with the services
    /// (`vfm run` writes them in the background while later stages compute).
    public func writeServices(toRunDirectory dir: String) throws(VFMError) {
        try ServicesCSV.write(services, to: path(dir, RunLayout.cleanServices), displayName: RunLayout.cleanServices)
        try FlagsCSV.write(services, to: path(dir, RunLayout.cleanFlags), displayName: RunLayout.cleanFlags)
    }

    /// `clean/rejected.csv` and `clean/inputs.json`: what the report reads of clean.
    public func writeSummary(toRunDirectory dir: String) throws(VFMError) {
        try CSVFileWriter.write(rejected, to: path(dir, RunLayout.cleanRejected), displayName: RunLayout.cleanRejected)
        var summary = InputsSummary(files: files, warnings: warnings)
        summary.periodOption = periodOption
        summary.previousRun = previousRun
        try FileSystem.write(InputsJSON.render(summary), to: path(dir, RunLayout.cleanInputs))
    }

    /// Reads what `write(toRunDirectory:)` wrote (the report stage executable starts here).
    /// - Throws: `.noInput` when a file is missing (run the clean stage first);
    ///   `.dataError` when one is damaged.
    public static func read(fromRunDirectory dir: String) throws(VFMError) -> CleanResult {
        // The two files that grow with the services are streamed, each on a core of its own.
        let (servicesRead, flagsRead) = Parallel.both({ () -> Result<[CleanedService], VFMError> in
            Result { () throws(VFMError) in try readServices(dir) }
        }, { () -> Result<[(SourceLocation, [ServiceFlag])], VFMError> in
            Result { () throws(VFMError) in
                try fromFile(dir, RunLayout.cleanFlags) { (path: String) throws(VFMError) in
                    try FlagsCSV.parse(fileAt: path, file: RunLayout.cleanFlags)
                }
            }
        })
        var services = try servicesRead.get()
        let rejectedBytes = try bytes(dir, RunLayout.cleanRejected)
        let rejected = try fromCleanStage { () throws(VFMError) in
            try CleanCSV.reader(RunLayout.cleanRejected).rows(rejectedBytes, as: RejectedRow.self)
        }
        let flags = try flagsRead.get()
        try attach(flags, to: &services)
        return try result(services: services, rejected: rejected, inputs: try readInputs(dir))
    }

    /// What the analyze stage uses of the clean stage's files: the services, without their
    /// flags, and `clean/inputs.json`. The analysis reads neither the flags nor the rejected
    /// rows (they are the report's), so `vfm-analyze` run by hand does not read
    /// `clean/flags.csv` or `clean/rejected.csv` either (issue 25: a stage by hand costs
    /// about what it costs inside `vfm run`). The result has no flags and no rejected rows.
    /// - Throws: as `read(fromRunDirectory:)`.
    ///
    /// `clean/services.csv` is read whole and turned into services in two pieces, one on
    /// each core: here nothing else runs beside it (the report streams it on one core while
    /// the other reads the flags).
    public static func readForAnalysis(fromRunDirectory dir: String) throws(VFMError) -> CleanResult {
        let servicesBytes = try bytes(dir, RunLayout.cleanServices)
        let services = try ServicesCSV.parse(servicesBytes, file: RunLayout.cleanServices)
        return try result(services: services, rejected: [], inputs: try readInputs(dir))
    }

    private static func result(services: [CleanedService], rejected: [RejectedRow],
                               inputs: InputsSummary) throws(VFMError) -> CleanResult {
        var result = CleanResult(services: services, rejected: rejected, files: inputs.files, warnings: inputs.warnings)
        result.periodOption = inputs.periodOption
        result.previousRun = inputs.previousRun
        return result
    }

    private static func readServices(_ dir: String) throws(VFMError) -> [CleanedService] {
        try fromFile(dir, RunLayout.cleanServices) { (path: String) throws(VFMError) in
            try ServicesCSV.parse(fileAt: path, file: RunLayout.cleanServices)
        }
    }

    private static func readInputs(_ dir: String) throws(VFMError) -> InputsSummary {
        let inputBytes = try bytes(dir, RunLayout.cleanInputs)
        return try fromCleanStage { () throws(VFMError) in try InputsJSON.parse(inputBytes, file: RunLayout.cleanInputs) }
    }

    /// `read` of the file `name` in `dir`; a missing file says to run the clean stage first.
    private static func fromFile<T>(_ dir: String, _ name: String,
                                    _ read: (String) throws(VFMError) -> T) throws(VFMError) -> T {
        do {
            return try read(path(dir, name))
        } catch {
            var error = error
            if error.status == .noInput { error.hint = "run vfm-clean on this run directory first" }
            throw error
        }
    }

    private static func bytes(_ dir: String, _ name: String) throws(VFMError) -> [UInt8] {
        try fromFile(dir, name) { (path: String) throws(VFMError) in try FileSystem.readBytes(path, displayName: name) }
    }

    /// `read()`, whose damaged-file errors say that the clean stage rewrites the file.
    private static func fromCleanStage<T>(_ read: () throws(VFMError) -> T) throws(VFMError) -> T {
        do {
            return try read()
        } catch {
            var error = error
            if error.status == .dataError {
                error.hint = "this file is written by vfm-clean; run the clean stage again to rewrite it"
            }
            throw error
        }
    }

    /// Gives each service its flags (`clean/flags.csv` names a service by its source; the
    /// flags come grouped by source, `FlagsCSV.parse`).
    /// - Throws: `.dataError` (65) for a flag naming a service the file does not hold.
    static func attach(_ groups: [(SourceLocation, [ServiceFlag])], to services: inout [CleanedService]) throws(VFMError) {
        // vfm-clean writes the flags service by service in the services' order: one walk
        // down both lists attaches them, with no table of every service's source (at 10^5
        // services the table took a twentieth of `vfm-report`'s time by hand). Flags in any
        // other order (a file edited by hand) are attached through the table.
        var owners: [Int] = []
        owners.reserveCapacity(groups.count)
        var next = 0
        for (source, _) in groups {
            while next < services.count, services[next].input.source != source { next += 1 }
            guard next < services.count else { return try attachAnyOrder(groups, to: &services) }
            owners.append(next)
        }
        for (owner, (_, flags)) in zip(owners, groups) { services[owner].append(flags: flags) }
    }

    /// `attach` for flags in any order: each found through a table of the services' sources.
    private static func attachAnyOrder(_ groups: [(SourceLocation, [ServiceFlag])],
                                       to services: inout [CleanedService]) throws(VFMError) {
        var position: [SourceLocation: Int] = [:]
        for (index, service) in services.enumerated() { position[service.input.source] = index }
        for (source, flags) in groups {
            guard let index = position[source] else {
                throw VFMError(.dataError, "a flag names \(source), which is not in \(RunLayout.cleanServices)",
                               file: RunLayout.cleanFlags,
                               hint: "this file is written by vfm-clean; run the clean stage again to rewrite it")
            }
            services[index].append(flags: flags)
        }
    }
}

private extension CleanedService {
    /// `flags` after the service's own: the array itself when it has none (no flag copied).
    mutating func append(flags more: [ServiceFlag]) {
        if flags.isEmpty { flags = more } else { flags.append(contentsOf: more) }
    }
}

private func path(_ directory: String, _ relative: String) -> String {
    (directory as NSString).appendingPathComponent(relative)
}
