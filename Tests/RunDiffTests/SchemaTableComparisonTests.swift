import Foundation
@testable import RunDiff
import RunFiles
import Testing
import VFMCore

/// Tables the diff knows only by their schema (SPEC §13): the period tables here, the
/// model's and the survey's the same way. The rows are written by hand into copies of
/// the `base` fixture run; every expected figure is read off those rows.
@Suite("Comparing tables by their schemas")
struct SchemaTableComparisonTests {
    /// Writes `rows` under `schema`'s header into `run`.
    func write(_ schema: RunFileSchema, _ rows: [[String]], into run: URL) throws {
        let text = ([schema.header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        try text.write(to: run.appendingPathComponent(schema.path), atomically: true, encoding: .utf8)
    }

    func change(_ p: String, _ change: String) -> [String] {
        ["2011/12", "2012/13", "all", "10", "9.5", "19.5", change, "1.5", "18.5", p]
    }

    func edit(_ outcome: String) -> [String] {
        ["Northvale", "Job Club", "2011/12", "2012/13", "total_cost", "120000", "150000", "1.25", "2.5", "-3", "3",
         outcome]
    }

    @Test("a period table's changed figure and changed edit outcome are listed, keyed by the schema's key columns")
    func periodTables() throws {
        let (root, old) = try DiffFixtures.scratchCopy(of: "base")
        defer { try? FileManager.default.removeItem(at: root) }
        let new = root.appendingPathComponent("new")
        try FileManager.default.copyItem(at: old, to: new)
        try write(.periodChange, [change("0.061", "10")], into: old)
        try write(.periodChange, [change("0.067", "11")], into: new)
        try write(.periodEdits, [edit("within")], into: old)
        try write(.periodEdits, [edit("above")], into: new)

        let comparison = try RunComparison(old: try RunSnapshot.load(runDirectory: old.path, label: "old"),
                                           new: try RunSnapshot.load(runDirectory: new.path, label: "new"))
        #expect(comparison.hasDifferences)
        let periodChange = try #require(comparison.headline.first { $0.table.relativePath == RunLayout.periodChange })
        #expect(periodChange.table.keyColumns == ["group", "from", "to"])
        // change 10 → 11 (printed 10.00 → 11.00) and p 0.061 → 0.067; the other five figures equal.
        #expect(periodChange.changed.map(\.column.column) == ["change", "p_value"])
        #expect(periodChange.changed.first?.key == ["all", "2011/12", "2012/13"])
        #expect(periodChange.unchangedCount == 5)
        let edits = try #require(comparison.headline.first { $0.table.relativePath == RunLayout.periodEdits })
        #expect(edits.changed.isEmpty)
        #expect(edits.relabelled == [LabelChange(key: ["Northvale", "Job Club", "2011/12", "2012/13", "total_cost"],
                                                 column: "outcome", old: "within", new: "above")])

