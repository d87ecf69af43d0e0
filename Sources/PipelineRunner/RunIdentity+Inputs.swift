import PipelineDefinition
import Returns
import VFMCore

extension RunIdentity {
    /// The identity of a run of `pipeline` on `inputs`, found by hashing the input files
    /// — not parsing them — so that "up to date" costs a read of the inputs, not a run.
    /// Files are found exactly as the ingest stage finds them (`InputDiscovery`), so the
    /// names match those it records in the manifest.
    /// - Throws: `.noInput` (66) for a missing or unreadable input.
    public static func of(inputs: [String], pipeline: LoadedPipeline) throws(VFMError) -> RunIdentity {
        var fingerprints: [InputFingerprint] = []
        for file in try InputDiscovery.files(for: inputs) {
            // Chunk by chunk: a 10^6-row return, or one with a 200 MB cell, is never held whole.
            var hash = ContentHash()
            try FileSystem.forEachChunk(of: file.location, displayName: file.displayName) { chunk, _ in
                hash.update(UnsafeRawBufferPointer(chunk))
            }
            fingerprints.append(InputFingerprint(path: file.displayName, sha256: hash.finalizeHex()))
        }
        return RunIdentity(inputs: fingerprints, pipelinePath: pipeline.displayPath, pipelineSHA256: pipeline.sha256)
    }
}
