import Foundation
import FuzzDriver
import PipelineDefinition
import Returns
import VFMCore

// One file's ingest (decode, header mapping, typed cells, rejects) as `vfm run` does it:
// the bytes are written to a file on tmpfs and ingested with the built-in pipeline.
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-fuzz-ingest-\(getpid())").path
try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let path = directory + "/return.csv"
let pipeline = PipelineDefinition.builtIn().definition

FuzzDriver.run { bytes in
    try! FileSystem.write(bytes, to: path)
    _ = try? IngestStage.run(inputs: [path], pipeline: pipeline, log: StageLog(quiet: true))
}
