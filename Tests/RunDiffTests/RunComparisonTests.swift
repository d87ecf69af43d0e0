@testable import RunDiff
import Testing

/// Expected values are worked out by hand from the services declared in
/// `Fixtures/diff/make_runs.py` (base: Pathways IPS £120,000/100 people/40 job outcomes,
/// evidence-based, MH; Supported Work £200,000/80/24, LD; Job Club £90,000/150/30, MH;
/// Work & Wellbeing | Team £150,000/50/20, LD).
@Suite("Comparing two runs")
struct RunComparisonTests {
    static let jobClub = ServiceKey(authority: "Southvale", service: "Job Club", period: "2012/13")

    func figure(_ comparison: RunComparison, _ table: HeadlineTable, _ key: [String], _ column: String) -> FigureChange? {
        comparison.headline.first { $0.table == table }?.changed.first { $0.key == key && $0.column.column == column }
    }

    @Test("a run compared with itself has no differences")
    func runAgainstItself() throws {
        let comparison = try DiffFixtures.compare("base", "base")
        #expect(!comparison.hasDifferences)
        // descriptives 4 groups × 3 metrics × 6 + outcome mix 4 × 8 + support levels 4 × 4
        // + bands 3 metrics × 2 groups × 2 band edges + trend lines 4 groups × 2 pairs × 3 = 156.
        #expect(comparison.headline.reduce(0) { $0 + $1.unchangedCount } == 156)
        #expect(comparison.correlations.unchangedCount == 8)
        #expect(comparison.services.unchangedCount == 4)
        #expect(comparison.markdown.contains("No differences."))
    }

    @Test("a £1 change lists the service's input field and no figure whose printed text is the same")
    func poundChange() throws {
        let comparison = try DiffFixtures.compare("base", "pound-more")
        #expect(comparison.hasDifferences)
        let change = try #require(comparison.services.changed.first)
        #expect(comparison.services.changed.count == 1)
        #expect(change.key == Self.jobClub)
        // Cost per person 600 → 600.0067 and cost per job outcome 3,000 → 3,000.03 print
        // as £600 and £3,000 both times: only the input is listed.
        #expect(change.fields == [FieldChange(column: "total_cost", isDerived: false, old: "90000", new: "90001")])
        let figures = comparison.headline.flatMap(\.changed)
        #expect(figures.allSatisfy { $0.oldText != $0.newText })
        #expect(comparison.correlations.changed.allSatisfy { !$0.figures.isEmpty || !$0.notes.isEmpty })
        // All services' mean total cost 560,000/4 = 140,000 → 560,001/4 = 140,000.25: £140,000 both times.
        #expect(figure(comparison, .descriptives, ["all", "total_cost"], "mean") == nil)
        // MH (Pathways IPS, Job Club): 105,000 → 105,000.5, which the report rounds to £105,001.
        let mh = try #require(figure(comparison, .descriptives, ["MH", "total_cost"], "mean"))
        #expect(mh.old == 105_000 && mh.new == 105_000.5)
        #expect(mh.oldText == "£105,000" && mh.newText == "£105,001")
    }

    @Test("--all lists every figure that moved, --tolerance only those beyond the relative threshold")
    func thresholds() throws {
        let all = try DiffFixtures.compare("base", "pound-more", options: DiffOptions(threshold: .any))
        let mean = try #require(figure(all, .descriptives, ["all", "total_cost"], "mean"))
        #expect(mean.old == 140_000 && mean.new == 140_000.25)
        let jobClub = try #require(all.services.changed.first)
        #expect(jobClub.fields.map(\.column) == ["total_cost", "cost_per_person", "cost_per_outcome"])
        // 0.25 / 140,000.25 ≈ 1.8e-6: listed at 1e-6, not at 1e-5.
        let tight = try DiffFixtures.compare("base", "pound-more", options: DiffOptions(threshold: .relative(1e-6)))
        #expect(figure(tight, .descriptives, ["all", "total_cost"], "mean") != nil)
        let loose = try DiffFixtures.compare("base", "pound-more", options: DiffOptions(threshold: .relative(1e-5)))
        #expect(figure(loose, .descriptives, ["all", "total_cost"], "mean") == nil)
        #expect(figure(loose, .descriptives, ["MH", "total_cost"], "mean") == nil)
    }

