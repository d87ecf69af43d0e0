import PipelineDefinition
import Returns

extension DerivedMeasures {
    /// Derives the study's measures for one return, exactly as SPEC §5 defines them.
    ///
    /// - `job_outcomes` = gained + retained + self-employed when all three are present,
    ///   else the reported `outcomes_total`, else missing. A partial breakdown gives no
    ///   shares (the study: cost per job outcome for 68 services, the mix for 67).
    /// - Ratios over people_supported are missing when it is 0; cost per job outcome is
    ///   missing when there are no job outcomes (never ∞).
    /// - `client_focus`: the study's >50% rule (Section 5, "Overview of returned data").
    /// - Support proportions and the Support Level Index (footnote 10) only when all three
    ///   support counts are present and their sum is > 0.
    ///
    /// Counts must be within ±2^53 (the clean stage rejects larger ones first), so every
    /// sum here is exact and cannot overflow.
    public init(deriving service: ServiceReturn) {
        self.init(counts: service.counts, people: service.peopleSupported, totalCost: service.totalCost)
    }

    /// The measures of a return with these counts, people supported and total cost: what
    /// `init(deriving:)` works out, for a reader that has the three where a service lies
    /// (`ServiceColumns`: a whole return taken out of its array is a copy of it).
    public init(counts: CountValues, people: Int, totalCost: Double) {
        self.init()
        let breakdown = Self.outcomeBreakdown(counts)
        jobOutcomes = Self.jobOutcomes(counts, breakdown: breakdown)
        outcomeRate = Self.perPerson(jobOutcomes, people: people)
        costPerPerson = Self.costPerPerson(totalCost: totalCost, people: people)
        costPerOutcome = Self.costPerOutcome(totalCost: totalCost, jobOutcomes: jobOutcomes)
        if let breakdown, let jobOutcomes, jobOutcomes > 0 {
            gainedShare = breakdown.gained / jobOutcomes
            retainedShare = breakdown.retained / jobOutcomes
            selfEmployedShare = breakdown.selfEmployed / jobOutcomes
        }
        ldShare = Self.perPerson(counts[.clientsLD], people: people)
        mhShare = Self.perPerson(counts[.clientsMH], people: people)
        clientFocus = ClientFocus(ldShare: ldShare, mhShare: mhShare)
        if let support = Self.supportLevels(counts) {
            shareLT7 = support.lt7 / support.known
            share7to40 = support.from7to40 / support.known
            share40plus = support.over40 / support.known
            supportLevelIndex = SupportLevelIndex.value(lt7: support.lt7, from7to40: support.from7to40,
                                                        over40: support.over40)
        }
    }

    // The formulas, one each: `init(deriving:)` composes them, and `CleanedService.value(of:)`
    // asks for one measure without deriving the others. Inlinable, so that the analysis,
    // the screens and the charts read a measure where the service lies, with no copy of it.

    /// The value of `metric` for a return with these counts, people supported and total
    /// cost, the one measure worked out alone.
    @inlinable
    static func value(of metric: Metric, counts: CountValues, people: Int, totalCost: Double) -> Double? {
        switch metric {
        case .totalCost: return totalCost
        case .peopleSupported: return Double(people)
        case .jobOutcomes: return jobOutcomes(counts)
        case .outcomeRate: return perPerson(jobOutcomes(counts), people: people)
        case .costPerPerson: return costPerPerson(totalCost: totalCost, people: people)
        case .costPerOutcome: return costPerOutcome(totalCost: totalCost, jobOutcomes: jobOutcomes(counts))
        case .gainedShare: return outcomeShare(counts, \.gained)
        case .retainedShare: return outcomeShare(counts, \.retained)
        case .selfEmployedShare: return outcomeShare(counts, \.selfEmployed)
        case .ldShare: return perPerson(counts[.clientsLD], people: people)
        case .mhShare: return perPerson(counts[.clientsMH], people: people)
        case .supportLevelIndex:
            return supportLevels(counts).map {
                SupportLevelIndex.value(lt7: $0.lt7, from7to40: $0.from7to40, over40: $0.over40)
            }
        }
    }

    /// Job outcomes by type (`ReturnColumn.outcomeBreakdown`, read without an array per row).
    @usableFromInline
    struct OutcomeBreakdown {
        @usableFromInline var gained, retained, selfEmployed: Double

        @inlinable
        init(gained: Double, retained: Double, selfEmployed: Double) {
            self.gained = gained
            self.retained = retained
            self.selfEmployed = selfEmployed
        }
    }

    /// The breakdown, when all three types are present.
    @inlinable
    static func outcomeBreakdown(_ counts: CountValues) -> OutcomeBreakdown? {
        guard let gained = counts[.outcomesGained], let retained = counts[.outcomesRetained],
              let selfEmployed = counts[.outcomesSelfEmployed] else { return nil }
        return OutcomeBreakdown(gained: gained, retained: retained, selfEmployed: selfEmployed)
    }

