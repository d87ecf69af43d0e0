/// `dgels` (`trans = 'N'`, rows ≥ columns) taken step by step where it would scale nothing.
///
/// Why: before its QR factorisation `dgels` takes the largest |aᵢⱼ| and |yᵢ| (`dlange`),
/// which calls a function for every element to ask whether it is NaN, and LAPACKE first
/// scans both for NaN itself. At 10⁶ services the model's IRLS steps spent more time
/// there than in the factorisation (perf, vfm-analyze: `dlaisnan_`, `dlange_` and
/// `LAPACKE_dge_nancheck` 264 samples, the QR's own kernels ~150; issue 30).
///
/// When no element is NaN, the largest |aᵢⱼ| lies in [2⁻⁹⁶⁰, 2⁹⁶⁰] and the largest |yᵢ|
/// is 0 or lies there too, `dgels` scales neither (it scales outside [SMLNUM, BIGNUM] =
/// [2⁻⁹⁷⁰, 2⁹⁷⁰] for binary64) and calls `dgeqrf`, `dormqr('L', 'T')` and
/// `dtrtrs('U', 'N', 'N')` on the matrix as given, with the workspace LAPACKE sized by
/// asking `dgels` (`lwork = -1`). This does the same: the same routines of the same library
/// with the same arguments, so the same bits (held to `LAPACKE_dgels` in
/// `LinearAlgebraTests`). Otherwise the caller calls `LAPACKE_dgels` as before.
///
/// [LAPACK dgels]: https://netlib.org/lapack/explore-html/d8/d83/group__gels.html
extension LAPACK {
    /// Solves in place as `dgels` does; `dgels`'s `info`, or `nil` where it would scale A or
    /// y (or LAPACKE would refuse a NaN) and nothing was done.
    static func unscaledSteps(_ library: LinearAlgebraLibrary, a: UnsafeMutableBufferPointer<Double>,
                              y: UnsafeMutableBufferPointer<Double>, rows: Int32, columns: Int32) -> Int32? {
        guard rows >= columns, columns > 0, a.count == Int(rows) * Int(columns), y.count == Int(rows),
              let largestA = largestMagnitude(UnsafeBufferPointer(a)), largestA >= 0x1p-960, largestA <= 0x1p960,
              let largestY = largestMagnitude(UnsafeBufferPointer(y)), largestY == 0 || largestY >= 0x1p-960,
              largestY <= 0x1p960
        else { return nil }
        var m = rows, n = columns, one: Int32 = 1, info: Int32 = 0
        var notTransposed = CChar(UInt8(ascii: "N")), transposed = CChar(UInt8(ascii: "T"))
        var left = CChar(UInt8(ascii: "L")), upper = CChar(UInt8(ascii: "U"))
        // The workspace dgels asks for (LAPACKE's query), the first min(m, n) of it τ.
        var size = 0.0, query: Int32 = -1
        library.fortranLeastSquares(&notTransposed, &m, &n, &one, a.baseAddress, &m, y.baseAddress, &m, &size, &query,
                                    &info, 1)
        guard info == 0, size >= 1, size < 0x1p31 else { return nil }
        var work = [Double](repeating: 0, count: Int(size))
        var rest = Int32(size) - n
        return work.withUnsafeMutableBufferPointer { work -> Int32 in
            let tau = work.baseAddress, space = work.baseAddress.map { $0 + Int(n) }
            library.qrFactorisation(&m, &n, a.baseAddress, &m, tau, space, &rest, &info)
            guard info == 0 else { return info }
            library.applyQ(&left, &transposed, &m, &one, &n, a.baseAddress, &m, tau, y.baseAddress, &m, space, &rest,
                           &info, 1, 1)
            guard info == 0 else { return info }
            library.triangularSolve(&upper, &notTransposed, &notTransposed, &n, &one, a.baseAddress, &m, y.baseAddress,
                                    &m, &info, 1, 1, 1)
            return info
        }
    }

    /// max |xᵢ| (0 for none), or `nil` if an element is NaN: eight lanes at a time.
    static func largestMagnitude(_ x: UnsafeBufferPointer<Double>) -> Double? {
        guard let base = x.baseAddress else { return 0 }
        let magnitude = SIMD8<UInt64>(repeating: ~(1 << 63))
        var largest = SIMD8<Double>(repeating: 0), nan = SIMDMask<SIMD8<Int64>>(repeating: false)
        var i = 0
        while i + 8 <= x.count {
            let bits = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<UInt64>.self) & magnitude
            let value = unsafeBitCast(bits, to: SIMD8<Double>.self)
            nan .|= value .!= value
            largest.replace(with: value, where: value .> largest)
            i += 8
        }
        var result = largest.max()
        while i < x.count {
            let value = abs(x[i])
            if value.isNaN { return nil }
            if value > result { result = value }
            i += 1
        }
        return any(nan) ? nil : result
    }
}