    @Test("a doubled cost lists the input and the derived cost per person and per job outcome")
    func doubledCost() throws {
        let comparison = try DiffFixtures.compare("base", "doubled-cost")
        let change = try #require(comparison.services.changed.first)
        #expect(comparison.services.changed.count == 1)
        #expect(change.key == Self.jobClub)
        // 180,000 / 150 people = 1,200; 180,000 / 30 job outcomes = 6,000; the outcome rate
        // (30 / 150) does not move.
        #expect(change.fields == [
            FieldChange(column: "total_cost", isDerived: false, old: "90000", new: "180000"),
            FieldChange(column: "cost_per_person", isDerived: true, old: "600", new: "1200"),
            FieldChange(column: "cost_per_outcome", isDerived: true, old: "3000", new: "6000"),
        ])
        // (120,000 + 200,000 + 180,000 + 150,000) / 4 = 162,500; MH (120,000 + 180,000) / 2 = 150,000.
        let all = try #require(figure(comparison, .descriptives, ["all", "total_cost"], "mean"))
        #expect(all.old == 140_000 && all.new == 162_500 && all.newText == "£162,500")
        let mh = try #require(figure(comparison, .descriptives, ["MH", "total_cost"], "mean"))
        #expect(mh.old == 105_000 && mh.new == 150_000)
        // Job Club is not evidence-based, and is not LD: those groups' figures do not move.
        #expect(!comparison.headline.flatMap(\.changed).contains { ["evidence_based", "LD"].contains($0.key.first) })
    }

    @Test("a service in the new run only is added, one in the old run only removed")
    func addedAndRemovedService() throws {
        let eastmoor = ServiceKey(authority: "Eastmoor", service: "Mental Health Employment", period: "2012/13")
        let supported = ServiceKey(authority: "Northshire", service: "Supported Work", period: "2012/13")
        let swapped = try DiffFixtures.compare("base", "swapped-service")
        #expect(swapped.services.added.map(\.key) == [eastmoor])
        #expect(swapped.services.removed.map(\.key) == [supported])
        #expect(swapped.services.changed.isEmpty)
        #expect(swapped.services.unchangedCount == 3)
        let back = try DiffFixtures.compare("added-service", "base")
        #expect(back.services.removed.map(\.key) == [eastmoor])
        #expect(back.services.added.isEmpty)
    }

    @Test("a service becoming evidence-based is listed and moves the evidence-based group")
    func becameEvidenceBased() throws {
        let comparison = try DiffFixtures.compare("base", "became-evidence-based")
        let change = try #require(comparison.services.changed.first)
        #expect(comparison.services.changed.count == 1)
        #expect(change.key == Self.jobClub)
        #expect(change.fields == [FieldChange(column: "evidence_based", isDerived: false, old: "", new: "ips-fidelity")])
        // Evidence-based: Pathways IPS alone (n 1, £120,000) → with Job Club (n 2, £105,000).
        let n = try #require(figure(comparison, .descriptives, ["evidence_based", "total_cost"], "n"))
        #expect(n.old == 1 && n.new == 2)
        let mean = try #require(figure(comparison, .descriptives, ["evidence_based", "total_cost"], "mean"))
        #expect(mean.old == 120_000 && mean.new == 105_000)
        // All services' figures do not depend on who is evidence-based.
        #expect(!comparison.headline.flatMap(\.changed).contains { $0.key.first == "all" })
    }

    @Test("a rejected row that only moved down its file is not new")
    func rejectKeyedByContentNotLine() throws {
        // added-service inserts a row above the base reject, which moves from line 6 to 7.
        let comparison = try DiffFixtures.compare("base", "added-service")
        #expect(comparison.rejects.new.isEmpty)
        #expect(comparison.rejects.resolved.isEmpty)
        #expect(comparison.rejects.unchangedCount == 1)
    }

    @Test("a rejected row re-saved with an extra empty cell or padded cells is the same row, not new and resolved")
    func rejectKeyedByTrimmedCells() {
        let old = RejectRecord(sourceFile: "a.csv", line: "6", rule: "required-missing", message: "m",
                               rawCells: ["Northshire", "Job Club", "2012/13", ""])
        let new = RejectRecord(sourceFile: "a-v2.xlsx", line: "9", rule: "required-missing", message: "m",
                               rawCells: ["Northshire ", "Job Club", "2012/13", "", "", ""])
        let same = RejectComparison.compare(old: [old], new: [new])
        #expect(same.new.isEmpty && same.resolved.isEmpty && same.unchangedCount == 1)
        var changed = new
        changed.rawCells[1] = "Job Club North"
        let moved = RejectComparison.compare(old: [old], new: [changed])
        #expect(moved.new.count == 1 && moved.resolved.count == 1)
    }

    @Test("a new reject and a new flag are listed as new, the old ones as in both runs")
    func newRejectAndFlag() throws {
        let comparison = try DiffFixtures.compare("base", "new-reject")
        let reject = try #require(comparison.rejects.new.first)
        #expect(comparison.rejects.new.count == 1)
        #expect(reject.rule == "outcomes-exceed-people")
        #expect(reject.line == "7")
        // The formula-like name was neutralised in CSV with a leading ' and is restored.
        #expect(reject.rawCells[1] == "=HYPERLINK(\"http://x\",\"<b>Pay</b>\")")
        #expect(comparison.flags.new.map(\.rule) == ["reported-ratio-mismatch"])
        #expect(comparison.flags.unchangedCount == 1)
        #expect(comparison.hasDifferences)
        let back = try DiffFixtures.compare("new-reject", "base")
        #expect(back.rejects.resolved.count == 1)
        #expect(back.flags.resolved.count == 1)
    }

    @Test("a correlation whose sign changed is marked, with r, ρ, CI and p listed")
    func flippedCorrelation() throws {
        let comparison = try DiffFixtures.compare("base", "flipped-correlation")
        let change = try #require(comparison.correlations.changed.first)
        #expect(comparison.correlations.changed.count == 1)
        #expect(change.new.x == "total_cost" && change.new.y == "cost_per_person" && change.new.group == "all")
        // r 0.80 → −0.35, ρ 0.80 → −0.40, CI −0.69 to 1.00 → −0.98 to 0.91, p 0.197 → 0.650
        // (not significant either way), strong → weak; n 4 both times.
        #expect(change.figures == ["pearson_r", "spearman_rho", "ci_low", "ci_high", "p_value"])
        #expect(change.notes == [.signChanged, .strengthChanged])
        #expect(comparison.toolVersionsDiffer)
        #expect(!comparison.pipelinesDiffer)
    }

    @Test("significance at 5% is marked when p crosses 0.05, either way",
          arguments: [(0.04, 0.06, [CorrelationNote.notSignificantNow]), (0.06, 0.049, [.significantNow]),
                      (0.01, 0.02, [])])
    func significance(oldP: Double, newP: Double, expected: [CorrelationNote]) {
        let old = CorrelationRecord(group: "all", x: "a", y: "b", n: 10, pearsonR: 0.6, spearmanRho: 0.5,
                                    ciLow: 0.1, ciHigh: 0.9, pValue: oldP, strength: "moderate")
        var new = old
        new.pValue = newP
        #expect(CorrelationComparison.notes(old: old, new: new) == expected)
    }

    @Test("an r that moves between 0.001 and −0.001 prints 0.00 both times: no sign change")
    func wobbleAroundZero() {
        let old = CorrelationRecord(group: "all", x: "a", y: "b", n: 10, pearsonR: 0.001, spearmanRho: nil,
                                    ciLow: nil, ciHigh: nil, pValue: 0.9, strength: "very weak")
        var new = old
        new.pearsonR = -0.001
        #expect(CorrelationComparison.notes(old: old, new: new).isEmpty)
        let comparison = CorrelationComparison.compare(old: [old], new: [new], options: DiffOptions())
        #expect(comparison.changed.isEmpty)
    }

    @Test("a run lacking a group lists that group's rows as only in the old run")
    func lackingGroup() throws {
        let comparison = try DiffFixtures.compare("base", "lacking-group")
        for table in comparison.headline {
            #expect(table.changed.isEmpty)
            #expect(table.added.isEmpty)
            #expect(table.removed.allSatisfy { $0.key.contains("evidence_based") })
        }
        // descriptives 3 metrics + outcome mix 1 + support levels 1 + bands 3 metrics + trend lines 2 pairs.
        #expect(comparison.headline.reduce(0) { $0 + $1.removed.count } == 10)
        #expect(comparison.correlations.removed.count == 2)
        #expect(comparison.pipelinesDiffer)
    }

    @Test("value-for-money tables only one run has are named, not compared; in both runs they are compared")
    func valueForMoneyPresence() throws {
        let comparison = try DiffFixtures.compare("base", "with-value-for-money")
        let tables = Dictionary(uniqueKeysWithValues: comparison.headline.map { ($0.table, $0) })
        #expect(tables[.valueForMoney]?.presence == .onlyNew)
        #expect(tables[.scenarios]?.presence == .onlyNew)
        #expect(comparison.markdown.contains("`tables/value_for_money.csv` is not in the old run; not compared."))
        #expect(comparison.hasDifferences)
        let same = try DiffFixtures.compare("with-value-for-money", "with-value-for-money")
        #expect(!same.hasDifferences)
        // 4 groups × 8 figures + 4 budget rows × 3.
        #expect(same.headline.first { $0.table == .valueForMoney }?.unchangedCount == 32)
        #expect(same.headline.first { $0.table == .scenarios }?.unchangedCount == 12)
    }

    @Test("figures within the relative tolerance count as unchanged; printed text decides by default")
    func sameFigure() {
        let relative = DiffOptions(threshold: .relative(0.01))
        let money = FigureFormat.money.text
        #expect(relative.same(100, 100.9, text: money))
        #expect(!relative.same(100, 102, text: money))
        #expect(relative.same(nil, nil, text: money))
        #expect(!relative.same(nil, 0, text: money))
        #expect(DiffOptions().same(1730, 1730.4, text: money))
        #expect(!DiffOptions().same(1730, 1730.5, text: money))
        #expect(!DiffOptions(threshold: .any).same(1730, 1730.01, text: money))
    }

    @Test("duplicate services pair up in source order; the extra one is added")
    func duplicateServices() throws {
        let key = ServiceKey(authority: "A", service: "S", period: "2012/13")
        let columns = ["authority", "service", "period", "total_cost", "source"]
        func record(_ source: String, cost: String) -> ServiceRecord {
            ServiceRecord(key: key, source: source, cells: ["A", "S", "2012/13", cost, source])
        }
        // a.csv:10 sorts after a.csv:9 by line number, not as text.
        let comparison = try ServiceComparison.compare(
            oldColumns: columns, old: [record("a.csv:10", cost: "200"), record("a.csv:9", cost: "100")],
            newColumns: columns,
            new: [record("a.csv:9", cost: "100"), record("a.csv:10", cost: "250"), record("a.csv:11", cost: "300")],
            options: DiffOptions())
        #expect(comparison.changed.map(\.fields) == [[FieldChange(column: "total_cost", isDerived: false, old: "200",
                                                                  new: "250")]])
        #expect(comparison.unchangedCount == 1)
        #expect(comparison.added.map(\.source) == ["a.csv:11"])
        #expect(comparison.removed.isEmpty)
    }

    @Test("a column only one run has is named once, not as a change of every service")
    func columnOnlyInOneRun() throws {
        let key = ServiceKey(authority: "A", service: "S", period: "")
        let old = ServiceRecord(key: key, source: "", cells: ["A", "S", ""])
        let new = ServiceRecord(key: key, source: "a.csv:2", cells: ["A", "S", "", "North", "a.csv:2", ""])
        let comparison = try ServiceComparison.compare(
            oldColumns: ["authority", "service", "period"], old: [old],
            newColumns: ["authority", "service", "period", "region", "source", "flags"], new: [new],
            options: DiffOptions())
        #expect(comparison.columnsOnlyInNew == ["region"])
        #expect(comparison.changed.isEmpty)
        #expect(comparison.hasDifferences)
    }
}
