import Tabular
import VFMCore

/// The header row of a run file, read without reading the rest: `clean/services.csv` is a
/// gigabyte at a million services, and its schema needs only the extra columns' names.
package enum RunFileHeader {
    /// The header's cells as written (still neutralised).
    /// - Throws: `.noInput` (66) when the file is missing; `.dataError` (65) when it has no
    ///   complete header row.
    package static func read(_ path: String, displayName: String) throws(VFMError) -> [String] {
        let file = RunFileCSV(file: displayName, hint: "run the stage that writes this file again")
        let reader = try FileChunkReader(path: path, displayName: displayName)
        var parser = CSVByteParser()
        var header: [String]?
        while header == nil {
            let more = try reader.next { chunk in
                parser.feed(chunk) { record in
                    header = record.strings
                    return false
                }
            }
            guard more else { break }
        }
        if header == nil {
            do {
                try parser.finish { record in
                    header = record.strings
                    return false
                }
            } catch {
                throw file.corrupt("the header row has an unterminated quote", line: 1)
            }
        }
        guard let header else { throw file.corrupt("no header row", line: 1) }
        return header
    }
}
