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
        self.init()
        let counts = service.counts
        let people = service.peopleSupported
        // `ReturnColumn.outcomeBreakdown`, read without an array per row (issue 12).
        let gained = counts[.outcomesGained], retained = counts[.outcomesRetained],
            selfEmployed = counts[.outcomesSelfEmployed]
        let fullBreakdown = gained != nil && retained != nil && selfEmployed != nil
        if let gained, let retained, let selfEmployed {
            jobOutcomes = 0.0 + gained + retained + selfEmployed  // summed in column order, from 0
        } else {
            jobOutcomes = counts[.outcomesTotal]
        }

        func perPerson(_ count: Double?) -> Double? {
            guard let count, people > 0 else { return nil }
            return Double(count) / Double(people)
        }
        outcomeRate = perPerson(jobOutcomes)
        costPerPerson = people > 0 ? service.totalCost / Double(people) : nil
        if let jobOutcomes, jobOutcomes > 0 {
            costPerOutcome = service.totalCost / Double(jobOutcomes)
            if fullBreakdown {
                gainedShare = gained.map { Double($0) / Double(jobOutcomes) }
                retainedShare = retained.map { Double($0) / Double(jobOutcomes) }
                selfEmployedShare = selfEmployed.map { Double($0) / Double(jobOutcomes) }
            }
        }

        ldShare = perPerson(counts[.clientsLD])
        mhShare = perPerson(counts[.clientsMH])
        clientFocus = ClientFocus(ldShare: ldShare, mhShare: mhShare)

        if let lt7 = counts[.supportLT7], let mid = counts[.support7to40], let high = counts[.support40plus] {
            let known = lt7 + mid + high
            if known > 0 {
                let total = Double(known)
                shareLT7 = Double(lt7) / total
                share7to40 = Double(mid) / total
                share40plus = Double(high) / total
                supportLevelIndex = SupportLevelIndex.value(lt7: lt7, from7to40: mid, over40: high)
            }
        }
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
