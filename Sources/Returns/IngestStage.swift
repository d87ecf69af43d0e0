import Foundation
import PipelineDefinition
import VFMCore

/// The ingest stage (SPEC §4): reads every input return into typed rows and rejects,
/// accounting for every row of every file (rows read = accepted + rejected).
public enum IngestStage {
    /// How many rejected rows are listed on stderr before "and N more".
    static let rejectsLogged = 20

    /// - Parameters:
    ///   - inputs: files or directories as given on the command line (a directory is every
    ///     `*.csv` and `*.xlsx` directly inside it, sorted by name).
    ///   - pipeline: supplies the missing-value words and the worksheet to read (`[input] sheet`).
    ///   - sheet: `--sheet NAME`, the worksheet of `.xlsx` inputs; overrides the pipeline's.
    ///   - skipBadFiles: `--skip-bad-files` (issue 28): a file that cannot be read as a table
    ///     is left out and named, with its reason, in the warnings (log, `inputs.json`, the
    ///     report) instead of failing the run; the others are read. When every file is bad,
    ///     the first one's error is thrown: there is nothing to publish.
    /// - Throws: `.noInput` for a missing input or an empty directory; `.usage` when two
    ///   inputs share an output name; `.dataError` for a file that cannot be read as a table.
    public static func run(inputs: [String], pipeline: PipelineDefinition, sheet: String? = nil,
                           skipBadFiles: Bool = false, log: StageLog) throws(VFMError) -> IngestResult {
        let (files, discoveryWarnings) = try InputDiscovery.scan(inputs)
        let missingWords = MissingValueWords(pipeline.missingValueWords)
        let totals = pipeline.totalsLabels.map(TotalsLabels.init) ?? .standard
        let sheetOption = sheet
        let sheet = sheet ?? pipeline.inputSheet
        var ingested: [FileIngest] = []
        var leftOut: [VFMError] = []
        for file in files {
            do throws(VFMError) {
                ingested.append(try FileIngest.read(file, sheet: sheet, missingWords: missingWords, totals: totals))
            } catch {
                guard skipBadFiles, error.status == .dataError else { throw error }
                leftOut.append(error)
            }
        }
        if let first = leftOut.first, ingested.isEmpty { throw first }

        let union = ExtraColumnUnion(ingested.map(\.extraColumns))
        var returns: [ServiceReturn] = []
        var rejected: [RejectedRow] = []
        var warnings = discoveryWarnings
        warnings += leftOut.map { "file left out (--skip-bad-files), the others are published: " + $0.description }
        let acceptedCount = ingested.reduce(0) { $0 + $1.accepted.count }
        for fileIndex in ingested.indices {
            // The file's rows are taken out of it: the first file's returns as they are when
            // no extra columns are to be placed, else moved one by one (`popLast` moves; a
            // loop over the array would copy every row, a retain per string). `sortStably`
            // puts them in one total order whatever order they came in.
            var accepted = ingested[fileIndex].accepted
            ingested[fileIndex].accepted = AcceptedRows()
            let file = ingested[fileIndex]
            if union.names.isEmpty, returns.isEmpty {
                returns = accepted.takeReturns()
            } else {
                returns.reserveCapacity(acceptedCount)
                let positions = file.extraColumns.map { union.position(of: $0.key) }
                var values = accepted.extraValues
                var rows = accepted.takeReturns()
                while var row = rows.popLast() {
                    let rowValues = values.popLast() ?? []
                    if !union.names.isEmpty {
                        var cells = union.names.map { ExtraCell(header: $0, value: nil) }
                        for (index, value) in rowValues.enumerated() {
                            if let position = positions[index] { cells[position].value = value }
                        }
                        row.extraColumns = cells
                    }
                    returns.append(row)
                }
            }
            rejected += file.rejected
            warnings += file.warnings
        }
        warnings += PeriodLabels.normalise(&returns)
        ServiceReturn.sortStably(&returns)
        rejected.sort { $0.source < $1.source }
        var result = IngestResult(returns: returns, rejected: rejected, files: ingested.map(\.summary), warnings: warnings)
        result.sheetOption = sheetOption
        result.returnsInStableOrder = true
        report(result, log: log)
        return result
    }

    private static func report(_ result: IngestResult, log: StageLog) {
        for warning in result.warnings { log.warning(warning) }
        for row in result.rejected.prefix(rejectsLogged) {
            log.warning("\(row.source): rejected (\(row.rule.rawValue)): \(row.message)")
        }
        if result.rejected.count > rejectsLogged {
            log.warning("… and \(result.rejected.count - rejectsLogged) more rejected rows (see ingest/rejected.csv)")
        }
        let read = result.files.reduce(0) { $0 + $1.rowsRead }
        log.info("ingest: \(result.files.count) file\(result.files.count == 1 ? "" : "s"), \(read) rows read, "
            + "\(result.returns.count) accepted, \(result.rejected.count) rejected")
    }
}

