/// The short headers council analysts write for the columns of a return (issue 28): the
/// study's Appendix 6 labels are long, and a working spreadsheet says `LD`, `MH`,
/// `Phys/sensory`, `<7 hrs`, `7-40 hrs`, `40+ hrs`, `No. of people supported`,
/// `Total spend`. Carried as extra columns they left the LD and MH groups empty without a
/// word; read as aliases, each mapping is named once per file in the log and
/// `inputs.json`, so a reader can check it. Matched by `HeaderKey` like every alias;
/// `ColumnAliasTests` checks that no key names two columns.
enum AnalystHeaders {
    static let hourUnits = ["hours", "hrs", "hr", "h"]
    static let weekSuffixes = ["", " a week", " per week", " pw", "/week", "/wk"]

    /// How an hour band is written: `hours`, `hrs`, `hr`, `h`, with or without "a week".
    private static func hourBand(_ bands: [String]) -> [String] {
        var labels: [String] = []
        for band in bands {
            for unit in hourUnits {
                for week in weekSuffixes { labels.append(band + " " + unit + week) }
            }
        }
        return labels
    }

    /// The hour-band spellings other than `<band> hours` (`7-40 hrs pw`…): listed once as a
    /// rule by `ColumnGuide`, not one by one.
    static let hourBandVariants: Set<String> = {
        var variants: Set<String> = []
        for column in [ReturnColumn.supportLT7, .support7to40, .support40plus] {
            for label in shortForms[column] ?? [] where !label.hasSuffix(" hours") && !label.hasSuffix(" hours a week") {
                variants.insert(label)
            }
        }
        return variants
    }()

    static let shortForms: [ReturnColumn: [String]] = [
        .authority: ["la", "la name", "council", "council name", "local authority name"],
        .service: ["service title", "project", "project name", "scheme", "scheme name"],
        .period: ["financial year", "reporting year", "reporting period", "fy"],
        .totalCost: ["total spend", "spend", "total expenditure", "expenditure", "annual cost", "cost", "costs",
                     "contract value", "total contract value", "total cost of service", "cost of service"],
        .peopleSupported: ["no of people supported", "no of people", "no people supported", "number of people",
                           "people", "total supported", "number supported", "no supported", "no of clients",
                           "number of clients", "total clients", "caseload", "total caseload"],
        .clientsLD: ["ld", "learning disabilities", "learning disability clients", "no ld", "ld clients"],
        .clientsMH: ["mh", "mental health problems", "mental health clients", "no mh", "mh clients"],
        .clientsPhysicalSensory: ["phys sensory", "physical sensory", "phys sens", "physical sensory impairment",
                                  "physical and sensory", "physical"],
        .clientsAutism: ["autism", "asd"],
        .clientsHomeless: ["homeless", "homelessness"],
        .clientsDrugAlcohol: ["drug alcohol", "substance misuse", "drugs and alcohol", "d and a"],
        .supportLT7: hourBand(["less than 7", "under 7", "up to 7", "0-7", "lt 7"]),
        .support7to40: hourBand(["7-40", "7 to 40"]),
        .support40plus: hourBand(["40 plus", "over 40", "more than 40", "40 and over"]),
        .outcomesGained: ["jobs gained", "new jobs", "new job outcomes", "gained job", "got a job"],
        .outcomesRetained: ["jobs retained", "job retention", "retained jobs", "kept job"],
        .outcomesSelfEmployed: ["self employed", "self employment outcomes", "became self employed"],
        .outcomesTotal: ["total jobs", "jobs", "paid jobs", "paid job outcomes", "no of job outcomes",
                         "job outcomes total", "total paid job outcomes", "outcomes"],
        .reportedCostPerPerson: ["cost per head", "unit cost", "cost per client", "cost per participant"],
        .reportedCostPerOutcome: ["cost per job", "cost per paid job", "cost per job outcome gained"],
    ]

    /// The keys of `shortForms`: a header matched by one of them is named in the log.
    static let keys: Set<HeaderKey> = Set(shortForms.values.joined().map(HeaderKey.init))
}
