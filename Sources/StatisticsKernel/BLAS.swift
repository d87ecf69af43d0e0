internal import CLinearAlgebra

/// Safe wrappers over the few CBLAS routines this module uses. Unsafe pointers live only
/// inside the `withUnsafe…BufferPointer` closures around each call.
enum BLAS {
    /// Σ xᵢ yᵢ (`cblas_ddot`). `nil` if the lengths differ or overflow `Int32`.
    static func dot(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, let n = Int32(exactly: x.count) else { return nil }
        LinearAlgebraRuntime.useSingleThread()
        return x.withUnsafeBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in
                cblas_ddot(n, xp.baseAddress, 1, yp.baseAddress, 1)
            }
        }
    }

    /// The Gram matrix `C = alpha · Xᵀ X` of a row-major `rows × columns` matrix `X`
    /// (`cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, …)`), returned row-major
    /// `columns × columns` with the lower triangle mirrored from the upper one that
    /// `dsyrk` fills. `nil` if `X` is not `rows × columns` or a size overflows `Int32`.
    static func gram(_ matrix: [Double], rows: Int, columns: Int, alpha: Double = 1) -> [Double]? {
        guard rows >= 0, columns > 0, matrix.count == rows * columns,
              let n = Int32(exactly: rows), let p = Int32(exactly: columns),
              Int32(exactly: columns * columns) != nil
        else { return nil }
        LinearAlgebraRuntime.useSingleThread()
        var gram = [Double](repeating: 0, count: columns * columns)
        matrix.withUnsafeBufferPointer { xp in
            gram.withUnsafeMutableBufferPointer { cp in
                cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, p, n, alpha,
                            xp.baseAddress, p, 0, cp.baseAddress, p)
            }
        }
        for i in 0..<columns {
            for j in 0..<i { gram[i * columns + j] = gram[j * columns + i] }
        }
        return gram
    }
}
