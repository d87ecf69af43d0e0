/// Two `DoubleDouble`s worked on side by side, one in each lane of a `SIMD2<Double>`:
/// every operation is `DoubleDouble`'s, the same IEEE 754 operations in the same order,
/// so each lane holds exactly the bits the scalar type would give for its own operands.
///
/// Why: the Poisson model takes e^η of every service in every IRLS iteration and every
/// Newton round (`PoissonRegression`), a long chain of dependent double-double products
/// each time; two rows at once halve the instructions and let the two chains overlap.
/// A lane never sees the other (SSE2's packed +, −, ×, ÷ round each lane as the scalar
/// operation does, and Swift contracts nothing into an FMA), which the tests check against
/// the scalar functions bit for bit.
struct DoubleDoublePair {
    var hi: SIMD2<Double>
    var lo: SIMD2<Double>

    init(_ hi: SIMD2<Double>, _ lo: SIMD2<Double> = .zero) {
        self.hi = hi
        self.lo = lo
    }

    init(_ first: DoubleDouble, _ second: DoubleDouble) {
        self.init(SIMD2(first.hi, second.hi), SIMD2(first.lo, second.lo))
    }

    /// The lanes as scalars.
    var first: DoubleDouble { DoubleDouble(hi[0], lo[0]) }
    var second: DoubleDouble { DoubleDouble(hi[1], lo[1]) }

    /// `DoubleDouble.twoSum` in each lane.
    @inline(__always)
    static func twoSum(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> DoubleDoublePair {
        let s = a + b
        let bb = s - a
        return DoubleDoublePair(s, (a - (s - bb)) + (b - bb))
    }

    /// `DoubleDouble.quickTwoSum` in each lane.
    @inline(__always)
    static func quickTwoSum(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> DoubleDoublePair {
        let s = a + b
        return DoubleDoublePair(s, b - (s - a))
    }

    /// `DoubleDouble`'s Veltkamp split in each lane.
    @inline(__always)
    private static func split(_ a: SIMD2<Double>) -> (hi: SIMD2<Double>, lo: SIMD2<Double>) {
        let c = 134_217_729.0 * a  // 2²⁷ + 1
        let hi = c - (c - a)
        return (hi, a - hi)
    }

    /// `DoubleDouble.twoProduct` in each lane.
    @inline(__always)
    static func twoProduct(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> DoubleDoublePair {
        let p = a * b
        let (ah, al) = split(a)
        let (bh, bl) = split(b)
        return DoubleDoublePair(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }

    @inline(__always)
    static func + (a: DoubleDoublePair, b: DoubleDoublePair) -> DoubleDoublePair {
        var s = twoSum(a.hi, b.hi)
        let t = twoSum(a.lo, b.lo)
        s.lo += t.hi
        s = quickTwoSum(s.hi, s.lo)
        s.lo += t.lo
        return quickTwoSum(s.hi, s.lo)
    }

    @inline(__always)
    static func + (a: DoubleDoublePair, b: SIMD2<Double>) -> DoubleDoublePair {
        var s = twoSum(a.hi, b)
        s.lo += a.lo
        return quickTwoSum(s.hi, s.lo)
    }

    @inline(__always)
    static prefix func - (a: DoubleDoublePair) -> DoubleDoublePair { DoubleDoublePair(-a.hi, -a.lo) }

    @inline(__always)
    static func - (a: DoubleDoublePair, b: DoubleDoublePair) -> DoubleDoublePair { a + (-b) }

    @inline(__always)
    static func - (a: DoubleDoublePair, b: SIMD2<Double>) -> DoubleDoublePair { a + (-b) }

    @inline(__always)
    static func * (a: DoubleDoublePair, b: DoubleDoublePair) -> DoubleDoublePair {
        var p = twoProduct(a.hi, b.hi)
        p.lo += a.hi * b.lo + a.lo * b.hi
        return quickTwoSum(p.hi, p.lo)
    }

    @inline(__always)
    static func * (a: DoubleDoublePair, b: SIMD2<Double>) -> DoubleDoublePair {
        var p = twoProduct(a.hi, b)
        p.lo += a.lo * b
        return quickTwoSum(p.hi, p.lo)
    }

    /// `DoubleDouble`'s quotient (three rounds of long division) in each lane.
    @inline(__always)
    static func / (a: DoubleDoublePair, b: DoubleDoublePair) -> DoubleDoublePair {
        let q1 = a.hi / b.hi
        var r = a - b * q1
        let q2 = r.hi / b.hi
        r = r - b * q2
        let q3 = r.hi / b.hi
        return quickTwoSum(q1, q2) + q3
    }

    /// Each lane multiplied by its power of two (exact unless it over- or underflows).
    @inline(__always)
    func scaled(by powerOfTwo: SIMD2<Double>) -> DoubleDoublePair {
        DoubleDoublePair(hi * powerOfTwo, lo * powerOfTwo)
    }
}
