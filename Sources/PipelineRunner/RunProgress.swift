import Foundation
import VFMCore

/// Times the stages of `vfm run` and, on a terminal only, shows which one is running
/// (SPEC §3: "Long work on a terminal shows progress"). When stderr is a file or pipe —
/// cron, CI — there are no carriage returns or escape codes in the log, only whole lines.
struct RunProgress {
    let log: StageLog
    private let interactive: Bool
    private let stages: [String]
    private(set) var milliseconds: [(stage: String, milliseconds: Int)] = []

    init(log: StageLog, stages: [String]) {
        self.log = log
        self.stages = stages
        interactive = !log.quiet && isatty(STDERR_FILENO) == 1
    }

    /// Runs `body` as stage `stage`, showing `[k/n] stage …` meanwhile (terminal only) and
    /// recording its time.
    mutating func stage<Result>(_ stage: String, _ body: () throws(VFMError) -> Result) throws(VFMError) -> Result {
        let number = (stages.firstIndex(of: stage) ?? milliseconds.count) + 1
        if interactive {
            FileHandle.standardError.write(Data("[\(number)/\(stages.count)] \(stage) …\r".utf8))
        }
        let start = ContinuousClock.now
        defer {
            if interactive { FileHandle.standardError.write(Data("\u{1B}[2K".utf8)) }
        }
        let result = try body()
        milliseconds.append((stage, elapsedMilliseconds(since: start)))
        return result
    }

    /// `ingest 12 ms, clean 3 ms, …`.
    var timings: String {
        milliseconds.map { "\($0.stage) \($0.milliseconds) ms" }.joined(separator: ", ")
    }
}

/// Milliseconds since `start`, on the monotonic clock.
func elapsedMilliseconds(since start: ContinuousClock.Instant) -> Int {
    let (seconds, attoseconds) = (ContinuousClock.now - start).components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
}
