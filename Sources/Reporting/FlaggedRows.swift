/// The rows of `clean/services.csv` flagged as outliers on one or more measures, looked up
/// by position: a chart asks it of each of its services, a million times at 10⁶ rows, where
/// a `Set<Int>` would hash every row. A union shares its parts' marks instead of copying them.
struct FlaggedRows: ExpressibleByArrayLiteral {
    /// One mark per row, per measure.
    private var marks: [[Bool]]

    init(_ rows: some Sequence<Int>) {
        var flagged: [Bool] = []
        for row in rows where row >= 0 {
            if row >= flagged.count { flagged += repeatElement(false, count: row + 1 - flagged.count) }
            flagged[row] = true
        }
        marks = [flagged]
    }

    init(arrayLiteral rows: Int...) {
        self.init(rows)
    }

    /// The rows `marks` holds true at.
    init(marks: [Bool]) {
        self.marks = [marks]
    }

    /// No row is flagged.
    var isEmpty: Bool { marks.allSatisfy { !$0.contains(true) } }

    func contains(_ row: Int) -> Bool {
        marks.contains { row >= 0 && row < $0.count && $0[row] }
    }

    /// Rows flagged in either.
    func union(_ other: FlaggedRows) -> FlaggedRows {
        var joined = self
        joined.marks += other.marks
        return joined
    }
}
