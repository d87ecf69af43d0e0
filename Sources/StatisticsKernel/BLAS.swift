internal import CLinearAlgebra
import Foundation

/// Safe wrappers over the few CBLAS routines this module uses. Unsafe pointers live only
/// inside the `withUnsafe…BufferPointer` closures around each call.
///
/// Calls are made one at a time (`serialised`), whichever thread makes them: the analysis
/// computes groups' pairs on several cores (`Parallel.map`), and OpenBLAS gives each thread
/// that is inside a call at the same moment its own 128 MiB work buffer — taken with a
/// `malloc` it retries for ever when a memory limit refuses it (see
/// `LinearAlgebraRuntime.reserveWorkBuffer`). One call at a time reuses the one buffer.
/// The calls are short (a 16,384-row block) next to the slicing around them, which stays
/// parallel; and every sum BLAS does here is exact, so the order of calls cannot matter.
enum BLAS {
    private static let lock = NSLock()

    private static func serialised<T>(_ call: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return call()
    }

    /// Σ xᵢ yᵢ (`cblas_ddot`). `nil` if the lengths differ or overflow `Int32`.
    static func dot(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, let n = Int32(exactly: x.count) else { return nil }
        return serialised {
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeBufferPointer { yp in
                    LinearAlgebraLibrary.loaded.dot(n, xp.baseAddress, 1, yp.baseAddress, 1)
                }
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
        var gram = [Double](repeating: 0, count: columns * columns)
        serialised {
            matrix.withUnsafeBufferPointer { xp in
                gram.withUnsafeMutableBufferPointer { cp in
                    LinearAlgebraLibrary.loaded.symmetricRankK(CblasRowMajor, CblasUpper, CblasTrans, p, n, alpha,
                                                               xp.baseAddress, p, 0, cp.baseAddress, p)
                }
            }
        }
        for i in 0..<columns {
            for j in 0..<i { gram[i * columns + j] = gram[j * columns + i] }
        }
        return gram
    }

    /// Adds `Xᵀ X` of a `rows × columns` block X stored column by column — column k at
    /// `block[k * stride ..< k * stride + rows]` — to the upper triangle of the row-major
    /// `columns × columns` matrix `gram` (`cblas_dsyrk` with β = 1, on Xᵀ as a row-major
    /// `columns × rows` matrix), so a tall matrix can go through BLAS in blocks of rows.
    /// Column by column because the caller fills the block a column at a time: its stores
    /// are then in sequence. `false` (and `gram` untouched) if the shapes disagree or a size
    /// overflows `Int32`.
    static func accumulateGram(columnMajor block: [Double], rows: Int, columns: Int, stride: Int,
                               into gram: inout [Double]) -> Bool {
        guard rows >= 0, columns > 0, stride >= max(1, rows), block.count >= columns * stride,
              gram.count == columns * columns,
              let n = Int32(exactly: rows), let p = Int32(exactly: columns), let lda = Int32(exactly: stride),
              Int32(exactly: columns * columns) != nil
        else { return false }
        guard rows > 0 else { return true }
        serialised {
            block.withUnsafeBufferPointer { xp in
                gram.withUnsafeMutableBufferPointer { cp in
                    LinearAlgebraLibrary.loaded.symmetricRankK(CblasRowMajor, CblasUpper, CblasNoTrans, p, n, 1,
                                                               xp.baseAddress, lda, 1, cp.baseAddress, p)
                }
            }
        }
        return true
    }
}
