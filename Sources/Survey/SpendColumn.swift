import Returns

/// The three budgets Q2a asks for (study Appendix 1): social care, health, and combined
/// (pooled) budgets for employment support, in their column names' words.
package enum SpendStream: String, Sendable, CaseIterable, Comparable {
    case socialCare = "social_care"
    case health
    case combined

    /// The questionnaire's words for the stream, as a `HeaderKey` reads them.
    var words: [String] {
        switch self {
        case .socialCare: return ["social", "care"]
        case .health: return ["health"]
        case .combined: return ["combined"]
        }
    }

    package static func < (lhs: SpendStream, rhs: SpendStream) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One Q2a cell: a stream's budget in one year (SPEC §12 `spend_<stream>_<yyyy>_<yy>`).
/// The year comes from the header, so nothing is tied to the study's 2010–13.
package struct SpendColumn: Sendable, Hashable, Comparable {
    package var stream: SpendStream
    package var year: ReportingPeriod

    package init(stream: SpendStream, year: ReportingPeriod) {
        self.stream = stream
        self.year = year
    }

    /// The canonical column name: `spend_social_care_2011_12`, or `spend_health_2013` for
    /// a calendar year.
    package var name: String {
        switch year {
        case .financialYear(let start):
            let end = (start + 1) % 100
            return "spend_\(stream.rawValue)_\(start)_\(end < 10 ? "0" : "")\(end)"
        case .calendarYear(let year):
            return "spend_\(stream.rawValue)_\(year)"
        }
    }

    /// Streams in the questionnaire's order, then years in time.
    package static func < (lhs: SpendColumn, rhs: SpendColumn) -> Bool {
        lhs.stream != rhs.stream ? lhs.stream < rhs.stream : lhs.year < rhs.year
    }

    /// The column a header names, if it names a budget: the canonical name, or the
    /// stream's words, optionally `budget` (and a leading `spend`), with the year in any
    /// SPEC §11 form on either side — `Social Care budget 2011-12`, `Combined 2012/13`,
    /// `2010/11 Health budget`, `FY2012/13 health`.
    package init?(header: String) {
        var words = HeaderKey(header).text.split(separator: " ").map(String.init)
        guard let (year, range) = Self.year(in: words) else { return nil }
        words.removeSubrange(range)
        if words.first == "spend" { words.removeFirst() }
        words.removeAll { $0 == "budget" }
        guard let stream = SpendStream.allCases.first(where: { $0.words == words }) else { return nil }
        self.init(stream: stream, year: year)
    }

    /// A year written in the header's words: four digits (after `fy` or not), then the
    /// next year's two or four digits for a financial year, or alone for a calendar year.
    private static func year(in words: [String]) -> (ReportingPeriod, Range<Int>)? {
        for (index, word) in words.enumerated() {
            let digits = word.hasPrefix("fy") ? String(word.dropFirst(2)) : word
            guard digits.count == 4, let start = Int(digits), digits.allSatisfy(\.isASCII) else { continue }
            if index + 1 < words.count, let next = words[index + 1].first.map({ _ in words[index + 1] }),
               next.allSatisfy({ $0.isASCII && $0.isNumber }),
               (next.count == 2 && Int(next) == (start + 1) % 100) || (next.count == 4 && Int(next) == start + 1) {
                return (.financialYear(startYear: start), index..<(index + 2))
            }
            guard !word.hasPrefix("fy") else { return nil }
            return (.calendarYear(start), index..<(index + 1))
        }
        return nil
    }
}

extension ReportingPeriod {
    /// The period just before this one, of the same kind.
    package var previous: ReportingPeriod {
        switch self {
        case .financialYear(let start): return .financialYear(startYear: start - 1)
        case .calendarYear(let year): return .calendarYear(year - 1)
        }
    }
}
