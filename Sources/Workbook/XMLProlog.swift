/// What comes before a part's root element: the XML declaration, comments, processing
/// instructions — and, in a hostile file, a document type declaration.
///
/// Open Packaging Conventions forbid DTDs in package parts (ECMA-376 Part 2, §8.1.4:
/// "XML content shall not contain DTD declarations"), and a DTD is how entities get in:
/// libxml2 silently dropped an internal entity and cut a string short at an unresolved
/// external one (`XXE[`), with exit 0 (issue 31). So a part whose prolog holds
/// `<!DOCTYPE` is a damaged workbook before its XML is parsed at all.
struct XMLProlog {
    enum Verdict: Equatable {
        /// The root element starts: the prolog is clean.
        case clean
        /// A document type declaration.
        case doctype
        /// The prolog is not over within the bytes seen so far.
        case undecided
    }

    /// Bytes held while the prolog is undecided (a few hundred in any real part).
    static let limit = 64 * 1024
    private(set) var bytes: [UInt8] = []
    private(set) var verdict = Verdict.undecided

    /// Takes the next bytes of the part; once decided, the verdict no longer changes.
    mutating func take(_ chunk: some Collection<UInt8>) {
        guard verdict == .undecided else { return }
        bytes.append(contentsOf: chunk.prefix(Self.limit - bytes.count + 1))
        verdict = Self.scan(bytes)
    }

    static func scan(_ bytes: [UInt8]) -> Verdict {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            return position + pattern.count <= bytes.count && bytes[position ..< position + pattern.count].elementsEqual(pattern)
        }
        func skip(past terminator: String, from position: Int) -> Int? {
            let pattern = Array(terminator.utf8)
            var at = position
            while at + pattern.count <= bytes.count {
                if bytes[at ..< at + pattern.count].elementsEqual(pattern) { return at + pattern.count }
                at += 1
            }
            return nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1; continue }
            guard byte == UInt8(ascii: "<"), index + 1 < bytes.count else {
                // Text before the root, or a lone "<" at the end of what we have.
                return byte == UInt8(ascii: "<") ? .undecided : .clean
            }
            if bytes[index + 1] == UInt8(ascii: "?") {
                guard let next = skip(past: "?>", from: index + 2) else { return .undecided }
                index = next
            } else if starts("<!--", at: index) {
                guard let next = skip(past: "-->", from: index + 4) else { return .undecided }
                index = next
            } else if bytes[index + 1] == UInt8(ascii: "!") {
                // Not a comment: `<!DOCTYPE` (nothing else may start with `<!` before the
                // root), unless what we have could still be the start of `<!--`.
                let seen = bytes[index...]
                return seen.count < 4 && Array("<!--".utf8).starts(with: seen) ? .undecided : .doctype
            } else {
                return .clean
            }
        }
        return .undecided
    }
}
