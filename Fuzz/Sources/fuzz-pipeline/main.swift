import FuzzDriver
import PipelineDefinition

// The TOML pipeline loader: syntax, nesting, keys, types and names; a definition or a
// bad-pipeline error (exit 78), never a trap or a stack overflow.
FuzzDriver.run { bytes in
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    _ = try? PipelineDefinition.parse(text: text, displayPath: "fuzz.toml")
}