/// The extra columns of all files together, in one order that does not depend on the
/// order of the inputs: sorted by header key, then by name. A column is the same column
/// in two files when its `HeaderKey` is the same (`Region` and `region`); its name is
/// taken from the first file (by name) that has it.
struct ExtraColumnUnion {
    private(set) var names: [String] = []
    private var positions: [HeaderKey: Int] = [:]

    init(_ perFile: [[ExtraColumn]]) {
        var firstName: [HeaderKey: String] = [:]
        for columns in perFile {
            for column in columns where firstName[column.key] == nil { firstName[column.key] = column.name }
        }
        let keys = firstName.keys.sorted()
        for (index, key) in keys.enumerated() { positions[key] = index }
        names = keys.map { firstName[$0] ?? $0.text }
    }

    func position(of key: HeaderKey) -> Int? { positions[key] }
}

extension ServiceReturn {
    /// SPEC §7: authority, service, period, source file, line — byte order, so that the
    /// same rows sort the same on every machine; a missing period sorts first.
    /// Inlinable, with `ByteOrder.compare`, so that a caller comparing rows where they lie
    /// (`CleanOrder`) reads their names in place instead of copying each row for the call.
    @inlinable
    public static func stableOrder(_ lhs: ServiceReturn, _ rhs: ServiceReturn) -> Bool {
        if let order = ByteOrder.compare(lhs.authority, rhs.authority) { return order }
        if let order = ByteOrder.compare(lhs.service, rhs.service) { return order }
        if lhs.period == nil, rhs.period != nil { return true }
        if lhs.period != nil, rhs.period == nil { return false }
        if let left = lhs.period, let right = rhs.period, let order = ByteOrder.compare(left, right) { return order }
        return lhs.source < rhs.source
    }
}

extension ServiceReturn {
    /// Whether `rows` are in `stableOrder` already: n − 1 comparisons of neighbours (an array
    /// in order is what a stable sort leaves).
    package static func isInStableOrder(_ rows: [ServiceReturn]) -> Bool {
        rows.withUnsafeBufferPointer { rows in
            rows.indices.dropFirst().allSatisfy { !stableOrder(rows[$0], rows[$0 - 1]) }
        }
    }

    /// Puts `rows` in `stableOrder`: sorts each row's number beside the start of its key
    /// (`StableSortKey`), then moves each row once into its place, in place (a million
    /// returns sort in a fraction of the time of moving them around, and a move in the
    /// buffer retains nothing). Two keys compare without reading the rows unless their
    /// authorities' ranks and the first 16 bytes of their services are equal; the row
    /// number breaks a tie of whole rows, as a stable sort would.
    static func sortStably(_ rows: inout [ServiceReturn]) {
        let order = rows.withUnsafeBufferPointer { rows -> [Int] in
            // Few authorities, many rows each: their byte order is decided once, as ranks.
            // Each row's authority read where the row lies (`rows.lazy.map(\.authority)`
            // copied every row to read one field: a retain and release of its five strings).
            let ranks = ByteOrder.ranks(rows.indices.lazy.map { rows[$0].authority })
            let keys = Parallel.mapInHalves(rows.count) { range in
                range.map { row in
                    StableSortKey(service: ByteOrder.Prefix(rows[row].service),
                                  authorityRank: ranks.map { UInt32(truncatingIfNeeded: $0[row]) } ?? 0,
                                  row: UInt32(truncatingIfNeeded: row))
                }
            }.flatMap { $0 }
            // The halves are sorted on both cores (`Parallel.sorted`: the same order as one
            // stable sort); where the keys cannot tell, the rows are read where they lie.
            let ranked = ranks != nil
            return Parallel.sorted(keys) { a, b in
                if ranked, a.authorityRank != b.authorityRank { return a.authorityRank < b.authorityRank }
                if ranked, let order = ByteOrder.Prefix.compare(a.service, b.service) { return order }
                let left = Int(a.row), right = Int(b.row)
                if stableOrder(rows[left], rows[right]) { return true }
                if stableOrder(rows[right], rows[left]) { return false }
                return left < right
            }.map { Int($0.row) }
        }
        guard order.indices.contains(where: { order[$0] != $0 }) else { return }
        rows.permute(to: order)
        reallocateStorage(&rows)
    }

