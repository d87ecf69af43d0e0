/// The process exit statuses of every `vfm` command (SPEC §3), from BSD `sysexits.h`,
/// so that a cron wrapper can tell "bad data" from "disk full" without reading logs.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything went well (rejected rows alone are not a failure).
    case ok = 0
    /// `vfm-diff`: the two runs differ (the `diff(1)` convention).
    case differences = 1
    /// The command line was wrong.
    case usage = 64
    /// Input unusable: no header, required column missing, no valid row, bad encoding,
    /// or `--fail-on` tripped.
    case dataError = 65
    /// An input file or directory is missing or unreadable.
    case noInput = 66
    /// The system ran out of a resource the run needs: memory (under `ulimit -v`, a
    /// cgroup's `MemoryMax`) or file descriptors (`ulimit -n`). Not the data's fault:
    /// give the job more and run again (`EX_OSERR`).
    case osError = 71
    /// The output directory cannot be created or written.
    case cannotCreateOutput = 73
    /// A read or write failed part-way (e.g. disk full).
    case ioError = 74
    /// Another run holds the lock on this output directory.
    case locked = 75
    /// The pipeline definition is invalid.
    case badPipeline = 78
}
