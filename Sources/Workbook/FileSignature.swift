import Foundation

/// What the first bytes of a file say it is. Files are told apart by content, not name, so
/// that a workbook saved as `.csv` (or a CSV named `.xlsx`) gets the right message.
public enum FileSignature: Sendable, Equatable {
    /// `PK\x03\x04` (or the empty-archive `PK\x05\x06`): an OOXML or ODF package.
    case zip
    /// `D0 CF 11 E0 A1 B1 1A E1`: an OLE2 compound file (legacy `.xls`, or an encrypted OOXML workbook).
    case ole2
    case other

    public static func of(_ prefix: some Collection<UInt8>) -> FileSignature {
        let bytes = Array(prefix.prefix(8))
        if bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B,
           (bytes[2] == 0x03 && bytes[3] == 0x04) || (bytes[2] == 0x05 && bytes[3] == 0x06) {
            return .zip
        }
        if bytes == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] { return .ole2 }
        return .other
    }

    /// The error for an OLE2 file: Office writes a password-protected `.xlsx` as an OLE2
    /// container whose directory names the streams `EncryptionInfo` and `EncryptedPackage`
    /// (MS-OFFCRYPTO §2.3.4); a legacy `.xls` has a `Workbook` (or `Book`) stream instead.
    /// The directory entry names are UTF-16LE, so they are found by a byte search.
    static func ole2Error(_ bytes: [UInt8]) -> WorkbookError {
        let marker = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        if contains(bytes, marker) {
            return WorkbookError(.encrypted, "the workbook is password-protected (encrypted), so its cells cannot be read")
        }
        return WorkbookError(.legacyExcel, "this is a legacy Excel 97–2003 workbook (.xls), which is not read")
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index ..< index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
