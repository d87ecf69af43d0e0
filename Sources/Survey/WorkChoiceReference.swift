import Cleaning
import Returns
import Tabular
import VFMCore

/// `--reference FILE` (SPEC §12): each area's population and Work Choice starts
/// (`authority,population,work_choice_starts`), matched to the survey's areas by the
/// authority key. Part of the run's identity: its SHA-256 is recorded in the manifest.
package struct WorkChoiceReference: Sendable {
    package struct Area: Sendable {
        package var authority: String
        package var population: Double
        package var starts: Double
    }

    /// By folded authority key.
    package var areas: [String: Area]
    /// As named in outputs: the file's base name.
    package var displayName: String
    package var sha256: String

    /// - Throws: `.noInput` (66) when the file cannot be read; `.dataError` (65) for a file
    ///   that is not the table (a column missing, a value that is not a number, a
    ///   population that is not positive, an area twice).
    package static func read(path: String) throws(VFMError) -> WorkChoiceReference {
        let name = NSStringPath(path: path).lastComponent
        let bytes = try FileSystem.readBytes(path, displayName: name)
        let text: DecodedText
        do {
            text = try TextDecoding.decode(bytes)
        } catch {
            throw error.vfmError(file: name)
        }
        let records: [CSVRecord]
        do {
            records = try CSVRecordParser.records(utf8: text.utf8)
        } catch {
            guard case .unterminatedQuote(let line) = error else { throw VFMError(.dataError, "unreadable CSV", file: name) }
            throw VFMError(.dataError, "a quoted cell opens on this line and never closes", file: name, line: line,
                           hint: "add the closing quote")
        }
        guard let header = records.first else {
            throw VFMError(.dataError, "the reference file is empty", file: name, line: 1,
                           hint: "give a header authority,population,work_choice_starts and one row per area")
        }
        let keys = header.cells.map { HeaderKey($0).text }
        func index(_ column: String) throws(VFMError) -> Int {
            guard let found = keys.firstIndex(of: HeaderKey(column).text) else {
                throw VFMError(.dataError, "the reference file has no `\(column)` column", file: name, line: header.line,
                               hint: "the header must be authority,population,work_choice_starts")
            }
            return found
        }
        let authority = try index("authority"), population = try index("population")
        let starts = try index("work_choice_starts")
        var areas: [String: Area] = [:]
        for record in records.dropFirst() {
            func cell(_ column: Int) -> String { column < record.cells.count ? record.cells[column] : "" }
            func number(_ column: Int, _ what: String) throws(VFMError) -> Double {
                guard case .value(let value) = CellValues.money(CellText.trimmed(cell(column))), value >= 0 else {
                    throw VFMError(.dataError, "`\(what)` is `\(cell(column))`, not a number of 0 or more", file: name,
                                   line: record.line, column: what, hint: "give every area's \(what) as a number")
                }
                return value
            }
            let written = String(CellText.trimmed(cell(authority)))
            guard !written.isEmpty else {
                throw VFMError(.dataError, "a row names no authority", file: name, line: record.line, column: "authority",
                               hint: "name the area of every row, or remove the row")
            }
            let area = Area(authority: written, population: try number(population, "population"),
                            starts: try number(starts, "work_choice_starts"))
            guard area.population > 0 else {
                throw VFMError(.dataError, "the population of \(written) is 0", file: name, line: record.line,
                               column: "population", hint: "give the area's population (people), above 0")
            }
            let key = AuthorityKey.fold(written)
            guard areas[key] == nil else {
                throw VFMError(.dataError, "\(written) has a second row", file: name, line: record.line, column: "authority",
                               hint: "keep one row per area")
            }
            areas[key] = area
        }
        return WorkChoiceReference(areas: areas, displayName: name, sha256: ContentHash.hex(of: bytes))
    }
}

/// The last path component without Foundation's NSString bridging in the public API.
private struct NSStringPath {
    let path: String
    var lastComponent: String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }
}

