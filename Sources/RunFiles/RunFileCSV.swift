import Tabular
import VFMCore

/// Reading back a CSV file that one of this project's stages wrote into a run directory.
/// Such a file cannot be "messy input": one that does not parse is a damaged run
/// directory, reported as a data error (65) naming the file and line and saying which
/// command rewrites it.
public struct RunFileCSV: Sendable {
    /// The file as named in messages.
    public let file: String
    /// What to do when it is damaged, e.g. "run the clean stage again to rewrite it".
    public let hint: String

    public init(file: String, hint: String) {
        self.file = file
        self.hint = hint
    }

    /// Every record, header first.
    public func records(_ bytes: [UInt8]) throws(VFMError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        try forEachRecord(bytes) { records.append($0) }
        return records
    }

    /// Every record, header first, without holding them all.
    public func forEachRecord(_ bytes: [UInt8], _ body: (CSVRecord) -> Void) throws(VFMError) {
        do {
            try CSVRecordParser.forEachRecord(utf8: bytes, body)
        } catch {
            switch error {
            case .unterminatedQuote(let line): throw corrupt("unterminated quoted field", line: line)
            }
        }
    }

    /// Run files hold cells of any length the stages wrote (a rejected row's whole record):
    /// the parser's 64 KiB limit is for input, not here.
    static let cellLimit = Int(Int32.max)

    public func corrupt(_ message: String, line: Int) -> VFMError {
        VFMError(.dataError, message, file: file, line: line, hint: hint)
    }
}
