import Foundation
import VFMCore

/// Stage log lines and, on a terminal only, a progress indicator (SPEC §3: "Long work on a
/// terminal shows progress"). When stderr is a file or pipe — cron, CI — there are no
/// carriage returns or escape codes in the log, only whole lines.
public struct RunProgress: Sendable {
    public let log: StageLog
    private let interactive: Bool
    private let stageCount: Int

    public init(log: StageLog, stageCount: Int) {
        self.log = log
        self.stageCount = stageCount
        interactive = !log.quiet && isatty(STDERR_FILENO) == 1
    }

    /// Shows `[k/n] stage …` until the next line overwrites it (terminal only).
    func starting(_ stage: String, number: Int) {
        guard interactive else { return }
        FileHandle.standardError.write(Data("[\(number)/\(stageCount)] \(stage) …\r".utf8))
    }

    /// The stage's log line, replacing the indicator.
    func finished(_ line: String) {
        if interactive { FileHandle.standardError.write(Data("\u{1B}[2K".utf8)) }
        log.info(line)
    }
}

/// What one stage did, for its log line: `clean: 70 rows in, 68 out, 2 rejected, 9 flagged (3 ms)`.
public struct StageSummary: Sendable, Equatable, CustomStringConvertible {
    public var stage: String
    public var counts: String
    public var milliseconds: Int

    public var description: String {
        counts.isEmpty ? "\(stage): done (\(milliseconds) ms)" : "\(stage): \(counts) (\(milliseconds) ms)"
    }
}

/// Milliseconds since `start`, on the monotonic clock.
func elapsedMilliseconds(since start: ContinuousClock.Instant) -> Int {
    let duration = ContinuousClock.now - start
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
}
