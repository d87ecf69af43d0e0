internal import CProcessShims
import Foundation
import VFMCore

/// Every `vfm` command runs its work in a child process of itself, for two reasons that
/// cannot be met from inside one process (issue 19):
///
/// 1. **OpenBLAS single-threaded before it loads.** OpenBLAS's constructor starts its
///    worker threads when the library loads, before any `openblas_set_num_threads(1)`.
///    Under a memory limit those threads made runs spin for ever inside
///    `blas_memory_alloc` (holding the output's lock) or hang at exit. Only the environment
///    variable, set before the library loads, prevents them: the child sets
///    `OPENBLAS_NUM_THREADS=1` first, and the library is opened later, by the commands that
///    compute statistics (`LinearAlgebraLibrary`; `LinearAlgebraRuntime` still pins one
///    thread too, for library users).
/// 2. **Out of memory is said, not shown as a crash.** When a memory limit is reached the
///    Swift runtime or OpenBLAS aborts (SIGABRT), or the kernel's OOM killer sends SIGKILL.
///    Nothing inside the dying process can report that; the parent can: it reads the
///    child's end, and under a limit prints "out of memory" and exits 71 (`EX_OSERR`). The
///    lock was the child's `flock`, which the kernel drops with the child, and the previous
///    output is intact (publication is atomic), so the next run proceeds normally.
///
/// The child is a `fork` of the command, made before anything else runs: no library is
/// loaded again, where starting it as a fresh process (`exec`) cost every command ~15 ms of
/// loading its 30 libraries a second time (issue 25: four times by hand, once in
/// `vfm run`). A process that already has another thread cannot be forked safely (a lock
/// held by that thread would stay held in the child); it starts the child as a fresh
/// process, as before.
///
/// The parent forwards SIGTERM, SIGINT, SIGHUP and SIGQUIT to the child, and the child asks
/// the kernel to kill it if the parent dies (`PR_SET_PDEATHSIG`), so `kill -9` of the
/// process cron started ends the run as before. The lock file names the parent's pid (the
/// process a person sees and would signal).
public enum ProcessSupervision {
    /// Set in the child's environment to the parent's pid.
    static let variable = "VFM_SUPERVISOR_PID"

    /// The pid to show people: the supervising parent's when there is one.
    public static var visiblePID: Int32 {
        if let pid = supervisorPID, pid == getppid() { return pid }
        return getpid()
    }

    /// The supervisor's pid from the environment: set, this process is the worker.
    private static var supervisorPID: Int32? {
        getenv(variable).map { String(cString: $0) }.flatMap { Int32($0) }
    }

    /// Runs `work` — the command's work, which returns its exit status — in a supervised
    /// child, and ends this process as the child ended: never returns in the parent, nor in
    /// a forked child (which exits with `work`'s status). Returns `work`'s status only where
    /// `work` ran in this process: a child started as a fresh process (the variable set), or
    /// when no child could be made.
    ///
    /// The child is the child because it was told so — by being forked to run `work`, or by
    /// the variable for a fresh process — never because its parent is still alive: a worker
    /// whose supervisor was killed in its first milliseconds used to fail the
    /// `pid == getppid()` test, take itself for a supervisor, and go on to hold the lock and
    /// publish a run nobody was waiting for (issue 31). Now it asks the kernel for SIGKILL
    /// on the parent's death first, then checks that the parent is still the one that
    /// started it; if not, the parent died before the request and it exits at once, having
    /// done nothing.
    public static func supervise(_ work: () -> Int32) -> Int32 {
        if let pid = supervisorPID {
            becomeWorker(of: pid)
            return work()
        }
        let parent = getpid()
        let oomKillsBefore = CgroupMemory.oomKills()
        // A crash report of the child would bury the one line that says what happened.
        let keepCrashHandlers: Int32 = getenv("SWIFT_BACKTRACE") == nil ? 0 : 1
        var child: pid_t = 0
        var status: Int32 = 0
        let forked = withoutActuallyEscaping(work) { work -> Int32 in
            // Runs on the child's worker thread, the only thread running Swift code there.
            let box = Unmanaged.passRetained(Work {
                setenv(variable, String(parent), 1)
                setenv("OPENBLAS_NUM_THREADS", "1", 1)
                return work()
            })
            defer { box.release() }
            return vfm_fork_and_wait(&child, &status, keepCrashHandlers, { context in
                guard let context else { return ExitStatus.osError.rawValue }  // never: the box is passed
                return Unmanaged<Work>.fromOpaque(context).takeUnretainedValue().run()
            }, box.toOpaque())
        }
        switch forked {
        case 1:
            end(as: status, oomKillsBefore: oomKillsBefore)
        case 2:
            StageLog().error("lost the worker process (pid \(child)): its end could not be waited for; check the run's output before using it")
            _exit(ExitStatus.osError.rawValue)
        default:
            break  // no child: another thread is running, or fork failed
        }
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        environment[variable] = String(parent)
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        let entries = environment.map { strdup($0.key + "=" + $0.value) } + [nil]
        let started = entries.withUnsafeBufferPointer { envp in
            vfm_spawn_and_wait("/proc/self/exe", CommandLine.unsafeArgv, envp.baseAddress, &child, &status)
        }
        guard started == 0 else {
            // Cannot start a child (no memory for it, no /proc): do the work here instead.
            StageLog().warning("cannot start the worker process (\(PosixError.message(started))); running without supervision")
            // Before OpenBLAS is opened, as in a child (`LinearAlgebraRuntime` pins one thread too).
            setenv("OPENBLAS_NUM_THREADS", "1", 1)
            return work()
        }
        end(as: status, oomKillsBefore: oomKillsBefore)
    }

