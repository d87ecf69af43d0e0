/// Several `DoubleDouble`s worked on side by side, one in each lane of a SIMD vector of
/// doubles: every operation is `DoubleDouble`'s, the same IEEE 754 operations in the same
/// order, so each lane holds exactly the bits the scalar type would give for its own
/// operands.
///
/// Why: the Poisson model takes e^η of every service in every IRLS iteration and every
/// Newton round (`PoissonRegression`), and the clean stage and the charts a logarithm of
/// every service: each a long chain of dependent double-double operations. Four at once
/// (`SIMD4`: two SSE2 registers, so two chains interleaved) take the time of one and a
/// half — measured per value: log 149 ns alone, 92 in pairs, 62 in fours; exp 74, 42.
/// A lane never sees another (SSE2's packed +, −, ×, ÷ round each lane as the scalar
/// operation does, and Swift contracts nothing into an FMA), which the tests check against
/// the scalar functions bit for bit.
struct DoubleDoubleLanes<Lanes: SIMD> where Lanes.Scalar == Double {
    var hi: Lanes
    var lo: Lanes

    init(_ hi: Lanes, _ lo: Lanes = .zero) {
        self.hi = hi
        self.lo = lo
    }

    /// Every lane holding `value`.
    init(repeating value: DoubleDouble) { self.init(Lanes(repeating: value.hi), Lanes(repeating: value.lo)) }

    /// Lane `lane` as a scalar.
    subscript(lane lane: Int) -> DoubleDouble {
        get { DoubleDouble(hi[lane], lo[lane]) }
        set {
            hi[lane] = newValue.hi
            lo[lane] = newValue.lo
        }
    }

    /// `DoubleDouble.twoSum` in each lane.
    @inline(__always)
    static func twoSum(_ a: Lanes, _ b: Lanes) -> DoubleDoubleLanes {
        let s = a + b
        let bb = s - a
        return DoubleDoubleLanes(s, (a - (s - bb)) + (b - bb))
    }

    /// `DoubleDouble.quickTwoSum` in each lane.
    @inline(__always)
    static func quickTwoSum(_ a: Lanes, _ b: Lanes) -> DoubleDoubleLanes {
        let s = a + b
        return DoubleDoubleLanes(s, b - (s - a))
    }

    /// `DoubleDouble`'s Veltkamp split in each lane.
    @inline(__always)
    private static func split(_ a: Lanes) -> (hi: Lanes, lo: Lanes) {
        let c = 134_217_729.0 * a  // 2²⁷ + 1
        let hi = c - (c - a)
        return (hi, a - hi)
    }

    /// `DoubleDouble.twoProduct` in each lane.
    @inline(__always)
    static func twoProduct(_ a: Lanes, _ b: Lanes) -> DoubleDoubleLanes {
        let p = a * b
        let (ah, al) = split(a)
        let (bh, bl) = split(b)
        return DoubleDoubleLanes(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }

    @inline(__always)
    static func + (a: DoubleDoubleLanes, b: DoubleDoubleLanes) -> DoubleDoubleLanes {
        var s = twoSum(a.hi, b.hi)
        let t = twoSum(a.lo, b.lo)
        s.lo += t.hi
        s = quickTwoSum(s.hi, s.lo)
        s.lo += t.lo
        return quickTwoSum(s.hi, s.lo)
    }

    @inline(__always)
    static func + (a: DoubleDoubleLanes, b: Lanes) -> DoubleDoubleLanes {
        var s = twoSum(a.hi, b)
        s.lo += a.lo
        return quickTwoSum(s.hi, s.lo)
    }

    @inline(__always)
    static prefix func - (a: DoubleDoubleLanes) -> DoubleDoubleLanes { DoubleDoubleLanes(-a.hi, -a.lo) }

    @inline(__always)
    static func - (a: DoubleDoubleLanes, b: DoubleDoubleLanes) -> DoubleDoubleLanes { a + (-b) }

    @inline(__always)
    static func - (a: DoubleDoubleLanes, b: Lanes) -> DoubleDoubleLanes { a + (-b) }

    @inline(__always)
    static func * (a: DoubleDoubleLanes, b: DoubleDoubleLanes) -> DoubleDoubleLanes {
        var p = twoProduct(a.hi, b.hi)
        p.lo += a.hi * b.lo + a.lo * b.hi
        return quickTwoSum(p.hi, p.lo)
    }

    @inline(__always)
    static func * (a: DoubleDoubleLanes, b: Lanes) -> DoubleDoubleLanes {
        var p = twoProduct(a.hi, b)
        p.lo += a.lo * b
        return quickTwoSum(p.hi, p.lo)
    }

    /// `DoubleDouble`'s quotient (three rounds of long division) in each lane.
    @inline(__always)
    static func / (a: DoubleDoubleLanes, b: DoubleDoubleLanes) -> DoubleDoubleLanes {
        let q1 = a.hi / b.hi
        var r = a - b * q1
        let q2 = r.hi / b.hi
        r = r - b * q2
        let q3 = r.hi / b.hi
        return quickTwoSum(q1, q2) + q3
    }

    /// Each lane multiplied by its power of two (exact unless it over- or underflows).
    @inline(__always)
    func scaled(by powerOfTwo: Lanes) -> DoubleDoubleLanes {
        DoubleDoubleLanes(hi * powerOfTwo, lo * powerOfTwo)
    }
}
