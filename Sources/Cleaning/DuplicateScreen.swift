import Foundation
import PipelineDefinition
import Returns
import VFMCore

/// Rows that report the same (authority, service, period) (SPEC §5). Names are compared
/// after trimming and case-folding (`"Leeds "` and `"LEEDS"` are the same authority: the
/// returns are typed by people); a missing period matches only a missing period.
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

        /// Trimmed (Foundation's `whitespacesAndNewlines`) and lower-cased (Unicode). ASCII
        /// text — nearly every name — is folded byte by byte, with the same result: the
        /// ASCII members of that set are tab, LF, VT, FF, CR and space.
        static func fold(_ text: String) -> String {
            let utf8 = text.utf8
            guard utf8.allSatisfy({ $0 < 0x80 }) else {
                return text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            }
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            let start = utf8.firstIndex { !isSpace($0) } ?? utf8.endIndex
            let end = utf8.lastIndex { !isSpace($0) }.map(utf8.index(after:)) ?? start
            let body = utf8[start..<end]
            let isUpper = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
            if start == utf8.startIndex, end == utf8.endIndex, !body.contains(where: isUpper) { return text }
            return String(decoding: body.map { isUpper($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
    }

    /// Groups of two or more services sharing a key, each group ordered by (source file,
    /// line); values are indices into `services`. Each key is hashed once, and only
    /// duplicates get a list.
    static func groups(_ services: [CleanedService]) -> [[Int]] {
        var first: [Key: Int] = [:]
        first.reserveCapacity(services.count)
        var members: [Int: [Int]] = [:]
        for index in services.indices {
            let seen = first.firstOrInsert(Key(services[index].input), index)
            if seen != index { members[seen, default: [seen]].append(index) }
        }
        let source = { (index: Int) in services[index].input.source }
        return members.values.map { $0.sorted { source($0) < source($1) } }.sorted { source($0[0]) < source($1[0]) }
    }

    static func flag(others: [SourceLocation]) -> ServiceFlag {
        let list = others.map(\.description).joined(separator: ", ")
        return ServiceFlag(rule: .duplicate, metric: nil, value: nil, threshold: nil,
                           detail: .text("same authority, service and period as \(list)"))
    }

    static func rejectMessage(first: SourceLocation) -> String {
        "same authority, service and period as \(first), which is kept (duplicate_policy = keep-first)"
    }
}

extension Dictionary where Value == Int {
    /// The value stored for `key`, storing `value` first when there is none — one lookup.
    fileprivate mutating func firstOrInsert(_ key: Key, _ value: Int) -> Int {
        func take(_ stored: inout Int) -> Int {
            if stored < 0 { stored = value }
            return stored
        }
        return take(&self[key, default: -1])
    }
}