    /// Gives each row's counts and service name a new allocation, in the rows' order: after
    /// a sort that moved rows, the ones made while reading lie in file order, and every later
    /// pass over the rows in their new order (a dozen, from cleaning to the report) then
    /// reached them at random, a cache miss per row each — measured at 10^6 rows, 1.7 s of
    /// CPU in all. Every new allocation is made before any old one is freed, so that none
    /// lands in a hole an old one left (which would scatter them again); in two halves on
    /// two cores, each half in order. The values are the same; only where they lie changes.
    static func reallocateStorage(_ rows: inout [ServiceReturn]) {
        var previous: [[(CountValues, String)]] = []
        rows.withUnsafeMutableBufferPointer { rows in
            previous = Parallel.mapInHalves(rows.count) { range in
                range.map { index in
                    let old = (rows[index].counts, rows[index].service)
                    rows[index].counts = old.0.reallocated()
                    // From its bytes: a new string, never the old storage shared.
                    rows[index].service = old.1.utf8.withContiguousStorageIfAvailable { String(decoding: $0, as: UTF8.self) }
                        ?? String(decoding: Array(old.1.utf8), as: UTF8.self)
                    return old
                }
            }
        }
        // The old allocations freed, all at once, each half on its own core.
        previous.withUnsafeMutableBufferPointer { halves in
            _ = Parallel.map(halves.count) { half in halves[half] = [] }
        }
        // Their pages, nearly all of them free now, go back to the system rather than
        // waiting in the allocator's lists (at 10^6 rows they would add ~150 MB to the peak).
        FreedMemory.returnToSystem()
    }
}

/// What `ServiceReturn.sortStably` sorts: a row's number beside what decides most of its
/// comparisons, its authority's rank and its service's first 16 bytes (24 bytes a row, read
/// in sequence by the sort where the rows themselves would be reached at random). 32 bits
/// hold any row number and rank: 2^32 returns of some 200 bytes each could not be held.
struct StableSortKey: Sendable {
    var service: ByteOrder.Prefix
    var authorityRank: UInt32
    var row: UInt32
}

extension ByteOrder {
    /// A text's first 16 UTF-8 bytes as two big-endian words, zero-padded: where two
    /// prefixes differ, the texts compare as their prefixes do (the first differing byte
    /// lies in them, or the shorter text ends there and the other's byte is above 0);
    /// where they are equal the texts must be compared whole.
    struct Prefix: Equatable, Sendable {
        var high: UInt64 = 0, low: UInt64 = 0

        init(_ text: String) {
            func take(_ bytes: UnsafeBufferPointer<UInt8>) {
                if bytes.count >= 16, let base = bytes.baseAddress {
                    // Two whole words: each read at once, its first byte made the highest.
                    let raw = UnsafeRawPointer(base)
                    high = UInt64(bigEndian: raw.loadUnaligned(as: UInt64.self))
                    low = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                    return
                }
                for index in 0..<min(bytes.count, 16) {
                    let byte = UInt64(bytes[index])
                    if index < 8 { high |= byte << (56 - 8 * index) } else { low |= byte << (56 - 8 * (index - 8)) }
                }
            }
            // Native strings hold their UTF-8 contiguously; others are copied first.
            if text.utf8.withContiguousStorageIfAvailable(take) == nil { Array(text.utf8.prefix(16)).withUnsafeBufferPointer(take) }
        }

        /// `lhs`'s text before `rhs`'s, or `nil` when the prefixes cannot tell.
        @inline(__always)
        static func compare(_ lhs: Prefix, _ rhs: Prefix) -> Bool? {
            if lhs.high != rhs.high { return lhs.high < rhs.high }
            if lhs.low != rhs.low { return lhs.low < rhs.low }
            return nil
        }
    }

    /// Each text's rank in byte order among the distinct texts (equal bytes, equal rank),
    /// or `nil` when two texts are equal as `String`s (canonically equivalent) but not byte
    /// for byte — a dictionary of `String`s cannot tell those apart.
    static func ranks<Texts: Collection<String>>(_ texts: Texts) -> [Int]? {
        var slots: [String: Int] = [:]
        var distinct: [String] = []
        var slotOfText: [Int] = []
        slotOfText.reserveCapacity(texts.count)
        for text in texts {
            if let slot = slots[text] {
                guard compare(distinct[slot], text) == nil else { return nil }  // bytes equal (memcmp)
                slotOfText.append(slot)
            } else {
                slots[text] = distinct.count
                slotOfText.append(distinct.count)
                distinct.append(text)
            }
        }
        var rankOfSlot = [Int](repeating: 0, count: distinct.count)
        for (rank, slot) in distinct.indices.sorted(by: { compare(distinct[$0], distinct[$1]) == true }).enumerated() {
            rankOfSlot[slot] = rank
        }
        return slotOfText.map { rankOfSlot[$0] }
    }
}
