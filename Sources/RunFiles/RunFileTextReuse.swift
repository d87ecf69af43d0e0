/// The text cells of a run file read down its columns, each `String` reused when the next
/// row's cell holds the same bytes: `tables/benchmark.csv` has three rows a service under
/// the same authority, service and period, and a name longer than fifteen bytes is a heap
/// allocation each time it is made (issue 25: the report by hand held three copies of
/// every name). One per reading thread; it only remembers the last text of each column.
final class RunFileTextReuse {
    private var last: [String?] = []

    /// The previous text of `column` when `cell` holds exactly its bytes, else `make()`
    /// (remembered for the next row).
    func text(column: Int, cell: UnsafeBufferPointer<UInt8>, make: () -> String) -> String {
        if column < last.count, var previous = last[column], previous.withUTF8({ $0.elementsEqual(cell) }) {
            return previous
        }
        let text = make()
        if column >= last.count { last += Array(repeating: nil, count: column - last.count + 1) }
        last[column] = text
        return text
    }
}
