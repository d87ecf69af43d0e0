/// An unevaluated sum `hi + lo` of two doubles (|lo| ≤ ½ ulp(hi)): about 106 significant
/// bits from binary64 operations alone.
///
/// Everything here is built from the IEEE 754 operations +, −, ×, ÷ and √ in
/// round-to-nearest, which every CPU computes identically, and from nothing else — no
/// FMA (a CPU without it would fall back to a library routine), no libm, no BLAS. That is
/// what makes the statistics of this module the same bits on every machine: BLAS only
/// returns sums that are exact (`ExactCentredProducts`), and everything after that is a
/// fixed sequence of these operations. Swift does not contract `a * b + c` into an FMA, in
/// debug or release builds, so the sequence written is the sequence executed.
///
/// Algorithms: Dekker's splitting and product, Knuth's two-sum, and the "accurate"
/// double-double sum, product, quotient and square root of the QD library's design.
///
/// [Dekker 1971]: https://doi.org/10.1007/BF01397083
/// [Hida, Li & Bailey 2001, QD]: https://doi.org/10.1109/ARITH.2001.930115
/// [Muller et al., Handbook of Floating-Point Arithmetic, ch. 4]: https://doi.org/10.1007/978-3-319-76526-6
struct DoubleDouble: Sendable, Equatable {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    /// The double nearest to `hi + lo` (the pair is kept normalised, so that is `hi`).
    var value: Double { hi + lo }

    static let zero = DoubleDouble(0)

    /// a + b exactly (Knuth's TwoSum; no condition on the magnitudes).
    static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bb = s - a
        return DoubleDouble(s, (a - (s - bb)) + (b - bb))
    }

    /// a + b exactly when |a| ≥ |b| or a = 0 (Dekker's FastTwoSum).
    static func quickTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(s, b - (s - a))
    }

    /// Veltkamp's split of `a` into two 26-bit halves, hi + lo = a exactly
    /// (valid for |a| < 2⁹⁹⁶, which every caller here keeps by scaling).
    private static func split(_ a: Double) -> (hi: Double, lo: Double) {
        let c = 134_217_729.0 * a  // 2²⁷ + 1
        let hi = c - (c - a)
        return (hi, a - hi)
    }

    /// a × b exactly (Dekker's TwoProduct), barring overflow and underflow.
    static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        let (ah, al) = split(a)
        let (bh, bl) = split(b)
        return DoubleDouble(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        var s = twoSum(a.hi, b.hi)
        let t = twoSum(a.lo, b.lo)
        s.lo += t.hi
        s = quickTwoSum(s.hi, s.lo)
        s.lo += t.lo
        return quickTwoSum(s.hi, s.lo)
    }

    static func + (a: DoubleDouble, b: Double) -> DoubleDouble {
        var s = twoSum(a.hi, b)
        s.lo += a.lo
        return quickTwoSum(s.hi, s.lo)
    }

    static prefix func - (a: DoubleDouble) -> DoubleDouble { DoubleDouble(-a.hi, -a.lo) }

    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + (-b) }

    static func - (a: DoubleDouble, b: Double) -> DoubleDouble { a + (-b) }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        var p = twoProduct(a.hi, b.hi)
        p.lo += a.hi * b.lo + a.lo * b.hi
        return quickTwoSum(p.hi, p.lo)
    }

    static func * (a: DoubleDouble, b: Double) -> DoubleDouble {
        var p = twoProduct(a.hi, b)
        p.lo += a.lo * b
        return quickTwoSum(p.hi, p.lo)
    }

    /// a ÷ b by three rounds of long division (relative error ≈ 2⁻¹⁰⁴).
    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        var r = a - b * q1
        let q2 = r.hi / b.hi
        r = r - b * q2
        let q3 = r.hi / b.hi
        return quickTwoSum(q1, q2) + q3
    }

    static func / (a: DoubleDouble, b: Double) -> DoubleDouble { a / DoubleDouble(b) }

    /// √a for a ≥ 0 by one Newton step from the correctly rounded √hi.
    func squareRoot() -> DoubleDouble {
        guard hi > 0 else { return .zero }
        let x = hi.squareRoot()
        let residual = self - DoubleDouble.twoProduct(x, x)
        return DoubleDouble.quickTwoSum(x, residual.hi / (2 * x))
    }

    /// The pair multiplied by a power of two (exact unless it over- or underflows).
    func scaled(by powerOfTwo: Double) -> DoubleDouble {
        DoubleDouble(hi * powerOfTwo, lo * powerOfTwo)
    }
}

extension DoubleDouble {
    /// Σ of `values` in order, each addition exact to about 2⁻¹⁰⁶ (a fixed order, so the
    /// same bits everywhere).
    static func sum<S: Sequence>(_ values: S) -> DoubleDouble where S.Element == Double {
        var total = DoubleDouble.zero
        for value in values { total = total + value }
        return total
    }
}
