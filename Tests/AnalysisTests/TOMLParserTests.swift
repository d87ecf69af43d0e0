@testable import PipelineDefinition
import Testing

@Suite("TOML subset parser")
struct TOMLParserTests {
    @Test("values of every supported kind parse, with comments, underscores and a trailing comma")
    func values() throws {
        let table = try TOMLParser.parse("""
            # comment
            a = "x\\t\\"y\\" \\u00A3"   # basic string with escapes
            b = 'C:\\path'
            c = -1_000
            d = 3.5e-1
            e = true
            f = [
              1,   # one
              2.0,
            ]
            "quoted key" = { x = "outcome_rate", y = 'cost_per_outcome' }

            [section]
            g = []
            """)
        #expect(table.entry("a")?.node.value == .string("x\t\"y\" £"))
        #expect(table.entry("b")?.node.value == .string("C:\\path"))
        #expect(table.entry("c")?.node.value == .integer(-1000))
        #expect(table.entry("d")?.node.value == .float(0.35))
        #expect(table.entry("e")?.node.value == .boolean(true))
        guard case .array(let f) = table.entry("f")?.node.value else { Issue.record("f is not an array"); return }
        #expect(f.map(\.value) == [.integer(1), .float(2)])
        #expect(f.map(\.position.line) == [8, 9])
        guard case .table(let inline) = table.entry("quoted key")?.node.value else { Issue.record("no inline table"); return }
        #expect(inline.entry("y")?.node.value == .string("cost_per_outcome"))
        #expect(table.entry("section")?.keyPosition == TOMLPosition(line: 13, column: 1))
    }

    @Test("arrays of tables collect one table per header")
    func arraysOfTables() throws {
        let table = try TOMLParser.parse("[[g]]\nname = \"a\"\n\n[[g]]\nname = \"b\"\n")
        guard case .array(let groups) = table.entry("g")?.node.value else { Issue.record("g is not an array"); return }
        #expect(groups.map(\.position.line) == [1, 4])
    }

    @Test("CRLF line endings are accepted")
    func crlf() throws {
        let table = try TOMLParser.parse("a = 1\r\nb = 2\r\n")
        #expect(table.entry("b")?.keyPosition.line == 2)
    }

    @Test("unsupported or malformed TOML fails at its line", arguments: [
        ("a = 1\nb = \"open\n", 2, "unterminated string"),
        ("a = 1\na = 2\n", 2, "already defined at line 1"),
        ("a.b = 1\n", 1, "dotted keys"),
        ("a = \"\"\"x\"\"\"\n", 1, "multi-line"),
        ("\n\nd = 1979-05-27\n", 3, "is not a value"),
        ("m = keep-all\n", 1, "text needs quotes"),
        ("x = 0x1F\n", 1, "is not a value"),
        ("x = nan\n", 1, "is not a value"),
        ("x = 007\n", 1, "is not a value"),
        ("x = 1 2\n", 1, "one key = value per line"),
        ("[a]\nk = 1\n[a]\n", 3, "already defined at line 1"),
        ("[a.b]\n", 1, "dotted table names"),
        ("x = [1, 2\n", 2, "expected `,` or `]`"),
        ("x = \"\\q\"\n", 1, "unknown escape"),
    ])
    func syntaxErrors(text: String, line: Int, fragment: String) {
        #expect {
            try TOMLParser.parse(text)
        } throws: { error in
            guard let error = error as? TOMLSyntaxError else { return false }
            return error.position.line == line && error.message.contains(fragment)
        }
    }
}
