import Foundation
import VFMCore

/// TEST ONLY. `VFM_TEST_PAUSE_AFTER_STAGE=<point>` makes `vfm run` stop at that point,
/// say so on stderr (`vfm: test hook: paused after <point>`), and sleep
/// `VFM_TEST_PAUSE_SECONDS` (default 30) before going on — so the end-to-end tests can
/// SIGKILL a run at a known moment, or start a second run while the first holds the
/// lock. Points: `lock`, `ingest`, `clean`, `analyze`, `report` (staged, not yet
/// published) and `swap` (published, old run not yet deleted). Unset in production, where
/// it costs one environment lookup per stage.
public enum TestHook {
    public static let variable = "VFM_TEST_PAUSE_AFTER_STAGE"
    public static let secondsVariable = "VFM_TEST_PAUSE_SECONDS"

    public static func pause(after point: String) {
        let environment = ProcessInfo.processInfo.environment
        guard environment[variable] == point else { return }
        let seconds = environment[secondsVariable].flatMap(UInt32.init) ?? 30
        FileHandle.standardError.write(Data("vfm: test hook: paused after \(point)\n".utf8))
        sleep(seconds)
    }
}
