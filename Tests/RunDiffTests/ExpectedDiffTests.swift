import Foundation
import RunDiff
import Testing
import VFMTestSupport

/// Each pair's expected Markdown was written and reviewed by hand; the headline rows are
/// also re-derived from the fixture tables by `Fixtures/diff/check_expected.py`.
@Suite("vfm-diff Markdown for hand-made run pairs")
struct ExpectedDiffTests {
    @Test("the diff of each fixture pair is the hand-checked Markdown, and says whether runs differ",
          arguments: [
              ("base", "base", false),
              ("base", "changed-cost", true),
              ("base", "added-service", true),
              ("added-service", "base", true),
              ("base", "new-reject", true),
              ("base", "flipped-correlation", true),
              ("base", "lacking-group", true),
              ("base", "pound-more", true),
              ("base", "doubled-cost", true),
              ("base", "swapped-service", true),
              ("base", "became-evidence-based", true),
              ("base", "with-value-for-money", true),
          ])
    func matchesExpectedMarkdown(old: String, new: String, differs: Bool) throws {
        let comparison = try DiffFixtures.compare(old, new)
        let markdown = comparison.markdown
        #expect(markdown == (try DiffFixtures.expected(old: old, new: new, actual: markdown)))
        #expect(comparison.hasDifferences == differs)
    }

    @Test("the expected diffs' findings rows agree with an independent re-derivation (check_expected.py)")
    func independentlyRederived() throws {
        let script = FixturePaths.fixture("diff/check_expected.py")
        let result = try ExecuteCommand.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("the same two runs always give the same bytes")
    func deterministic() throws {
        let first = try DiffFixtures.compare("base", "added-service").markdown
        let second = try DiffFixtures.compare("base", "added-service").markdown
        #expect(first == second)
        #expect(!first.contains("\r"))
    }
}
