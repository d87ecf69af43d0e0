/// The header texts accepted for each canonical column (SPEC §4): the canonical name and
/// the labels of the study's data sheet (NDTi 2014, Appendix 6 "The full set of data"),
/// plus their obvious short forms. Matching is by `HeaderKey`, so case, spacing and
/// punctuation do not matter.
enum ColumnAliases {
    /// Appendix 6 lists the client groups and support levels twice: people supported by
    /// group ("Client Group (number, …)") and job outcomes by group. Bare labels mean the
    /// people supported; the outcome columns need an `outcomes`/`job outcomes` prefix.
    private static let clientGroups: [(clients: ReturnColumn, outcomes: ReturnColumn, labels: [String], bareIsClients: [String])] = [
        (.clientsLD, .outcomesLD, ["ld", "learning disability", "people with a learning disability"],
         ["people with a learning disability", "learning disability"]),
        (.clientsMH, .outcomesMH, ["mh", "mental health", "people with a mental health problem"],
         ["people with a mental health problem", "mental health"]),
        (.clientsPhysicalSensory, .outcomesPhysicalSensory,
         ["physical sensory", "physical/sensory impairment", "people with a physical/sensory impairment"],
         ["people with a physical/sensory impairment", "physical/sensory impairment"]),
        (.clientsAutism, .outcomesAutism, ["autism", "people with autism"], ["people with autism"]),
        (.clientsHomeless, .outcomesHomeless, ["homeless", "people who are homeless"], ["people who are homeless"]),
        (.clientsDrugAlcohol, .outcomesDrugAlcohol,
         ["drug alcohol", "drug and alcohol", "people with drug- and alcohol-related problems"],
         ["people with drug- and alcohol-related problems", "drug and alcohol"]),
        (.clientsOther, .outcomesOther, ["other"], []),
    ]

    private static let supportLevels: [(support: ReturnColumn, outcomes: ReturnColumn, labels: [String])] = [
        (.supportLT7, .outcomesLT7, ["lt7", "less than 7 hours a week", "less than 7 hours", "under 7 hours a week"]),
        (.support7to40, .outcomes7to40, ["7to40", "7-40 hours a week", "7 to 40 hours a week", "7-40 hours"]),
        (.support40plus, .outcomes40plus, ["40plus", "40+ hours a week", "40 plus hours a week", "40+ hours",
                                           "more than 40 hours a week"]),
    ]

    private static let others: [ReturnColumn: [String]] = [
        .authority: ["local authority", "local authority area", "authority name"],
        .service: ["service name", "name of service"],
        .period: ["2011/12 or 2012/13 data?", "year", "financial year", "data year"],
        .model: ["model of support", "support model", "service model"],
        .evidenceBased: ["evidence based", "evidence base", "evidence based practice", "evidence based practice site"],
        .totalCost: ["total costs", "total costs of contract", "total cost of contract", "cost of contract"],
        .peopleSupported: ["total number of people who received support", "number of people supported",
                           "number of people who received support", "total people supported"],
        .outcomesGained: ["gained new job", "gained a new job", "gained", "new job"],
        .outcomesRetained: ["retained existing job", "retained an existing job", "retained", "retained job"],
        .outcomesSelfEmployed: ["became self-employed", "self-employed", "self employment"],
        .outcomesTotal: ["total number of people who gained/retained job", "total job outcomes", "job outcomes",
                         "total outcomes", "number of job outcomes"],
        .reportedCostPerPerson: ["costs per person supported", "cost per person supported", "cost per person"],
        .reportedCostPerOutcome: ["costs per paid job outcome", "cost per paid job outcome", "cost per job outcome",
                                  "cost per outcome"],
    ]

    /// Every accepted text for every column, canonical name first.
    static let labels: [ReturnColumn: [String]] = {
        var table: [ReturnColumn: [String]] = [:]
        for column in ReturnColumn.allCases { table[column] = [column.rawValue] }
        for (column, names) in others { table[column, default: []] += names }
        for (column, names) in AnalystHeaders.shortForms { table[column, default: []] += names }
        for group in clientGroups {
            table[group.clients, default: []] += group.bareIsClients
            for label in group.labels {
                table[group.clients, default: []] += ["clients " + label, "client group " + label]
                table[group.outcomes, default: []] += ["outcomes " + label, "job outcomes " + label,
                                                       label + " who gained/retained job", label + " job outcomes"]
            }
        }
        for level in supportLevels {
            for label in level.labels {
                table[level.support, default: []] += [label, "support " + label, "support needed " + label]
                table[level.outcomes, default: []] += ["outcomes " + label, "job outcomes " + label,
                                                       label + " who gained/retained job"]
            }
        }
        return table
    }()

    /// Header key → column. Built once; `ColumnAliasTests` checks no key names two columns.
    static let columnsByKey: [HeaderKey: ReturnColumn] = {
        var table: [HeaderKey: ReturnColumn] = [:]
        for column in ReturnColumn.allCases {
            for label in labels[column] ?? [] { table[HeaderKey(label)] = column }
        }
        return table
    }()

    /// Keys that map to more than one column (must be empty; checked by a test).
    static var ambiguousKeys: [HeaderKey] {
        var owners: [HeaderKey: Set<ReturnColumn>] = [:]
        for (column, names) in labels {
            for name in names { owners[HeaderKey(name), default: []].insert(column) }
        }
        return owners.filter { $0.value.count > 1 }.map(\.key).sorted()
    }

    /// Every (column, key) pair in canonical column order.
    static let labelKeys: [(column: ReturnColumn, key: HeaderKey)] = ReturnColumn.allCases.flatMap { column in
        (labels[column] ?? []).map { (column: column, key: HeaderKey($0)) }
    }

    /// The column `key` probably misspells: a known label within the misspelling allowance
    /// of its length, but not equal to it. Labels whose length differs by more than the
    /// allowance are skipped without computing a distance, so a wide header stays cheap.
    static func probableMisspelling(of key: HeaderKey) -> (column: ReturnColumn, label: HeaderKey, distance: Int)? {
        let scalars = Array(key.text.unicodeScalars.prefix(EditDistance.maximumLength))
        var best: (column: ReturnColumn, label: HeaderKey, distance: Int)?
        for candidate in labelScalars {
            let allowance = EditDistance.misspellingAllowance(forLength: candidate.scalars.count)
            guard allowance > 0, abs(candidate.scalars.count - scalars.count) <= allowance,
                  let distance = EditDistance.atMost(allowance, scalars, candidate.scalars) else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (candidate.column, candidate.key, distance)
        }
        return best
    }

    /// `labelKeys` with their scalars, cut as `EditDistance` cuts them.
    static let labelScalars: [(column: ReturnColumn, key: HeaderKey, scalars: [Unicode.Scalar])] = labelKeys.map {
        (column: $0.column, key: $0.key, scalars: Array($0.key.text.unicodeScalars.prefix(EditDistance.maximumLength)))
    }
}
