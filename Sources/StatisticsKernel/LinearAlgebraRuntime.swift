internal import CLinearAlgebra
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Process-wide settings of the BLAS/LAPACK runtime (OpenBLAS).
///
/// OpenBLAS splits `dsyrk`/`dgemm` across threads, and the split changes the order of
/// additions, so results can differ in the last bit with the core count. SPEC §6 asks
/// for results that do not depend on the machine: every run pins OpenBLAS to one thread.
public enum LinearAlgebraRuntime {
    /// Pins OpenBLAS to one thread (`openblas_set_num_threads(1)`). Idempotent and cheap;
    /// call it at start-up. Every BLAS-using function in this module also calls it first,
    /// so forgetting it cannot change results.
    public static func useSingleThread() {
        _ = singleThreadPinned
    }

    /// Runs `openblas_set_num_threads(1)` once per process (a lazily initialised global).
    private static let singleThreadPinned: Void = {
        openblas_set_num_threads(1)
    }()

    /// Ends OpenBLAS's worker threads in a process that will do no linear algebra: the
    /// supervising parent of every `vfm` command (`ProcessSupervision`).
    ///
    /// The pthreads build of OpenBLAS starts one worker per further core when it loads,
    /// before `main`, and each worker waits for work by calling `sched_yield` in a loop for
    /// about 2²⁸ cycles (0.1 s here) before it sleeps. In the parent that was a tenth of a
    /// second of a core taken from the child's start, in each of the four stages run by
    /// hand (issue 25; seen in `strace -f` as thousands of `sched_yield` calls).
    ///
    /// The shutdown joins the workers, so it runs on a detached thread of its own and the
    /// parent does not wait for it: under `ulimit -v` a worker never gets its 128 MiB
    /// buffer and retries for ever inside `blas_memory_alloc`, and joining it would hang
    /// the parent (the child is started with one thread and is not affected; the parent's
    /// stuck worker then spins as it always did, and ends with the parent). A parent that
    /// must do the work itself after all waits a little for it first
    /// (`awaitIdleWorkersEnded`). The function is looked up rather than linked: the serial
    /// and OpenMP builds Debian offers as alternatives of `libopenblas.so.0` may not export
    /// it, and then there is no worker.
    public static func endIdleWorkerThreads() {
        guard shutdown != nil, !shutdownStarted else { return }
        var thread = pthread_t()
        guard pthread_create(&thread, nil, { _ in
            _ = LinearAlgebraRuntime.shutdown?()
            LinearAlgebraRuntime.shutdownEnded.signal()
            return nil
        }, nil) == 0 else { return }
        pthread_detach(thread)
        shutdownStarted = true
    }

    /// Waits up to `seconds` for `endIdleWorkerThreads`' shutdown to end, before this
    /// process does linear algebra itself (the supervisor that could not start its child),
    /// so the two never overlap; a shutdown stuck behind a worker that cannot get its
    /// buffer is given up on, as the run would have been before.
    public static func awaitIdleWorkersEnded(seconds: Double = 2) {
        guard shutdownStarted else { return }
        shutdownStarted = false
        _ = shutdownEnded.wait(timeout: .now() + seconds)
    }

    /// Set by `endIdleWorkerThreads` on the thread that starts the shutdown, read by
    /// `awaitIdleWorkersEnded` on the same thread.
    nonisolated(unsafe) private static var shutdownStarted = false
    private static let shutdownEnded = DispatchSemaphore(value: 0)

    /// OpenBLAS's `blas_thread_shutdown_`, if the loaded build has it.
    private static let shutdown: (@convention(c) () -> Int32)? = {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "blas_thread_shutdown_")
            .map { unsafeBitCast($0, to: (@convention(c) () -> Int32).self) }
    }()

    /// Makes OpenBLAS take its work buffer now, while it can be checked, and returns
    /// `false` when the memory for it is not to be had.
    ///
    /// OpenBLAS allocates one buffer (128 MiB + a page on x86-64) at its first level-3
    /// call and keeps it for the process. When that `malloc` fails, `blas_memory_alloc`
    /// retries for ever — a run under `ulimit -v 256M` spun at 100% CPU inside
    /// `cblas_dsyrk`, holding the output's lock. So under a memory limit the command probes
    /// for a little more than that size first (then frees it) and lets a 1 × 1 `dsyrk`
    /// take the buffer at once; later calls reuse it and never allocate again.
    public static func reserveWorkBuffer() -> Bool {
        useSingleThread()
        // mmap, not malloc: the optimiser may delete a malloc/free pair nobody reads.
        let probe = mmap(nil, workBufferProbeBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let probe, probe != MAP_FAILED else { return false }
        munmap(probe, workBufferProbeBytes)
        let a = [1.0]
        var c = [0.0]
        a.withUnsafeBufferPointer { ap in
            c.withUnsafeMutableBufferPointer { cp in
                cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, 1, 1, 1, ap.baseAddress, 1, 0, cp.baseAddress, 1)
            }
        }
        return true
    }

    /// OpenBLAS's buffer (134,221,824 bytes, seen in `gdb` on this machine's Debian build)
    /// with 16 MiB to spare.
    static let workBufferProbeBytes = 144 << 20

    /// The number of threads OpenBLAS will use (for tests).
    static var threadCount: Int {
        Int(openblas_get_num_threads())
    }
}
