import Testing
@testable import Cleaning

struct DuplicateKeyFoldTests {
    /// Expected by hand: white space trimmed (tab, LF, VT, FF, CR, space, and non-ASCII
    /// spaces such as U+00A0) and inner runs of it made one space, then Unicode lower case.
    @Test("duplicate keys fold names by trimming white space and lower-casing, ASCII and not",
          arguments: [
            ("  Leeds ", "leeds"), ("LEEDS", "leeds"), ("\tLeeds\r\n", "leeds"), ("\u{0B}North\u{0C}", "north"),
            ("leeds", "leeds"), ("", ""), ("   ", ""), ("St Helen's", "st helen's"), ("A-Z 1", "a-z 1"),
            ("ÇA VA ", "ça va"), ("\u{00A0}Leeds\u{00A0}", "leeds"), ("İ", "i\u{307}"),
            // SPEC §11: inner runs of white space are one space.
            ("Leeds  City", "leeds city"), ("Leeds\t \nCity", "leeds city"), ("Work\u{00A0}\u{00A0}& Skills", "work & skills"),
            ("ÇA  \u{2003}VA", "ça va"),
          ])
    func folds(name: String, expected: String) {
        #expect(DuplicateScreen.Key.fold(name) == expected)
        #expect(Array(DuplicateScreen.Key.fold(name).utf8) == Array(expected.utf8))
    }
}
