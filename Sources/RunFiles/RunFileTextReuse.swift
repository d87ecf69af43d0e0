#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The text cells of a run file read down its columns, each `String` reused when the next
/// row's cell holds the same bytes: `tables/benchmark.csv` has three rows a service under
/// the same authority, service and period, and a name longer than fifteen bytes is a heap
/// allocation each time it is made (issue 25: the report by hand held three copies of
/// every name). One per reading thread; it only remembers the last text of each column.
@usableFromInline
final class RunFileTextReuse {
    /// Unchecked: one reading thread owns this object and no access to `last` overlaps
    /// another (each is a read or a write of one element, never across a call), and the
    /// dynamic check cost a tenth of reading `clean/services.csv` by hand (issue 25).
    @exclusivity(unchecked) private var last: [String?] = []

    @usableFromInline
    init() {}

    /// The previous text of `column` when `cell` holds exactly its bytes, else the text of
    /// `cell` (remembered for the next row). `cell` is UTF-8 (`TextScan` checked it).
    func text(column: Int, cell: UnsafeBufferPointer<UInt8>) -> String {
        if column < last.count, var previous = last[column], previous.withUTF8({ Self.same($0, cell) }) {
            return previous
        }
        let text = String(decoding: cell, as: UTF8.self)
        if column >= last.count { last += Array(repeating: nil, count: column - last.count + 1) }
        last[column] = text
        return text
    }

    /// Whether `a` and `b` hold the same bytes (`memcmp`: a name compared byte by byte through
    /// the generic `elementsEqual` was a tenth of reading the names).
    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let first = a.baseAddress, let second = b.baseAddress else { return true }  // both empty
        return memcmp(first, second, a.count) == 0
    }
}
