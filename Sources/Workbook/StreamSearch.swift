import Foundation

/// Whether a byte string occurs in a stream seen piece by piece (a worksheet as it is
/// inflated): each piece is searched with `memchr` for the needle's first byte and `memcmp`
/// for the rest, the needle's length − 1 bytes of the piece before carried over so that an
/// occurrence split between two pieces is found.
///
/// Why while inflating: `mergeCells` follows `sheetData` (`MergedRanges`), so whether a sheet
/// has merged cells must be known before its rows are read; looking as the bytes go by
/// saves reading a large sheet back once more only to find that it has none (issue 30).
struct StreamSearch {
    private let needle: [UInt8]
    private var carried: [UInt8] = []
    private(set) var found = false

    init(_ needle: String) { self.needle = Array(needle.utf8) }

    mutating func scan(_ piece: UnsafeRawBufferPointer) {
        guard !found, !needle.isEmpty else { return }
        if !carried.isEmpty {
            // Only the occurrences that start in the carried bytes: the rest are in the piece.
            let joint = carried + piece.prefix(needle.count - 1)
            found = joint.withUnsafeBytes { Self.contains($0, needle) }
            if found { return }
        }
        found = Self.contains(piece, needle)
        let keep = min(needle.count - 1, piece.count)
        carried = (carried + piece.suffix(keep)).suffix(needle.count - 1)
    }

    static func contains(_ bytes: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= needle.count else { return false }
        var at = 0
        let last = bytes.count - needle.count
        while at <= last {
            guard let found = memchr(base + at, Int32(needle[0]), last - at + 1) else { return false }
            at = base.distance(to: UnsafeRawPointer(found))
            if memcmp(base + at, needle, needle.count) == 0 { return true }
            at += 1
        }
        return false
    }
}
