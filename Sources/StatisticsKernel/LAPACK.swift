internal import CLinearAlgebra
import Foundation

/// Safe wrappers over the LAPACKE routines this module uses. `lapack_int` is a macro
/// Swift cannot see; on this platform it is `int32_t`, hence `Int32`.
enum LAPACK {
    /// Why a least-squares solve produced no answer.
    enum LeastSquaresFailure: Error, Equatable {
        /// The arguments did not describe a valid problem (sizes, lengths).
        case invalidShape
        /// `dgels` returned `info = -i`: argument `i` was illegal (a bug here, not bad data).
        case illegalArgument(Int32)
        /// `dgels` returned `info = i > 0`: the i-th diagonal element of R is exactly zero,
        /// so A does not have full column rank and there is no unique solution.
        case rankDeficient(Int32)
    }

    /// Minimises ‖A b − y‖₂ for a row-major `rows × columns` matrix A of full column rank
    /// (`LAPACKE_dgels`, QR factorisation, `trans = 'N'`), rows ≥ columns.
    /// - Returns: the `columns` coefficients b.
    static func leastSquares(_ a: [Double], rows: Int, columns: Int,
                             rightHandSide y: [Double]) -> Result<[Double], LeastSquaresFailure> {
        guard columns > 0, rows >= columns, a.count == rows * columns, y.count == rows else {
            return .failure(.invalidShape)
        }
        // The transpose LAPACKE makes of a row-major matrix before it calls dgels.
        var factor = [Double](unsafeUninitializedCapacity: rows * columns) { buffer, count in
            for i in 0..<rows {
                for k in 0..<columns { buffer[k * rows + i] = a[i * columns + k] }
            }
            count = rows * columns
        }
        var solution = y
        return leastSquares(columnMajor: &factor, rows: rows, columns: columns, rightHandSide: &solution)
    }

    /// The same for a column-major A (column k at `a[k * rows ..< (k + 1) * rows]`), solved in
    /// place: dgels overwrites `a` with its QR factorisation and `y` with the solution in its
    /// first `columns` entries. dgels sees the same matrix as from the row-major form (which
    /// LAPACKE transposes into this layout first), so the bits are the same, without the copies.
    /// Where dgels would scale nothing its steps are called one by one (`unscaledSteps`),
    /// skipping its element-by-element scan for the largest value: the same bits.
    /// `viaSteps: false` calls `LAPACKE_dgels` whatever the values (the tests' reference).
    static func leastSquares(columnMajor a: inout [Double], rows: Int, columns: Int, rightHandSide y: inout [Double],
                             viaSteps: Bool = true) -> Result<[Double], LeastSquaresFailure> {
        guard columns > 0, rows >= columns, a.count == rows * columns, y.count == rows,
              let m = Int32(exactly: rows), let n = Int32(exactly: columns)
        else { return .failure(.invalidShape) }
        LAPACKCalls.current?.record()
        let library = LinearAlgebraLibrary.loaded
        let info: Int32 = a.withUnsafeMutableBufferPointer { ap in
            y.withUnsafeMutableBufferPointer { bp in
                // dgels' own steps where it would scale nothing (`unscaledSteps`: the same bits).
                if viaSteps, let info = unscaledSteps(library, a: ap, y: bp, rows: m, columns: n) { return info }
                // Column-major with one right-hand side: lda = ldb = rows.
                return library.leastSquares(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), m, n, 1, ap.baseAddress, m,
                                            bp.baseAddress, m)
            }
        }
        if info < 0 { return .failure(.illegalArgument(-info)) }
        if info > 0 { return .failure(.rankDeficient(info)) }
        return .success(Array(y.prefix(columns)))
    }
}

/// Counts the LAPACK solves made while it is the task's `current` recorder, so a test can
/// show that a run's path goes through LAPACK (SPEC §14: the model's least-squares steps).
package final class LAPACKCalls: @unchecked Sendable {
    @TaskLocal package static var current: LAPACKCalls?

    private let lock = NSLock()
    private var solves = 0

    package init() {}

    /// Least-squares solves (`LAPACK.leastSquares`, dgels or its steps) recorded so far.
    package var leastSquaresSolves: Int { lock.withLock { solves } }

    func record() { lock.withLock { solves += 1 } }
}
