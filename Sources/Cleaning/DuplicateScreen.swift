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

        static func fold(_ text: String) -> String {
            // Most names start and end with a visible ASCII character and need no trimming.
            if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
                return text.lowercased()
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
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
