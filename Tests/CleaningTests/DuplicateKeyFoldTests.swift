import Testing
@testable import Cleaning

struct DuplicateKeyFoldTests {
    /// Expected by hand: Foundation's `whitespacesAndNewlines` trimmed (tab, LF, VT, FF, CR,
    /// space, and non-ASCII spaces such as U+00A0), then Unicode lower case.
    @Test("duplicate keys fold names by trimming white space and lower-casing, ASCII and not",
          arguments: [
            ("  Leeds ", "leeds"), ("LEEDS", "leeds"), ("\tLeeds\r\n", "leeds"), ("\u{0B}North\u{0C}", "north"),
            ("leeds", "leeds"), ("", ""), ("   ", ""), ("St Helen's", "st helen's"), ("A-Z 1", "a-z 1"),
            ("ÇA VA ", "ça va"), ("\u{00A0}Leeds\u{00A0}", "leeds"), ("İ", "i\u{307}"),
          ])
    func folds(name: String, expected: String) {
        #expect(DuplicateScreen.Key.fold(name) == expected)
        #expect(Array(DuplicateScreen.Key.fold(name).utf8) == Array(expected.utf8))
    }
}
