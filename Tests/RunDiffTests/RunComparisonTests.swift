@testable import RunDiff
import Testing

/// Expected values are worked out by hand from the services declared in
/// `Fixtures/diff/make_runs.py` (base: Pathways IPS £120,000/100 people, Supported Work
/// £200,000/80, Job Club £90,000/150, Work & Wellbeing | Team £150,000/50).
@Suite("Comparing two runs")
struct RunComparisonTests {
    @Test("a run compared with itself has no differences")
    func runAgainstItself() throws {
        let comparison = try DiffFixtures.compare("base", "base")
        #expect(!comparison.hasDifferences)
        // 4 groups × 3 metrics × 8 + 4 × 8 + 4 × 4 + 3 metrics × 2 groups × 6 = 180 figures.
        #expect(comparison.headline.reduce(0) { $0 + $1.unchangedCount } == 180)
        #expect(comparison.correlations.unchangedCount == 8)
        #expect(comparison.services.unchangedCount == 4)
        #expect(comparison.markdown.contains("No differences."))
    }

    @Test("a changed cost is reported as the input field that changed and the figures that moved")
    func changedCost() throws {
        let comparison = try DiffFixtures.compare("base", "changed-cost")
        let change = try #require(comparison.services.changed.first)
        #expect(comparison.services.changed.count == 1)
        #expect(change.key == ServiceKey(authority: "Southvale", service: "Job Club", period: "2012/13"))
        // Only the input field; cost_per_person and cost_per_outcome are derived and not listed.
        #expect(change.fields == [FieldChange(column: "total_cost", old: "90000", new: "99000")])
        let descriptives = try #require(comparison.headline.first { $0.table == .descriptives })
        let allMean = try #require(descriptives.changed.first { $0.key == ["all", "total_cost"] && $0.column.column == "mean" })
        // (120,000 + 200,000 + 90,000 + 150,000) / 4 = 140,000; with 99,000: 569,000 / 4 = 142,250.
        #expect(allMean.old == 140_000)
        #expect(allMean.new == 142_250)
        // Job Club is not evidence-based: that group's figures do not move.
        #expect(!descriptives.changed.contains { $0.key.first == "evidence_based" })
        #expect(comparison.hasDifferences)
    }

    @Test("a service in the new run only is added, and the other way round removed")
    func addedAndRemovedService() throws {
        let eastmoor = ServiceKey(authority: "Eastmoor", service: "Mental Health Employment", period: "2012/13")
        let added = try DiffFixtures.compare("base", "added-service")
        #expect(added.services.added.map(\.key) == [eastmoor])
        #expect(added.services.removed.isEmpty)
        #expect(added.services.unchangedCount == 4)
        let removed = try DiffFixtures.compare("added-service", "base")
        #expect(removed.services.removed.map(\.key) == [eastmoor])
        #expect(removed.services.added.isEmpty)
    }

    @Test("a rejected row that only moved down its file is not new")
    func rejectKeyedByContentNotLine() throws {
        // added-service inserts a row above the base reject, which moves from line 6 to 7.
        let comparison = try DiffFixtures.compare("base", "added-service")
        #expect(comparison.rejects.new.isEmpty)
        #expect(comparison.rejects.resolved.isEmpty)
        #expect(comparison.rejects.unchangedCount == 1)
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
        // Going back, the same row and flag are resolved.
        let back = try DiffFixtures.compare("new-reject", "base")
        #expect(back.rejects.resolved.count == 1)
        #expect(back.flags.resolved.count == 1)
    }

    @Test("a correlation whose sign flipped says so, with its strength change")
    func flippedCorrelation() throws {
        let comparison = try DiffFixtures.compare("base", "flipped-correlation")
        let change = try #require(comparison.correlations.changed.first)
        #expect(comparison.correlations.changed.count == 1)
        #expect(change.new.x == "total_cost" && change.new.y == "cost_per_person" && change.new.group == "all")
        #expect(change.reasons == [.rMoved, .signFlipped, .strengthChanged])
        #expect(comparison.toolVersionsDiffer)
        #expect(!comparison.pipelinesDiffer)
    }