        let markdown = comparison.markdown
        #expect(markdown.contains("### `tables/period_change.csv`"))
        #expect(markdown.contains("| all | 2011/12 | 2012/13 | change | 10.00 | 11.00 | +1.00 | +10.0% |"))
        #expect(markdown.contains("| Northvale | Job Club | 2011/12 | 2012/13 | total_cost | outcome | within | above |  |  |"))
        // An edit's values are in its variable's unit: total cost prints as money.
        try write(.periodEdits, [edit("within").enumerated().map { $0.offset == 6 ? "160000" : $0.element }], into: new)
        let moved = try RunComparison(old: try RunSnapshot.load(runDirectory: old.path, label: "old"),
                                      new: try RunSnapshot.load(runDirectory: new.path, label: "new"))
        let money = try #require(moved.headline.first { $0.table.relativePath == RunLayout.periodEdits }?.changed.first)
        #expect(money.oldText == "£150,000" && money.newText == "£160,000")
    }

    @Test("a table only one run has is said to be only in that run, not compared row by row")
    func tableInOneRun() throws {
        let (root, old) = try DiffFixtures.scratchCopy(of: "base")
        defer { try? FileManager.default.removeItem(at: root) }
        let new = root.appendingPathComponent("new")
        try FileManager.default.copyItem(at: old, to: new)
        try write(.periodChange, [change("0.061", "10")], into: new)
        let comparison = try RunComparison(old: try RunSnapshot.load(runDirectory: old.path, label: "old"),
                                           new: try RunSnapshot.load(runDirectory: new.path, label: "new"))
        let table = try #require(comparison.headline.first { $0.table.relativePath == RunLayout.periodChange })
        #expect(table.presence == .onlyNew)
        #expect(comparison.markdown.contains("`tables/period_change.csv` is not in the old run; not compared."))
    }

    @Test("a run with services and one without (a spending survey) cannot be compared: 64, saying why")
    func differentKinds() throws {
        let (root, old) = try DiffFixtures.scratchCopy(of: "base")
        defer { try? FileManager.default.removeItem(at: root) }
        let new = root.appendingPathComponent("new")
        try FileManager.default.copyItem(at: old, to: new)
        try FileManager.default.removeItem(at: new.appendingPathComponent(RunLayout.cleanServices))
        let oldRun = try RunSnapshot.load(runDirectory: old.path, label: "old")
        let newRun = try RunSnapshot.load(runDirectory: new.path, label: "new")
        var caught: VFMError?
        do {
            _ = try RunComparison(old: oldRun, new: newRun)
        } catch {
            caught = error
        }
        let error = try #require(caught)
        #expect(error.status == .usage)
        #expect(error.description.contains("cannot compare a run of service returns with a run of a spending survey"))
    }

    @Test("two runs of one period each, a year apart, pair each service with itself a year on")
    func yearOnYear() throws {
        let (root, old) = try DiffFixtures.scratchCopy(of: "base")
        defer { try? FileManager.default.removeItem(at: root) }
        let new = root.appendingPathComponent("new")
        try FileManager.default.copyItem(at: old, to: new)
        let periodsRow = ["all", "4", "4", "", "", "", "", "", "", "", "0", "", "0"]
        try write(.periods, [["2012/13"] + periodsRow], into: old)
        try write(.periods, [["2013/14"] + periodsRow], into: new)
        // The same four services a year on: only their period changes.
        for path in [RunLayout.cleanServices, RunLayout.cleanFlags, RunLayout.benchmark] {
            let file = new.appendingPathComponent(path)
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: ",2012/13,", with: ",2013/14,").write(to: file, atomically: true, encoding: .utf8)
        }
        let comparison = try RunComparison(old: try RunSnapshot.load(runDirectory: old.path, label: "old"),
                                           new: try RunSnapshot.load(runDirectory: new.path, label: "new"))
        #expect(comparison.periodPairing?.label == "2012/13 → 2013/14")
        #expect(comparison.services.added.isEmpty && comparison.services.removed.isEmpty)
        #expect(comparison.services.unchangedCount == 4)
        #expect(comparison.flags.new.isEmpty && comparison.flags.resolved.isEmpty)
        #expect(comparison.benchmark.changed.isEmpty)
        #expect(comparison.markdown.contains("- Periods: 2012/13 compared with 2013/14 (each run's current returns, "
            + "paired by authority and service; earlier returns are not compared service by service)."))
        #expect(comparison.json.contains("\"period_pairing\": {"))

        // Without the pairing (the same period in both) nothing is paired across periods.
        try write(.periods, [["2012/13"] + periodsRow], into: new)
        let samePeriod = try RunComparison(old: try RunSnapshot.load(runDirectory: old.path, label: "old"),
                                           new: try RunSnapshot.load(runDirectory: new.path, label: "new"))
        #expect(samePeriod.periodPairing == nil)
        #expect(samePeriod.services.added.count == 4 && samePeriod.services.removed.count == 4)
    }

    @Test("this year's run holding last year's returns as earlier ones pairs the current returns only")
    func yearOnYearWithEarlierReturns() throws {
        let (root, old) = try DiffFixtures.scratchCopy(of: "base")
        defer { try? FileManager.default.removeItem(at: root) }
        let new = root.appendingPathComponent("new")
        try FileManager.default.copyItem(at: old, to: new)
        let periodsRow = ["all", "4", "4", "", "", "", "", "", "", "", "0", "", "0"]
        try write(.periods, [["2012/13"] + periodsRow], into: old)
        try write(.periods, [["2012/13"] + periodsRow, ["2013/14"] + periodsRow], into: new)
        // The new run: each service's 2012/13 row as an earlier return (current = no) and
        // the same figures again as its 2013/14 current return; flags and benchmark of 2013/14.
        let servicesFile = new.appendingPathComponent(RunLayout.cleanServices)
        let lines = try String(contentsOf: servicesFile, encoding: .utf8).split(separator: "\n").map(String.init)
        var header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let sourceAt = try #require(header.firstIndex(of: "source"))
        header.insert("current", at: sourceAt)
        var rows: [String] = []
        for line in lines.dropFirst() {
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells.insert("no", at: sourceAt)
            rows.append(cells.joined(separator: ","))
            cells[sourceAt] = "yes"
            rows.append(cells.joined(separator: ",").replacingOccurrences(of: ",2012/13,", with: ",2013/14,"))
        }
        try (([header.joined(separator: ",")] + rows).joined(separator: "\n") + "\n")
            .write(to: servicesFile, atomically: true, encoding: .utf8)
        for path in [RunLayout.cleanFlags, RunLayout.benchmark] {
            let file = new.appendingPathComponent(path)
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: ",2012/13,", with: ",2013/14,").write(to: file, atomically: true, encoding: .utf8)
        }
        let comparison = try RunComparison(old: try RunSnapshot.load(runDirectory: old.path, label: "old"),
                                           new: try RunSnapshot.load(runDirectory: new.path, label: "new"))
        #expect(comparison.periodPairing == PeriodPairing(old: "2012/13", new: "2013/14"))
        #expect(comparison.services.added.isEmpty && comparison.services.removed.isEmpty)
        #expect(comparison.services.unchangedCount == 4)
        #expect(comparison.flags.new.isEmpty && comparison.flags.resolved.isEmpty)
    }
}
