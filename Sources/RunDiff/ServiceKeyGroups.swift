import VFMCore

/// A row of a per-service table (`clean/services.csv`, `clean/flags.csv`,
/// `tables/benchmark.csv`): SPEC §7 writes them all in service order (authority, service,
/// period by UTF-8 bytes, then source), so two runs' tables merge-join on this key.
protocol ServiceKeyed {
    var serviceKey: ServiceKey { get }
}

/// The rows of one table, handed over one service key at a time (every row of a duplicated
/// service together), in ascending key order. Only one group is held. A row whose key
/// sorts before the previous one ends the groups and sets `outOfOrder`: the table is
/// not in SPEC §7 order, and the caller compares it another way.
struct ServiceKeyGroups<Row: ServiceKeyed> {
    private let read: () throws(VFMError) -> Row?
    private var lookahead: Row?
    private var started = false
    private var previous: ServiceKey?
    private(set) var outOfOrder = false

    init(read: @escaping () throws(VFMError) -> Row?) {
        self.read = read
    }

    /// Rows held in memory, sorted by key first when they are not (stably, so the rows of
    /// one key keep their order).
    init(sorting rows: [Row]) {
        let inOrder = zip(rows, rows.dropFirst()).allSatisfy { !($1.serviceKey < $0.serviceKey) }
        let sorted = inOrder ? rows : rows.enumerated().sorted { lhs, rhs in
            lhs.element.serviceKey != rhs.element.serviceKey ? lhs.element.serviceKey < rhs.element.serviceKey
                : lhs.offset < rhs.offset
        }.map(\.element)
        var index = 0
        self.init { () throws(VFMError) -> Row? in
            guard index < sorted.count else { return nil }
            defer { index += 1 }
            return sorted[index]
        }
    }

    /// The next key and its rows; `nil` at the end (or when the order broke).
    mutating func next() throws(VFMError) -> (key: ServiceKey, rows: [Row])? {
        if !started {
            started = true
            lookahead = try read()
        }
        guard !outOfOrder, let first = lookahead else { return nil }
        let key = first.serviceKey
        if let previous, key < previous {
            outOfOrder = true
            return nil
        }
        previous = key
        var rows = [first]
        while true {
            lookahead = try read()
            guard let row = lookahead, row.serviceKey == key else { break }
            rows.append(row)
        }
        return (key, rows)
    }
}

/// Walks two tables' key groups in step: `body` gets each key's old and new rows (one side
/// empty for a key only one run has), in ascending key order.
/// - Returns: false when either table turned out not to be in key order (nothing can be
///   concluded from what `body` has seen; the caller starts again another way).
func mergeServiceGroups<Row>(_ old: inout ServiceKeyGroups<Row>, _ new: inout ServiceKeyGroups<Row>,
                             _ body: ([Row], [Row]) -> Void) throws(VFMError) -> Bool {
    var before = try old.next(), after = try new.next()
    while true {
        switch (before, after) {
        case (nil, nil):
            return !old.outOfOrder && !new.outOfOrder
        case (let b?, nil):
            body(b.rows, [])
            before = try old.next()
        case (nil, let a?):
            body([], a.rows)
            after = try new.next()
        case (let b?, let a?):
            if b.key < a.key {
                body(b.rows, [])
                before = try old.next()
            } else if a.key < b.key {
                body([], a.rows)
                after = try new.next()
            } else {
                body(b.rows, a.rows)
                before = try old.next()
                after = try new.next()
            }
        }
    }
}
