import Foundation
import Tabular
import PipelineDefinition
import Returns
import VFMCore

/// Rows that report the same (authority, service, period) (SPEC §5). Names are compared
/// after trimming, collapsing inner white space and case-folding (`"Leeds "`, `"LEEDS"` and
/// `"Leeds  "` are the same authority: the returns are typed by people); a missing period
/// matches only a missing period.
enum DuplicateScreen {
    struct Key: Hashable {
        var authority: String
        var service: String
        var period: String?

        init(_ row: borrowing ServiceReturn) {
            authority = Self.fold(row.authority)
            service = Self.fold(row.service)
            period = row.period.map(Self.fold)
        }

        /// A hash of the `Key` of a row's names that equal keys share: each field's folded
        /// text as bytes, in canonical composition (NFC) when it is not ASCII, because
        /// `String` equality is canonical equivalence.
        static func hash(_ authority: String, _ service: String, _ period: String?, scratch: inout [UInt8]) -> Int {
            var hasher = Hasher()
            combine(authority, into: &hasher, scratch: &scratch)
            combine(service, into: &hasher, scratch: &scratch)
            if let period {
                hasher.combine(1 as UInt8)
                combine(period, into: &hasher, scratch: &scratch)
            } else {
                hasher.combine(0 as UInt8)
            }
            return hasher.finalize()
        }

        private static func combine(_ text: String, into hasher: inout Hasher, scratch: inout [UInt8]) {
            scratch.removeAll(keepingCapacity: true)
            if !foldASCII(text, into: &scratch) {
                scratch.append(contentsOf: fold(text).precomposedStringWithCanonicalMapping.utf8)
            }
            hasher.combine(scratch.count)
            scratch.withUnsafeBytes { hasher.combine(bytes: $0) }
        }

        /// `fold(text)`'s bytes into `folded` when `text` is ASCII; false (nothing
        /// appended) when it is not.
        private static func foldASCII(_ text: String, into folded: inout [UInt8]) -> Bool {
            let done = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                // Never longer than the text: runs of white space only shrink.
                folded.appendScratch(capacity: bytes.count) { out in
                    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
                    guard let start = bytes.firstIndex(where: { !isSpace($0) }),
                          let last = bytes.lastIndex(where: { !isSpace($0) }) else { return 0 }
                    var count = 0, afterSpace = false
                    for byte in bytes[start...last] {
                        if isSpace(byte) {
                            afterSpace = true
                            continue
                        }
                        if afterSpace {
                            out[count] = 0x20
                            count += 1
                            afterSpace = false
                        }
                        out[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                        count += 1
                    }
                    return count
                }
            }
            if let done { return done }
            return false
        }

        /// Lower-cased (Unicode's default case mapping), surrounding white space removed and
        /// inner runs of white space made one space (SPEC §11: `Leeds  City` and `Leeds City`
        /// are one service). ASCII text — nearly every name — is folded byte by byte, with
        /// the same result: the ASCII white space is tab, LF, VT, FF, CR and space.
        static func fold(_ text: String) -> String {
            let utf8 = text.utf8
            var folded: [UInt8] = []
            folded.reserveCapacity(utf8.count)
            guard utf8.allSatisfy({ $0 < 0x80 }), foldASCII(text, into: &folded) else {
                return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            if folded.elementsEqual(utf8) { return text }
            return String(decoding: folded, as: UTF8.self)
        }
    }

    /// Groups of two or more services sharing a key, each group ordered by (source file,
    /// line); values are indices into `services`. Each service's key is hashed once from
    /// its folded bytes (no `String` built for ASCII names), on all cores (`SharedHashes`);
    /// only services whose hashes meet are compared as `Key`s (issue 12).
    static func groups(_ services: [CleanedService]) -> [[Int]] {
        let candidates = SharedHashes.candidates(services) { authority, service, period, scratch in
            Key.hash(authority, service, period, scratch: &scratch)
        }
        var groups: [[Int]] = []
        for var rest in candidates {
            while rest.count > 1 {
                let key = Key(services[rest[0]].input)
                let same = rest.filter { Key(services[$0].input) == key }
                rest.removeAll { Key(services[$0].input) == key }
                if same.count > 1 { groups.append(same) }
            }
        }
        let source = { (index: Int) in services[index].input.source }
        return groups.map { $0.sorted { source($0) < source($1) } }.sorted { source($0[0]) < source($1[0]) }
    }

    /// The `duplicate` flag of the row at `position` of a group whose rows are at `sources`
    /// (in source order).
    static func flag(group sources: [SourceLocation], at position: Int) -> ServiceFlag {
        var others: [SourceLocation] = []
        for (offset, source) in sources.enumerated() where offset != position {
            others.append(source)
            if others.count == listedOthers { break }
        }
        return ServiceFlag(rule: .duplicate, metric: nil, value: nil, threshold: nil,
                           detail: .text("same authority, service and period as " + othersText(count: sources.count - 1, first: others)))
    }

    /// Rows named in a message about a group before it is named by its size instead.
    static let listedOthers = 5

    /// The other rows of a group, for a message: every one when there are at most
    /// `listedOthers`, else the first ones and how many more. A row repeated k times then
    /// costs k flags of bounded length, not k² names (issue 31: one row 10,000 times wrote
    /// a 2.39 GB clean/flags.csv and took 26 s and 2.4 GB).
    static func othersText(count: Int, first others: [SourceLocation]) -> String {
        let shown = others.prefix(listedOthers).map(\.description)
        guard count > shown.count else { return shown.joined(separator: ", ") }
        return shown.joined(separator: ", ") + " and \(HumanNumbers.count(count - shown.count)) more rows"
    }

    /// Whether `lhs` was submitted before `rhs` (`keep-latest`): by file name without its
    /// extension, then the whole name, then line — a resubmission's name extends the
    /// original's (`returns_v2`, `returns-v2`, `returns (2)`), so it sorts after it.
    static func isEarlierSubmission(_ lhs: SourceLocation, _ rhs: SourceLocation) -> Bool {
        func stem(_ file: String) -> Substring {
            guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return Substring(file) }
            return file[..<dot]
        }
        let left = stem(lhs.file), right = stem(rhs.file)
        if let order = ByteOrder.compare(String(left), String(right)) { return order }
        return lhs < rhs
    }

    static func supersededMessage(latest: SourceLocation) -> String {
        "same authority, service and period as \(latest), a later submission, which is kept (duplicate_policy = keep-latest); "
            + "nothing to do if that row is the correction — otherwise remove the file that is out of date"
    }

    static func rejectMessage(first: SourceLocation) -> String {
        "same authority, service and period as \(first), which is kept (duplicate_policy = keep-first)"
    }
}
