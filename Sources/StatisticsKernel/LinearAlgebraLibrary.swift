internal import CLinearAlgebra
#if canImport(Glibc)
import Glibc
#endif

/// OpenBLAS and LAPACKE, opened by the analysis when it first needs them rather than
/// linked into every executable (issue 25).
///
/// Why: a linked `libopenblas` is loaded, and its constructor run, before `main` in every
/// `vfm` process — those that never compute a statistic too (ingest, clean, the report) —
/// and it starts a worker thread per further core then. That cost each process about 4 ms,
/// and the threads forced every command's supervisor to start its worker as a fresh
/// process (`exec`, ~15 ms of loading again), because only the environment variable set
/// before the library loads keeps OpenBLAS to one thread (SPEC §6). Opened here instead,
/// after the supervisor has set `OPENBLAS_NUM_THREADS=1`, no process has OpenBLAS's
/// threads, and the supervisor can fork its worker (`ProcessSupervision`).
///
/// The same libraries are used as when linked, found by the same names: `libopenblas.so.0`
/// is opened first and into the global scope, as it came first among the executable's
/// libraries, so LAPACKE's calls into LAPACK (`dgels_`) reach OpenBLAS's LAPACK, as before;
/// `OPENBLAS_CORETYPE` still chooses the kernel when it loads.
struct LinearAlgebraLibrary: @unchecked Sendable {
    typealias Dot = @convention(c) (blasint, UnsafePointer<Double>?, blasint, UnsafePointer<Double>?, blasint) -> Double
    typealias SymmetricRankK = @convention(c) (CBLAS_ORDER, CBLAS_UPLO, CBLAS_TRANSPOSE, blasint, blasint, Double,
                                               UnsafePointer<Double>?, blasint, Double, UnsafeMutablePointer<Double>?,
                                               blasint) -> Void
    typealias LeastSquares = @convention(c) (Int32, CChar, Int32, Int32, Int32, UnsafeMutablePointer<Double>?, Int32,
                                             UnsafeMutablePointer<Double>?, Int32) -> Int32
    /// Fortran LAPACK: every argument by reference, then each character argument's length.
    typealias FortranLeastSquares = @convention(c) (
        UnsafePointer<CChar>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?,
        UnsafeMutablePointer<Double>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Double>?, UnsafePointer<Int32>?,
        UnsafeMutablePointer<Double>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Int32>?, Int) -> Void
    typealias QRFactorisation = @convention(c) (
        UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Double>?, UnsafePointer<Int32>?,
        UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?, UnsafePointer<Int32>?,
        UnsafeMutablePointer<Int32>?) -> Void
    typealias ApplyQ = @convention(c) (
        UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?,
        UnsafePointer<Int32>?, UnsafePointer<Double>?, UnsafePointer<Int32>?, UnsafePointer<Double>?,
        UnsafeMutablePointer<Double>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Double>?, UnsafePointer<Int32>?,
        UnsafeMutablePointer<Int32>?, Int, Int) -> Void
    typealias TriangularSolve = @convention(c) (
        UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<Int32>?,
        UnsafePointer<Int32>?, UnsafePointer<Double>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Double>?,
        UnsafePointer<Int32>?, UnsafeMutablePointer<Int32>?, Int, Int, Int) -> Void
    typealias SetThreads = @convention(c) (Int32) -> Void
    typealias GetThreads = @convention(c) () -> Int32

    /// `cblas_ddot`.
    let dot: Dot
    /// `cblas_dsyrk`.
    let symmetricRankK: SymmetricRankK
    /// `LAPACKE_dgels`.
    let leastSquares: LeastSquares
    /// `dgels_`, `dgeqrf_`, `dormqr_`, `dtrtrs_`: the steps of `dgels` called one by one
    /// (`LAPACK.leastSquares(columnMajor:rows:columns:rightHandSide:)`).
    let fortranLeastSquares: FortranLeastSquares
    let qrFactorisation: QRFactorisation
    let applyQ: ApplyQ
    let triangularSolve: TriangularSolve
    /// `openblas_set_num_threads`.
    let setThreads: SetThreads
    /// `openblas_get_num_threads`.
    let getThreads: GetThreads

    /// The libraries, opened once for the process (and pinned to one thread), or what the
    /// dynamic loader said.
    static let shared: Result<LinearAlgebraLibrary, LinearAlgebraUnavailable> = open()

    /// The opened libraries. Every command that computes a statistic opens them before
    /// any work (`LinearAlgebraRuntime.load`), and says so when it cannot; this is for
    /// what comes after.
    static var loaded: LinearAlgebraLibrary {
        switch shared {
        case .success(let library): return library
        case .failure(let failure): fatalError("\(failure.reason) (LinearAlgebraRuntime.load() was not called first)")
        }
    }

    private static func open() -> Result<LinearAlgebraLibrary, LinearAlgebraUnavailable> {
        func opened(_ name: String) -> Result<UnsafeMutableRawPointer, LinearAlgebraUnavailable> {
            if let handle = dlopen(name, RTLD_LAZY | RTLD_GLOBAL) { return .success(handle) }
            let said = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(LinearAlgebraUnavailable(reason: "cannot open \(name): \(said)"))
        }
        func function<T>(_ handle: UnsafeMutableRawPointer, _ name: String, _ library: String,
                         as type: T.Type) -> Result<T, LinearAlgebraUnavailable> {
            guard let address = dlsym(handle, name) else {
                return .failure(LinearAlgebraUnavailable(reason: "\(library) has no \(name)"))
            }
            return .success(unsafeBitCast(address, to: type))
        }
        return Result { () throws(LinearAlgebraUnavailable) -> LinearAlgebraLibrary in
            let blas = try opened("libopenblas.so.0").get()
            let lapacke = try opened("liblapacke.so.3").get()
            let library = LinearAlgebraLibrary(
                dot: try function(blas, "cblas_ddot", "libopenblas.so.0", as: Dot.self).get(),
                symmetricRankK: try function(blas, "cblas_dsyrk", "libopenblas.so.0", as: SymmetricRankK.self).get(),
                leastSquares: try function(lapacke, "LAPACKE_dgels", "liblapacke.so.3", as: LeastSquares.self).get(),
                fortranLeastSquares: try function(blas, "dgels_", "libopenblas.so.0", as: FortranLeastSquares.self).get(),
                qrFactorisation: try function(blas, "dgeqrf_", "libopenblas.so.0", as: QRFactorisation.self).get(),
                applyQ: try function(blas, "dormqr_", "libopenblas.so.0", as: ApplyQ.self).get(),
                triangularSolve: try function(blas, "dtrtrs_", "libopenblas.so.0", as: TriangularSolve.self).get(),
                setThreads: try function(blas, "openblas_set_num_threads", "libopenblas.so.0", as: SetThreads.self).get(),
                getThreads: try function(blas, "openblas_get_num_threads", "libopenblas.so.0", as: GetThreads.self).get())
            library.setThreads(1)
            return library
        }
    }
}

/// OpenBLAS or LAPACKE cannot be opened (not installed, or not the expected build).
public struct LinearAlgebraUnavailable: Error, Sendable {
    /// What the dynamic loader said, naming the library.
    public let reason: String
}
