import Foundation

/// Renders Markdown the way GitHub does, with Debian's `cmark-gfm` and GitHub's extensions
/// (autolink, table, strikethrough, tagfilter), so tests can check what a reader's renderer
/// makes of our reports, not what we hope it makes. `make deps` installs `cmark-gfm`.
public enum GFMRenderer {
    public static func render(_ markdown: String) throws -> String {
        guard let program = which("cmark-gfm") else {
            throw ExecuteCommandError(description: "cmark-gfm is not installed: run `make deps` (it installs Debian's cmark-gfm)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-gfm-\(UUID().uuidString).md")
        try Data(markdown.utf8).write(to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try ExecuteCommand.run(program, ["--extension", "autolink", "--extension", "table",
                                                      "--extension", "strikethrough", "--extension", "tagfilter",
                                                      "--unsafe", scratch.path])
        guard result.status == 0 else { throw ExecuteCommandError(description: "cmark-gfm failed: \(result)") }
        return result.stdout
    }

    /// The names of the opening tags in `html`, in order (`<td align="right">` → `td`).
    public static func openingTags(in html: String) -> [String] {
        var tags: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "!" }
            if !name.isEmpty { tags.append(name.lowercased()) }
        }
        return tags
    }

    /// The text of an HTML fragment: tags removed, the entities cmark-gfm writes decoded.
    public static func text(ofHTML html: Substring) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func which(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
