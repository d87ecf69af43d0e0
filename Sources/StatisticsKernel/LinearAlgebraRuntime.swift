internal import CLinearAlgebra
#if canImport(Glibc)
import Glibc
#endif

/// Process-wide settings of the BLAS/LAPACK runtime (OpenBLAS).
///
/// OpenBLAS splits `dsyrk`/`dgemm` across threads, and the split changes the order of
/// additions, so results can differ in the last bit with the core count. SPEC §6 asks
/// for results that do not depend on the machine: every run pins OpenBLAS to one thread.
public enum LinearAlgebraRuntime {
    /// Opens OpenBLAS and LAPACKE (`LinearAlgebraLibrary`) if they are not open yet, and
    /// pins OpenBLAS to one thread. Every command that computes a statistic calls it before
    /// any work, so that a missing library is said at once, in words.
    /// - Throws: `LinearAlgebraUnavailable` with what the dynamic loader said.
    public static func load() throws(LinearAlgebraUnavailable) {
        _ = try LinearAlgebraLibrary.shared.get()
    }

    /// Pins OpenBLAS to one thread (`openblas_set_num_threads(1)`, done once, when the
    /// library is opened). Idempotent and cheap; every BLAS-using function in this module
    /// reaches the library through `LinearAlgebraLibrary.loaded`, which pins it first, so
    /// forgetting this cannot change results.
    public static func useSingleThread() {
        _ = LinearAlgebraLibrary.loaded
    }

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
        // mmap, not malloc: the optimiser may delete a malloc/free pair nobody reads.
        let probe = mmap(nil, workBufferProbeBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let probe, probe != MAP_FAILED else { return false }
        munmap(probe, workBufferProbeBytes)
        let a = [1.0]
        var c = [0.0]
        a.withUnsafeBufferPointer { ap in
            c.withUnsafeMutableBufferPointer { cp in
                LinearAlgebraLibrary.loaded.symmetricRankK(CblasRowMajor, CblasUpper, CblasTrans, 1, 1, 1,
                                                           ap.baseAddress, 1, 0, cp.baseAddress, 1)
            }
        }
        return true
    }

    /// OpenBLAS's buffer (134,221,824 bytes, seen in `gdb` on this machine's Debian build)
    /// with 16 MiB to spare.
    static let workBufferProbeBytes = 144 << 20

    /// The number of threads OpenBLAS will use (for tests).
    static var threadCount: Int {
        Int(LinearAlgebraLibrary.loaded.getThreads())
    }
}
