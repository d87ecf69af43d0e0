import Cleaning
import VFMCore

/// A local authority area (SPEC §12): its responses combined by the authority key, folded
/// as §11 folds it, each budget summed over the responses that give it (missing when none
/// does). The calculated subset's area sums only its calculated responses.
package struct SurveyArea: Sendable {
    /// The folded authority: what tells areas apart and orders them (by its bytes).
    package var key: String
    /// The authority as its first response writes it.
    package var authority: String
    /// Rows of the clean result's responses, in their order.
    package var responses: [Int]
    package var calculatedResponses: Int
    package var spend: [SpendColumn: Double]
    /// The budgets summed over the calculated responses only.
    package var calculatedSpend: [SpendColumn: Double]

    /// Areas in key order from `responses` (already in clean order).
    static func combine(_ responses: [SurveyResponse], columns: [SpendColumn]) -> [SurveyArea] {
        var byKey: [String: Int] = [:]
        var areas: [SurveyArea] = []
        for (row, response) in responses.enumerated() {
            let key = AuthorityKey.fold(response.authority)
            if let index = byKey[key] {
                areas[index].responses.append(row)
            } else {
                byKey[key] = areas.count
                areas.append(SurveyArea(key: key, authority: response.authority, responses: [row], calculatedResponses: 0,
                                        spend: [:], calculatedSpend: [:]))
            }
        }
        for index in areas.indices {
            let members = areas[index].responses.map { responses[$0] }
            areas[index].calculatedResponses = members.filter(\.isCalculated).count
            areas[index].spend = sums(members, columns: columns)
            areas[index].calculatedSpend = sums(members.filter(\.isCalculated), columns: columns)
        }
        return areas.sorted { ByteOrder.precedes($0.key, $1.key) }
    }

    private static func sums(_ members: [SurveyResponse], columns: [SpendColumn]) -> [SpendColumn: Double] {
        var sums: [SpendColumn: Double] = [:]
        for column in columns {
            let given = members.compactMap { $0.spend(column) }
            if !given.isEmpty { sums[column] = SurveySums.total(given) }
        }
        return sums
    }

    /// The area's budgets in the whole set or the calculated subset.
    package func spend(in subset: SurveySubset) -> [SpendColumn: Double] {
        subset == .all ? spend : calculatedSpend
    }
}

/// SPEC §12: every table with a `subset` column gives the whole set and the calculated
/// subset; spend by type adds the personal-budget users.
package enum SurveySubset: String, Sendable, CaseIterable {
    case all
    case calculated
    case pbUsers = "pb_users"

    package func contains(_ response: SurveyResponse) -> Bool {
        switch self {
        case .all: return true
        case .calculated: return response.isCalculated
        case .pbUsers: return response.choice("pb_use") == "yes"
        }
    }
}
