/// Why a file could not be read as an `.xlsx` workbook. Every case is a file error for the
/// caller (SPEC §3 exit 65); `message` says what is wrong in the user's words, `cause`
/// carries the underlying library error's text where there is one.
public struct WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem; a struct over a private-style enum so that new kinds are additive.
    public enum Kind: String, Sendable, Equatable {
        /// An Excel 97–2003 `.xls` (OLE2 compound file, signature `D0 CF 11 E0`).
        case legacyExcel
        /// An OLE2 container holding `EncryptionInfo`/`EncryptedPackage`: a password-protected `.xlsx`.
        case encrypted
        /// An OpenDocument spreadsheet (`.ods`).
        case openDocument
        /// Neither a ZIP archive nor an OLE2 file.
        case notAWorkbook
        /// The ZIP archive is truncated or damaged, or a part fails its CRC check.
        case corruptArchive
        /// A part would inflate beyond `WorkbookLimits` (a ZIP bomb, or a workbook far
        /// beyond any return).
        case partTooLarge
        /// A part the workbook needs is missing or is not well-formed XML.
        case malformedPart
        /// `--sheet NAME` names no worksheet of the workbook.
        case noSuchSheet
        /// The workbook has no worksheet at all.
        case noSheets
        /// The unnamed scratch file a worksheet is inflated into could not be written (the
        /// temporary directory is full or not writable): an I/O error, not a damaged workbook.
        case scratchSpace
    }

    public var kind: Kind
    public var message: String
    /// The underlying error (zlib's, libxml2's), for diagnosis; may be empty.
    public var cause: String

    public init(_ kind: Kind, _ message: String, cause: String = "") {
        self.kind = kind
        self.message = message
        self.cause = cause
    }

    public var description: String { cause.isEmpty ? message : "\(message) (\(cause))" }
}

/// How large the parts of a workbook may inflate to. A worksheet of 10^6 returns with 40
/// columns is about 400 MB of XML; the limits sit above that and far below what would
/// exhaust the machine. A part whose declared size exceeds its limit is refused before any
/// byte is inflated; a part whose declared size lies is stopped as soon as the inflated
/// bytes pass the limit.
public struct WorkbookLimits: Sendable, Equatable {
    /// A worksheet part (streamed to a temporary file, never held in memory).
    public var sheetBytes: Int
    /// `sharedStrings.xml` (its strings are held in memory).
    public var sharedStringsBytes: Int
    /// Every other part read: workbook, relationships, styles.
    public var otherPartBytes: Int
    /// Strings in `sharedStrings.xml`: bounded by count as well as bytes, because an empty
    /// string costs a few bytes of XML and tens in memory (issue 31: 50 million of them in a
    /// 385 KB workbook took 47 s and 1.08 GB). A million-row return has a few million.
    public var sharedStringCount: Int
    /// The text of one row, summed over its cells: a shared string is stored once but
    /// counted where it is used (issue 31: one 60 KB string in 3,000 columns of every row
    /// made a 23 KB workbook cost 1.21 GB and write 3.4 GB). A real return's row is a few
    /// hundred bytes.
    public var rowTextBytes: Int

    public static let standard = WorkbookLimits(sheetBytes: 1 << 30, sharedStringsBytes: 256 << 20,
                                                otherPartBytes: 32 << 20)

    public init(sheetBytes: Int, sharedStringsBytes: Int, otherPartBytes: Int,
                sharedStringCount: Int = 5_000_000, rowTextBytes: Int = 1 << 20) {
        self.sheetBytes = sheetBytes
        self.sharedStringsBytes = sharedStringsBytes
        self.otherPartBytes = otherPartBytes
        self.sharedStringCount = sharedStringCount
        self.rowTextBytes = rowTextBytes
    }
}