    /// The breakdown's sum, in column order from 0, else `outcomes_total`.
    @inlinable
    static func jobOutcomes(_ counts: CountValues, breakdown: OutcomeBreakdown?) -> Double? {
        guard let breakdown else { return counts[.outcomesTotal] }
        return 0.0 + breakdown.gained + breakdown.retained + breakdown.selfEmployed
    }

    @inlinable
    static func jobOutcomes(_ counts: CountValues) -> Double? {
        jobOutcomes(counts, breakdown: outcomeBreakdown(counts))
    }

    /// `count` / people supported; missing when either is (people supported = 0).
    @inlinable
    static func perPerson(_ count: Double?, people: Int) -> Double? {
        guard let count, people > 0 else { return nil }
        return count / Double(people)
    }

    @inlinable
    static func costPerPerson(totalCost: Double, people: Int) -> Double? {
        people > 0 ? totalCost / Double(people) : nil
    }

    /// Missing when there are no job outcomes (never ∞).
    @inlinable
    static func costPerOutcome(totalCost: Double, jobOutcomes: Double?) -> Double? {
        guard let jobOutcomes, jobOutcomes > 0 else { return nil }
        return totalCost / jobOutcomes
    }

    /// A type's share of job outcomes: only with the whole breakdown and job outcomes > 0.
    @inlinable
    static func outcomeShare(_ counts: CountValues, _ part: KeyPath<OutcomeBreakdown, Double>) -> Double? {
        guard let breakdown = outcomeBreakdown(counts), let jobOutcomes = jobOutcomes(counts, breakdown: breakdown),
              jobOutcomes > 0 else { return nil }
        return breakdown[keyPath: part] / jobOutcomes
    }

    /// The three support counts and their sum, when all three are present and the sum > 0.
    @inlinable
    static func supportLevels(_ counts: CountValues) -> (lt7: Double, from7to40: Double, over40: Double, known: Double)? {
        guard let lt7 = counts[.supportLT7], let mid = counts[.support7to40], let high = counts[.support40plus]
        else { return nil }
        let known = lt7 + mid + high
        return known > 0 ? (lt7, mid, high, known) : nil
    }
}

/// The Support Level Index (NDTi 2014, footnote 10): a service's support needs weighted
/// towards higher levels, "(Proportion of people whose support level was less than
/// 7 hours) + 3·(7h to 40h) + 10·(40h+)". Ranges from 1 (all < 7h) to 10 (all 40h+).
///
/// Evaluated as one quotient of the counts, `(n<7 + 3·n7–40 + 10·n40+) / (n<7 + n7–40 + n40+)`
/// (SPEC §5): with whole counts the numerator and denominator are exact, so the result is
/// the correctly rounded value and an independent implementation gets the same bits —
/// the sum of three rounded proportions differed in the last bit for 12 of the sample's
/// 47 services with support data.
public enum SupportLevelIndex {
    @inlinable
    public static func value(lt7: Double, from7to40: Double, over40: Double) -> Double {
        (lt7 + 3 * from7to40 + 10 * over40) / (lt7 + from7to40 + over40)
    }
}

extension ClientFocus {
    /// The study's >50% rule: `LD` if ld_share > 0.5, else `MH` if mh_share > 0.5, else
    /// `mixed` when both shares are known, else `unknown` (no client data, people
    /// supported = 0, or one share missing and the other ≤ 0.5). The LD test comes first,
    /// as SPEC §5 writes it: when client counts exceed people supported both shares can be
    /// > 0.5, and such a service is also flagged `client-count-mismatch`.
    public init(ldShare: Double?, mhShare: Double?) {
        if let ldShare, ldShare > 0.5 {
            self = .learningDisability
        } else if let mhShare, mhShare > 0.5 {
            self = .mentalHealth
        } else if ldShare != nil, mhShare != nil {
            self = .mixed
        } else {
            self = .unknown
        }
    }
}

extension DerivedMeasures {
    /// The value of `metric`: one of these measures, or for the two input metrics the
    /// return's `totalCost` and `people` supported.
    public func value(of metric: Metric, totalCost: Double, people: Int) -> Double? {
        switch metric {
        case .totalCost: totalCost
        case .peopleSupported: Double(people)
        case .jobOutcomes: jobOutcomes
        case .outcomeRate: outcomeRate
        case .costPerPerson: costPerPerson
        case .costPerOutcome: costPerOutcome
        case .gainedShare: gainedShare
        case .retainedShare: retainedShare
        case .selfEmployedShare: selfEmployedShare
        case .ldShare: ldShare
        case .mhShare: mhShare
        case .supportLevelIndex: supportLevelIndex
        }
    }
}