    @Test("a run lacking a group lists that group's rows as only in the old run")
    func lackingGroup() throws {
        let comparison = try DiffFixtures.compare("base", "lacking-group")
        for table in comparison.headline {
            #expect(table.changed.isEmpty)
            #expect(table.added.isEmpty)
            #expect(table.removed.allSatisfy { $0.key.contains("evidence_based") })
        }
        // descriptives 3 metrics + outcome mix 1 + support levels 1 + bands 3 metrics.
        #expect(comparison.headline.reduce(0) { $0 + $1.removed.count } == 8)
        #expect(comparison.correlations.removed.count == 2)
        #expect(comparison.pipelinesDiffer)
    }

    @Test("r moving by less than the r tolerance is not listed; a tighter tolerance lists it")
    func rTolerance() throws {
        // base → changed-cost moves r(total cost, cost per person) from 0.803 to 0.782 (|Δ| ≈ 0.021).
        let loose = try DiffFixtures.compare("base", "changed-cost", options: DiffOptions(rTolerance: 0.05))
        #expect(loose.correlations.changed.isEmpty)
        let tight = try DiffFixtures.compare("base", "changed-cost", options: DiffOptions(rTolerance: 0.01))
        #expect(tight.correlations.changed.count == 2)
    }

    @Test("figures within the relative tolerance count as unchanged")
    func relativeTolerance() {
        let options = DiffOptions(relativeTolerance: 0.01)
        #expect(options.same(100, 100.9))
        #expect(!options.same(100, 102))
        #expect(options.same(nil, nil))
        #expect(!options.same(nil, 0))
        #expect(!DiffOptions().same(1730, 1730.01))
    }

    @Test("the CI against 0 is compared only when both runs have a CI",
          arguments: [
              // (old low, old high, new low, new high, expected reason)
              (-0.1, 0.5, 0.1, 0.6, CorrelationChangeReason?.some(.ciExcludesZero(now: true))),
              (0.1, 0.6, -0.1, 0.5, CorrelationChangeReason?.some(.ciExcludesZero(now: false))),
              (0.1, 0.6, 0.2, 0.7, CorrelationChangeReason?.none),
          ])
    func ciAgainstZero(oldLow: Double, oldHigh: Double, newLow: Double, newHigh: Double,
                       expected: CorrelationChangeReason?) {
        let old = CorrelationRecord(group: "all", x: "a", y: "b", n: 10, pearsonR: 0.3, spearmanRho: nil,
                                    ciLow: oldLow, ciHigh: oldHigh, pValue: nil, strength: "weak")
        var new = old
        new.ciLow = newLow
        new.ciHigh = newHigh
        let reasons = CorrelationComparison.reasons(old: old, new: new, options: DiffOptions())
        #expect(reasons == (expected.map { [$0] } ?? []))
    }

    @Test("duplicate services pair up in source order; the extra one is added")
    func duplicateServices() {
        let key = ServiceKey(authority: "A", service: "S", period: "2012/13")
        func record(_ source: String, cost: String) -> ServiceRecord {
            ServiceRecord(key: key, source: source, cells: ["authority": "A", "service": "S", "period": "2012/13",
                                                            "total_cost": cost, "source": source])
        }
        let columns = ["authority", "service", "period", "total_cost", "source"]
        // a.csv:10 sorts after a.csv:9 by line number, not as text.
        let comparison = ServiceComparison.compare(
            oldColumns: columns, old: [record("a.csv:10", cost: "200"), record("a.csv:9", cost: "100")],
            newColumns: columns,
            new: [record("a.csv:9", cost: "100"), record("a.csv:10", cost: "250"), record("a.csv:11", cost: "300")])
        #expect(comparison.changed.map(\.fields) == [[FieldChange(column: "total_cost", old: "200", new: "250")]])
        #expect(comparison.unchangedCount == 1)
        #expect(comparison.added.map(\.source) == ["a.csv:11"])
        #expect(comparison.removed.isEmpty)
    }

    @Test("an input column only one run has is named once, not as a change of every service")
    func columnOnlyInOneRun() {
        let key = ServiceKey(authority: "A", service: "S", period: "")
        let old = ServiceRecord(key: key, source: "a.csv:2", cells: ["authority": "A", "service": "S", "period": ""])
        var new = old
        new.cells["region"] = "North"
        new.cells["cost_per_person"] = "12"
        let comparison = ServiceComparison.compare(
            oldColumns: ["authority", "service", "period"], old: [old],
            newColumns: ["authority", "service", "period", "cost_per_person", "region", "source", "flags"], new: [new])
        #expect(comparison.columnsOnlyInNew == ["region"])
        #expect(comparison.changed.isEmpty)
        #expect(comparison.hasDifferences)
    }
}
