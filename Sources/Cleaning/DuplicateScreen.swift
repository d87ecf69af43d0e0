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

        init(_ row: ServiceReturn) {
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

    /// Groups of two or more rows sharing a key, each group ordered by (source file, line);
    /// values are indices into `rows`.
    static func groups(_ rows: [ServiceReturn]) -> [[Int]] {
        var byKey: [Key: [Int]] = [:]
        for (index, row) in rows.enumerated() { byKey[Key(row), default: []].append(index) }
        return byKey.values.filter { $0.count > 1 }
            .map { $0.sorted { rows[$0].source < rows[$1].source } }
            .sorted { rows[$0[0]].source < rows[$1[0]].source }
    }

    static func flag(others: [SourceLocation]) -> ServiceFlag {
        let list = others.map(\.description).joined(separator: ", ")
        return ServiceFlag(rule: .duplicate, metric: nil, value: nil, threshold: nil,
                           severity: FlagRule.duplicate.severity,
                           message: "same authority, service and period as \(list)")
    }

    static func rejectMessage(first: SourceLocation) -> String {
        "same authority, service and period as \(first), which is kept (duplicate_policy = keep-first)"
    }
}
