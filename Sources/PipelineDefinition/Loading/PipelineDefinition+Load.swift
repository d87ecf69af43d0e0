import Foundation
import VFMCore

extension PipelineDefinition {
    /// Reads a pipeline file (`--config FILE`). Every problem in it — TOML
    /// syntax, a wrong key, type, metric or group name — is a `VFMError(.badPipeline)`
    /// (exit 78) naming the file by its base name, the line and the key; a file that is
    /// missing or cannot be read is 66, like a missing input (SPEC §3).
    public static func load(path: String) throws(VFMError) -> LoadedPipeline {
        let displayPath = URL(fileURLWithPath: path).lastPathComponent
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(FilePathBytes(argument: path), displayName: displayPath)
        } catch {
            // A missing or unreadable pipeline file is 66 like a missing input (SPEC §3);
            // 78 is for a file that was read and is wrong.
            throw VFMError(error.status, "cannot read the pipeline file: \(error.message)", file: displayPath,
                           hint: error.status == .noInput
                               ? "check the --config path; without --config the built-in ndti-2014 pipeline is used"
                               : error.hint)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw VFMError(.badPipeline, "the pipeline file is not UTF-8 text", file: displayPath,
                           hint: "save it as UTF-8")
        }
        return try parse(text: text, displayPath: displayPath)
    }

    /// The built-in default: `Pipelines/ndti-2014.toml`, compiled into the binary (a test
    /// asserts the two are byte-identical) so that an installed `vfm` needs no resource
    /// bundle beside it.
    public static func builtIn() -> LoadedPipeline {
        do {
            return try parse(text: BuiltInPipeline.text, displayPath: BuiltInPipeline.displayPath)
        } catch {
            // The built-in text is checked by the test suite; reaching this is a build defect.
            preconditionFailure("the built-in pipeline does not load: \(error)")
        }
    }

    /// Parses pipeline text named `displayPath` in messages and in the manifest.
    public static func parse(text: String, displayPath: String) throws(VFMError) -> LoadedPipeline {
        let root: TOMLTable
        do {
            // A byte-order mark is allowed (editors on Windows add one); it is not TOML.
            root = try TOMLParser.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        } catch {
            throw VFMError(.badPipeline, "\(error.message) (column \(error.position.column))", file: displayPath,
                           line: error.position.line, hint: "fix the TOML syntax on that line")
        }
        let definition = try PipelineDecoder.decode(root, file: displayPath)
        return LoadedPipeline(definition: definition, displayPath: displayPath,
                              sha256: ContentHash.hex(of: Array(text.utf8)), text: text)
    }
}
