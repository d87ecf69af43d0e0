import Testing
@testable import Tabular

struct CSVWriterTests {
    @Test("cells with commas, quotes and newlines are quoted; lines end in LF")
    func quoting() {
        var writer = CSVWriter(header: ["name", "cost"])
        writer.append([.text("Smith, Jones \"& Co\"\nLtd"), .number(1730.5)])
        writer.append([.text(nil), .number(nil)])
        #expect(writer.text == "name,cost\n\"Smith, Jones \"\"& Co\"\"\nLtd\",1730.5\n,\n")
    }

    @Test("numbers: shortest round-trip, integral without .0, never -0, NaN and inf as empty",
          arguments: [
            (263132.0, "263132"), (1730.5, "1730.5"), (0.1, "0.1"), (-0.0, "0"), (-12.5, "-12.5"),
            (1.0 / 3.0, "0.3333333333333333"), (Double.nan, ""), (Double.infinity, ""), (1e300, "1e+300"),
          ])
    func numbers(value: Double, expected: String) {
        #expect(NumberFormatting.csv(value) == expected)
    }

    @Test("formula-like text is neutralised with a leading apostrophe",
          arguments: [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+44 1234", "'+44 1234"), ("-cmd", "'-cmd"),
            ("@SUM(A1)", "'@SUM(A1)"), ("\tTab", "'\tTab"), ("Plain", "Plain"), ("-12.5", "-12.5"),
            ("'=x", "''=x"), ("'Ello", "'Ello"),
          ])
    func neutralises(text: String, expected: String) {
        #expect(CSVInjection.neutralise(text) == expected)
        #expect(CSVInjection.restore(expected) == text)
    }

    @Test("a name of a million apostrophes before a formula is neutralised and restored without deep recursion")
    func manyLeadingApostrophes() {
        let name = String(repeating: "'", count: 1_000_000) + "=SUM(A1)"
        let written = CSVInjection.neutralise(name)
        #expect(written.count == name.count + 1 && written.hasPrefix("''"))
        #expect(CSVInjection.restore(written) == name)
        let plain = String(repeating: "'", count: 1_000_000) + "North"
        #expect(CSVInjection.neutralise(plain) == plain)
    }

    @Test("markdown escaping keeps third-party names inside their table cell")
    func markdown() {
        #expect(MarkdownText.escape("a|b `c`\n<script>&") == "a\\|b \\`c\\` &lt;script>&")
    }

    @Test("ordinary names read unchanged in the raw Markdown", arguments: [
        "LD-focused", "returns-a.csv", "vfm 0.1.0", "St. Helen's (North)", "2012/13", "Pathways – Employment",
        "£1,730.50", "sub/returns-b.csv: header", "Café Works", "A1 Jobs",
    ])
    func ordinaryNames(_ name: String) {
        #expect(MarkdownText.escape(name) == name)
    }

    @Test("block starts and autolinks are escaped only where they would act")
    func contextual() {
        #expect(MarkdownText.escape("- item - more") == "\\- item - more")
        #expect(MarkdownText.escape("12. jobs 1.5") == "12\\. jobs 1.5")
        #expect(MarkdownText.escape("see www.e.invalid or http://e.invalid") == "see www\\.e.invalid or http\\://e.invalid")
        #expect(MarkdownText.escape(" me@e.invalid ") == "me@&#8203;e.invalid")
    }
}
