/// The accepted rows of one table, each return beside its extra cells, held as two arrays
/// rather than one array of pairs: the ingest stage takes a single file's returns as they
/// are (`takeReturns`), where an array of pairs had to be taken apart row by row — at 10^6
/// rows a 190 MB copy on one core while the other waited, and a second such block of memory
/// at the peak (issue 30).
struct AcceptedRows: RandomAccessCollection {
    private(set) var returns: [ServiceReturn] = []
    /// One per return; empty for every row of a table without extra columns.
    private(set) var extraValues: [[String?]] = []

    init() {}

    var startIndex: Int { 0 }
    var endIndex: Int { returns.count }

    subscript(position: Int) -> (serviceReturn: ServiceReturn, extraValues: [String?]) {
        (returns[position], extraValues[position])
    }

    mutating func reserveCapacity(_ count: Int) {
        returns.reserveCapacity(count)
        extraValues.reserveCapacity(count)
    }

    mutating func append(_ serviceReturn: consuming ServiceReturn, extraValues values: consuming [String?]) {
        returns.append(serviceReturn)
        extraValues.append(values)
    }

    /// Moves `other`'s rows after these, in order (each row moved, none copied: a copy of a
    /// return retains its strings and arrays).
    mutating func append(moving other: consuming AcceptedRows) {
        guard !other.isEmpty else { return }
        guard !isEmpty else {
            self = other
            return
        }
        other.returns.withUnsafeMutableBufferPointer { $0.reverse() }
        other.extraValues.withUnsafeMutableBufferPointer { $0.reverse() }
        while let row = other.returns.popLast() { returns.append(row) }
        while let values = other.extraValues.popLast() { extraValues.append(values) }
    }

    /// The returns, leaving none here.
    mutating func takeReturns() -> [ServiceReturn] {
        defer { extraValues = [] }
        let taken = returns
        returns = []
        return taken
    }
}
