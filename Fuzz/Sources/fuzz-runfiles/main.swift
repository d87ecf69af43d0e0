import Foundation
import FuzzDriver
import PipelineRunner
import VFMCore

// The stages run by hand reading back a damaged run file through its typed reader (issue
// 25): the first byte picks the file — `ingest/returns.csv` (read by vfm-clean),
// `clean/services.csv` (vfm-analyze) or `clean/flags.csv` (vfm-report) — and the rest is
// its content, in a fresh copy of the committed sample run (`Output/sample`, from the
// repository root, where `Fuzz/run.sh` runs) whose other files are as the stages wrote them.
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-fuzz-runfiles-\(getpid())").path
let template = directory + "/template", run = directory + "/run"
try? FileManager.default.removeItem(atPath: directory)
try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
try! FileManager.default.copyItem(atPath: "Output/sample", toPath: template)
let files = ["ingest/returns.csv", "clean/services.csv", "clean/flags.csv"]
let pipeline = try! PipelineChoice.load(config: nil)

FuzzDriver.run { bytes in
    guard let selector = bytes.first else { return }
    try? FileManager.default.removeItem(atPath: run)
    try! FileManager.default.copyItem(atPath: template, toPath: run)
    let choice = Int(selector) % files.count
    try! FileSystem.write(Array(bytes.dropFirst()), to: run + "/" + files[choice])
    let log = StageLog(quiet: true)
    switch choice {
    case 0: try? StageSteps.clean(pipeline: pipeline, runDirectory: run, log: log)
    case 1: try? StageSteps.analyze(pipeline: pipeline, runDirectory: run, log: log)
    default: try? StageSteps.reportByHand(pipeline: pipeline, runDirectory: run, log: log)
    }
}
