import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import StatisticsKernel

@Suite("BLAS and LAPACK through the StatisticsKernel module")
struct LinearAlgebraTests {
    @Test("OpenBLAS runs on one thread after useSingleThread")
    func singleThread() {
        LinearAlgebraRuntime.useSingleThread()
        LinearAlgebraRuntime.useSingleThread()  // idempotent
        #expect(LinearAlgebraRuntime.threadCount == 1)
    }

    @Test("OpenBLAS and LAPACKE are opened at run time, by name, once: the same functions each time")
    func openedOnce() throws {
        try LinearAlgebraRuntime.load()
        try LinearAlgebraRuntime.load()  // idempotent
        let first = LinearAlgebraLibrary.loaded, again = LinearAlgebraLibrary.loaded
        #expect(unsafeBitCast(first.symmetricRankK, to: UnsafeRawPointer.self)
                == unsafeBitCast(again.symmetricRankK, to: UnsafeRawPointer.self))
        // The functions are OpenBLAS's and LAPACKE's own: the same addresses the loader finds
        // in the libraries by name.
        let blas = try #require(dlopen("libopenblas.so.0", RTLD_LAZY | RTLD_NOLOAD))
        let lapacke = try #require(dlopen("liblapacke.so.3", RTLD_LAZY | RTLD_NOLOAD))
        #expect(dlsym(blas, "cblas_dsyrk") == unsafeBitCast(first.symmetricRankK, to: UnsafeMutableRawPointer.self))
        #expect(dlsym(lapacke, "LAPACKE_dgels") == unsafeBitCast(first.leastSquares, to: UnsafeMutableRawPointer.self))
        #expect(LinearAlgebraRuntime.threadCount == 1)
    }

    @Test("cblas_ddot gives the hand-computed dot product")
    func dot() {
        // 1·4 + 2·(−5) + 3·6 = 4 − 10 + 18 = 12
        #expect(BLAS.dot([1, 2, 3], [4, -5, 6]) == 12)
        #expect(BLAS.dot([1, 2], [1]) == nil)
    }

    @Test("cblas_dsyrk gives XᵀX for a row-major matrix, both triangles filled")
    func gram() throws {
        // X (3×2) = [1 2; 3 4; 5 6]:
        // XᵀX = [1+9+25  2+12+30; ·  4+16+36] = [35 44; 44 56]; alpha = 1/2 halves it.
        let x: [Double] = [1, 2, 3, 4, 5, 6]
        #expect(BLAS.gram(x, rows: 3, columns: 2) == [35, 44, 44, 56])
        #expect(BLAS.gram(x, rows: 3, columns: 2, alpha: 0.5) == [17.5, 22, 22, 28])
        #expect(BLAS.gram(x, rows: 2, columns: 2) == nil)
    }

    @Test("LAPACKE_dgels solves a least-squares problem to the hand value")
    func dgels() throws {
        // Fit y = a + b x to (0,1) (1,3) (2,4): x̄ = 1, ȳ = 8/3; Sxy = (−1)(−5/3) + 0 + (1)(4/3) = 3,
        // Sxx = 2 → b = 3/2, a = 8/3 − 3/2 = 7/6.
        let a: [Double] = [1, 0, 1, 1, 1, 2]
        guard case .success(let b) = LAPACK.leastSquares(a, rows: 3, columns: 2, rightHandSide: [1, 3, 4]) else {
            Issue.record("dgels failed")
            return
        }
        #expect(isClose(b[0], 7.0 / 6, relative: 1e-15))
        #expect(isClose(b[1], 1.5, relative: 1e-15))
    }

    @Test("LAPACKE_dgels reports a rank-deficient matrix as a typed failure")
    func dgelsRankDeficient() {
        // Second column all zero: R₂₂ = 0 exactly → info = 2.
        let a: [Double] = [1, 0, 1, 0, 1, 0]
        #expect(LAPACK.leastSquares(a, rows: 3, columns: 2, rightHandSide: [1, 2, 3]) == .failure(.rankDeficient(2)))
        #expect(LAPACK.leastSquares(a, rows: 2, columns: 2, rightHandSide: [1, 2, 3]) == .failure(.invalidShape))
    }
}
