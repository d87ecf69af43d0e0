internal import CLinearAlgebra

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

    /// The number of threads OpenBLAS will use (for tests).
    static var threadCount: Int {
        Int(openblas_get_num_threads())
    }
}
