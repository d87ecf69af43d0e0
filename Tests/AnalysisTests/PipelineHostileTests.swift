import Foundation
import PipelineDefinition
import Testing
import VFMCore
import VFMTestSupport

/// The pipeline loader on hostile files: nesting is limited (exit 78, never a stack
/// overflow) and loading is linear in the file's size (issue 19).
@Suite("pipeline loading: nesting limit and linear time")
struct PipelineHostileTests {
    static let base = PipelineDefinition.builtIn().text

    /// The built-in file plus `count` filtered groups.
    static func withGroups(_ count: Int) -> String {
        var text = base
        for index in 0..<count {
            text += "\n[[groups]]\nname = \"g\(index)\"\ncolumn = \"region\"\nvalues = [\"r\(index)\"]\n"
        }
        return text
    }

    @Test("32 levels of nesting load; 33 are a bad pipeline naming line and key",
          arguments: [(32, true), (33, false)])
    func nestingLimit(depth: Int, loads: Bool) throws {
        // An unknown top-level key is reported after parsing, so reaching that error
        // proves the nesting itself was accepted.
        let text = "name = \"n\"\nextra = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let error = try #require(throws: VFMError.self) { try PipelineDefinition.parse(text: text, displayPath: "deep.toml") }
        #expect(error.status == .badPipeline)
        #expect(error.file == "deep.toml" && error.line == 2)
        if loads {
            #expect(error.message.contains("unknown key"), "\(error)")
        } else {
            #expect(error.message.contains("`extra`") && error.message.contains("32 levels"), "\(error)")
        }
    }

    @Test("100,000 [[groups]] load, in time linear in their number")
    func manyGroups() throws {
        let small = Self.withGroups(20_000)
        let large = Self.withGroups(100_000)
        let clock = ContinuousClock()
        var loaded: LoadedPipeline?
        let smallTime = try clock.measure { loaded = try PipelineDefinition.parse(text: small, displayPath: "g.toml") }
        let builtInGroups = PipelineDefinition.builtIn().definition.groups.count
        #expect(loaded?.definition.groups.count == builtInGroups + 20_000)
        let largeTime = try clock.measure { loaded = try PipelineDefinition.parse(text: large, displayPath: "g.toml") }
        #expect(loaded?.definition.groups.count == builtInGroups + 100_000)
        // 5× the groups: linear is ≈ 5×, the old quadratic loader was ≈ 25×.
        #expect(largeTime < smallTime * 15, "20k: \(smallTime), 100k: \(largeTime)")
        #expect(largeTime < .seconds(30), "debug build, shared machine: \(largeTime)")
    }

    @Test("a group name given twice among 100,000 is still found, at its line")
    func duplicateAmongMany() throws {
        let text = Self.withGroups(50_000) + "\n[[groups]]\nname = \"g7\"\ncolumn = \"region\"\nvalues = [\"x\"]\n"
        let error = try #require(throws: VFMError.self) { try PipelineDefinition.parse(text: text, displayPath: "g.toml") }
        #expect(error.message.contains("a second group named `g7`"), "\(error)")
        #expect(error.line == text.split(separator: "\n", omittingEmptySubsequences: false).count - 3)
    }
}