    /// The work handed to the forked child's thread.
    private final class Work {
        let run: () -> Int32
        init(_ run: @escaping () -> Int32) { self.run = run }
    }

    /// In the child of `parent`: asks the kernel for SIGKILL when the parent dies, then
    /// exits at once if it already has.
    private static func becomeWorker(of parent: Int32) {
        _ = vfm_set_parent_death_signal(SIGKILL)
        if getppid() != parent { _exit(Int32(SIGKILL) + 128) }
    }

    /// Ends the parent as the child ended (`status`, from `waitpid`): with its exit status,
    /// "out of memory" under a memory limit, or by its signal.
    private static func end(as status: Int32, oomKillsBefore: Int?) -> Never {
        let signal = status & 0x7F
        if signal == 0 { _exit((status >> 8) & 0xFF) }
        let killedByOOM = signal == SIGKILL && CgroupMemory.oomKills().map { $0 > (oomKillsBefore ?? 0) } == true
        if let limit = memoryLimitText(), killedByOOM || [SIGABRT, SIGSEGV, SIGBUS].contains(signal) {
            StageLog().error("out of memory: the run was stopped (signal \(signal)) under a memory limit of \(limit)"
                             + " — the lock is released and the previous output is intact; give the job more memory and run again")
            _exit(ExitStatus.osError.rawValue)
        }
        // Anything else ends the parent the way it ended the child.
        Foundation.signal(signal, SIG_DFL)
        kill(getpid(), signal)
        _exit(128 + signal)
    }

    /// "384 MiB (ulimit -v)" / "512 MiB (cgroup memory.max)", or `nil` without a limit.
    static func memoryLimitText() -> String? {
        var limits: [String] = []
        let addressSpace = vfm_address_space_limit()
        if addressSpace >= 0 { limits.append("\(addressSpace >> 20) MiB (ulimit -v)") }
        if let cgroup = CgroupMemory.limit() { limits.append("\(cgroup >> 20) MiB (cgroup memory.max)") }
        return limits.isEmpty ? nil : limits.joined(separator: " and ")
    }
}

/// The memory controller of this process's cgroup (v2), as systemd `MemoryMax` and
/// containers set it.
enum CgroupMemory {
    private static var directory: String? {
        guard let text = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("0::") })
        else { return nil }
        return "/sys/fs/cgroup" + line.dropFirst(3)
    }

    /// `memory.max` in bytes, `nil` when "max" or unknown.
    static func limit() -> Int? {
        guard let directory, let text = try? String(contentsOfFile: directory + "/memory.max", encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The `oom_kill` count of `memory.events`.
    static func oomKills() -> Int? {
        guard let directory, let text = try? String(contentsOfFile: directory + "/memory.events", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("oom_kill ") {
            return Int(line.dropFirst("oom_kill ".count))
        }
        return nil
    }
}
