import Foundation
import FuzzDriver
import PipelineRunner
import VFMCore

// The whole run — ingest, clean, analyze, report, publish — on one input file, into a
// scratch output, re-run every time (--force).
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-fuzz-run-\(getpid())").path
try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let input = directory + "/return.csv"

FuzzDriver.run { bytes in
    try! FileSystem.write(bytes, to: input)
    let request = RunRequest(inputs: [input], config: nil, output: directory + "/out", force: true, failOn: nil,
                             log: StageLog(quiet: true))
    _ = try? PipelineRun.run(request)
}
