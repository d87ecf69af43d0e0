/// log, log1p, exp, expm1, tanh, atanh and log Γ from +, −, ×, ÷ and √ alone, so that they
/// give the same bits on every CPU.
///
/// glibc's libm picks an implementation per CPU at load time (FMA/AVX2 variants of exp,
/// log, log1p, expm1, atanh, tanh, lgamma, pow …): measured on this project's machine,
/// 2·10⁶ random arguments under `GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA` changed the
/// last bit of exp in 1,364 cases, expm1 in 2,692, log1p in 1,124, atanh in 713, tanh in
/// 427, lgamma in 89 and log in 30. Every number this project writes that goes through
/// one of these (p-values, Fisher-z intervals, log-scale outlier limits) therefore uses
/// these instead: textbook reductions evaluated in double-double (`DoubleDouble`) and
/// rounded once, accurate to well under an ulp (not always correctly rounded, but always
/// the same).
///
/// - log: x = 2ᵏ·m, m ∈ [√½, √2); log m = 2 atanh s = 2(s + s³/3 + s⁵/5 + …) with
///   s = (m − 1)/(m + 1), |s| ≤ 0.172 (13 terms reach 2⁻⁶⁰); plus k·ln 2 in double-double.
/// - exp: x = k·ln 2 + r, |r| ≤ ½ ln 2 (Cody–Waite with a double-double ln 2); Taylor
///   series of eʳ to r¹⁸/18!; times 2ᵏ.
/// - log Γ: the recurrence up to x ≥ 15, then Stirling's series (Abramowitz & Stegun 6.1.41).
///
/// [Muller, Elementary Functions: Algorithms and Implementation, 3rd ed.]: https://doi.org/10.1007/978-1-4899-7983-4
/// [Abramowitz & Stegun 6.1.41]: https://personal.math.ubc.ca/~cbm/aands/page_257.htm
public enum Elementary {
    /// ln 2 = 0x1.62e42fefa39efp-1 + 0x1.abc9e3b39803fp-56.
    static let ln2 = DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56)
    /// ½ ln 2π = 0x1.d67f1c864beb5p-1 + (-0x1.65b5a1b7ff5dfp-55).
    static let oneThird = DoubleDouble(1) / DoubleDouble(3)
    static let halfLogTwoPi = DoubleDouble(0x1.d67f1c864beb5p-1, -0x1.65b5a1b7ff5dfp-55)

    /// Natural logarithm; −∞ at 0, NaN below 0 or for NaN, +∞ at +∞.
    public static func log(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == 0 ? -.infinity : (x == .infinity ? x : .nan) }
        return logarithm(DoubleDouble(x)).value
    }

    /// log(1 + x), accurate for tiny x; −∞ at −1, NaN below −1.
    public static func log1p(_ x: Double) -> Double {
        guard x > -1, x.isFinite else { return x == -1 ? -.infinity : (x == .infinity ? x : .nan) }
        return logarithm(DoubleDouble.twoSum(1, x)).value
    }

    /// eˣ; 0 below about −745.13, +∞ above about 709.78.
    public static func exp(_ x: Double) -> Double {
        guard !x.isNaN else { return x }
        if x > 709.79 { return .infinity }
        if x < -745.2 { return 0 }
        return exponential(x).value
    }

    /// `exp(_:)` of each lane: the same operations as `exp(_:)`, several arguments at a
    /// time (`DoubleDoubleLanes`), so each lane is exactly `exp` of its own argument.
    static func exp<Lanes: SIMD>(_ x: Lanes) -> Lanes where Lanes.Scalar == Double {
        guard all((x .>= -745.2) .& (x .<= 709.79)) else {  // NaN, ±∞ or 0 in a lane: one by one
            var result = Lanes.zero
            for lane in x.indices { result[lane] = exp(x[lane]) }
            return result
        }
        // k and 2ᵏ in two steps, as `exponential(_:)` takes them (`binaryScale`: the same numbers).
        let (k, first, second) = binaryScale(x / ln2.hi)
        let r = (DoubleDoubleLanes(x) - DoubleDoubleLanes.twoProduct(k, Lanes(repeating: ln2.hi))) - k * ln2.lo
        let er = taylorExpMinusOne(r) + Lanes(repeating: 1)
        // `exponential(_:)`'s DoubleDouble(v), then its `value` v + 0.
        return (er.hi + er.lo) * first * second + Lanes.zero
    }

    /// eˣ − 1, accurate for tiny x.
    public static func expm1(_ x: Double) -> Double {
        guard !x.isNaN else { return x }
        if x > 709.79 { return .infinity }
        if x < -40 { return -1 }
        return exponentialMinusOne(x).value
    }

    /// Hyperbolic tangent: expm1(2|x|) / (expm1(2|x|) + 2), signed.
    public static func tanh(_ x: Double) -> Double {
        guard !x.isNaN else { return x }
        let magnitude = abs(x)
        if magnitude > 22 { return x > 0 ? 1 : -1 }  // 1 − tanh < 2⁻⁶³ there
        if magnitude == 0 { return x }
        let t = exponentialMinusOne(2 * magnitude)
        let value = (t / (t + 2)).value
        return x > 0 ? value : -value
    }

    /// Inverse hyperbolic tangent: ½(log(1 + x) − log(1 − x)); ±∞ at ±1, NaN beyond.
    public static func atanh(_ x: Double) -> Double {
        guard abs(x) < 1 else { return abs(x) == 1 ? x * .infinity : .nan }
        if x == 0 { return x }
        let up = logarithm(DoubleDouble.twoSum(1, x))
        let down = logarithm(DoubleDouble.twoSum(1, -x))
        return ((up - down) * 0.5).value
    }

    /// log Γ(x) for x > 0 (the only domain used here); NaN otherwise.
    public static func logGamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? x : .nan }
        if x == 1 || x == 2 { return 0 }  // Γ(1) = Γ(2) = 1 exactly
        return logGammaPositive(x).value
    }

    // MARK: - Double-double kernels

    /// log of a positive, finite, normal double-double.
    static func logarithm(_ x: DoubleDouble) -> DoubleDouble {
        let (m, k) = reduced(x)
        let f = DoubleDouble.twoSum(m.hi - 1, m.lo)  // m.hi − 1 is exact (Sterbenz)
        let s = f / (f + 2)
        let s2 = s * s
        let t = s2.hi
        // 1/3 + t/5 + t²/7 + … + t¹¹/25 (t ≤ 0.0295: the next term is < 2⁻⁶⁰ of s); the
        // 1/3 in double-double, since its rounding would otherwise show in log Γ near 1, 2.
        var series = 1.0 / 25
        for odd in stride(from: 23.0, through: 5.0, by: -2.0) { series = 1 / odd + t * series }
        let logM = (s + s * s2 * (oneThird + t * series)) * 2
        let kLn2 = (DoubleDouble.twoProduct(Double(k), ln2.hi) + Double(k) * ln2.lo)
        return kLn2 + logM
    }

    /// x = 2ᵏ·m, m ∈ [√½, √2), exactly (`logarithm`'s reduction).
    static func reduced(_ x: DoubleDouble) -> (m: DoubleDouble, k: Int) {
        var x = x
        var k = 0
        if x.hi < 0x1p-1000 {  // subnormal or nearly: 2^-exponent would not be representable
            x = x.scaled(by: 0x1p600)
            k = -600
        }
        let exponent = x.hi.exponent
        k += exponent
        var m = x.scaled(by: Double(sign: .plus, exponent: -exponent, significand: 1))  // m.hi ∈ [1, 2)
        if m.hi > 0x1.6a09e667f3bcdp0 {  // √2
            m = m.scaled(by: 0.5)
            k += 1
        }
        return (m, k)
    }

    /// `log(_:)` of each lane: the same operations as `log(_:)` several arguments at a
    /// time (`DoubleDoubleLanes`), so each lane is exactly `log` of its own argument.
    static func log<Lanes: SIMD>(_ x: Lanes) -> Lanes where Lanes.Scalar == Double {
        for lane in x.indices where !(x[lane] > 0 && x[lane].isFinite) {
            var result = Lanes.zero
            for lane in x.indices { result[lane] = log(x[lane]) }
            return result
        }
        let result = logarithm(x)
        return result.hi + result.lo
    }

    /// `logarithm(_:)` of each lane (positive and finite), the same operations side by side.
    static func logarithm<Lanes: SIMD>(_ x: Lanes) -> DoubleDoubleLanes<Lanes> where Lanes.Scalar == Double {
        var m = DoubleDoubleLanes<Lanes>(.zero), k = Lanes.zero
        if all(x .>= 0x1p-1000) {
            (m.hi, k) = reduced(x)  // `reduced(_:)`'s numbers, whole vectors at a time
        } else {
            for lane in x.indices {
                let reduction = reduced(DoubleDouble(x[lane]))
                m.hi[lane] = reduction.m.hi
                m.lo[lane] = reduction.m.lo
                k[lane] = Double(reduction.k)
            }
        }
        let f = DoubleDoubleLanes.twoSum(m.hi - 1, m.lo)
        let s = f / (f + Lanes(repeating: 2))
        let s2 = s * s
        let t = s2.hi
        var series = Lanes(repeating: 1.0 / 25)
        for odd in stride(from: 23.0, through: 5.0, by: -2.0) { series = Lanes(repeating: 1 / odd) + t * series }
        let logM = (s + s * s2 * (DoubleDoubleLanes(repeating: oneThird) + t * series)) * Lanes(repeating: 2)
        let kLn2 = DoubleDoubleLanes.twoProduct(k, Lanes(repeating: ln2.hi)) + k * ln2.lo
        return kLn2 + logM
    }

    /// `log(_:)` of every value, four at a time (`log` of a `SIMD4`): the same bits, for the
    /// screens, the model and the charts, which take the log of a million values.
    public static func logs(_ values: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: values.count) { result, initialised in
            var i = 0
            while i + 3 < values.count {
                let four = log(SIMD4(values[i], values[i + 1], values[i + 2], values[i + 3]))
                for lane in 0..<4 { result[i + lane] = four[lane] }
                i += 4
            }
            while i < values.count {
                result[i] = log(values[i])
                i += 1
            }
            initialised = values.count
        }
    }

    /// eˣ for −745.2 ≤ x ≤ 709.79 as a double-double (its `value` is the result).
    static func exponential(_ x: Double) -> DoubleDouble {
        let k = (x / ln2.hi).rounded()
        let r = (DoubleDouble(x) - DoubleDouble.twoProduct(k, ln2.hi)) - k * ln2.lo
        let er = taylorExpMinusOne(r) + 1
        // 2ᵏ in two steps: k can be below the normal range (subnormal results) or 1024.
        let half = (k / 2).rounded(.towardZero)
        let first = Double(sign: .plus, exponent: Int(half), significand: 1)
        let second = Double(sign: .plus, exponent: Int(k - half), significand: 1)
        return DoubleDouble(er.value * first * second)
    }

    /// eˣ − 1 for −40 ≤ x ≤ 709.79, accurate also for tiny x.
    static func exponentialMinusOne(_ x: Double) -> DoubleDouble {
        if abs(x) <= 0.35 { return taylorExpMinusOne(DoubleDouble(x)) }
        if x > 700 { return exponential(x) - 1 }
        let k = (x / ln2.hi).rounded()
        let r = (DoubleDouble(x) - DoubleDouble.twoProduct(k, ln2.hi)) - k * ln2.lo
        let er = taylorExpMinusOne(r) + 1
        let scale = Double(sign: .plus, exponent: Int(k), significand: 1)  // |k| ≤ 1024 here
        return er.scaled(by: scale) - 1
    }

    /// eʳ − 1 = r + r²/2 + r³(1/6 + r/24 + … + r¹⁵/18!) for |r| ≤ 0.35 (next term < 2⁻⁷⁰).
    private static func taylorExpMinusOne(_ r: DoubleDouble) -> DoubleDouble {
        let t = r.hi
        var series = 0.0
        for c in inverseFactorials3to18.reversed() { series = c + t * series }
        let r2 = r * r
        return r + r2 * 0.5 + (r2 * t) * series
    }

    /// `taylorExpMinusOne(_:)` of each lane, the same operations side by side.
    private static func taylorExpMinusOne<Lanes: SIMD>(_ r: DoubleDoubleLanes<Lanes>) -> DoubleDoubleLanes<Lanes>
        where Lanes.Scalar == Double {
        let t = r.hi
        var series = Lanes.zero
        for c in inverseFactorials3to18.reversed() { series = Lanes(repeating: c) + t * series }
        let r2 = r * r
        return r + r2 * Lanes(repeating: 0.5) + (r2 * t) * series
    }

    /// 1/3!, 1/4!, …, 1/18!, each the double nearest to the exact value's running
    /// product (errors far below the series' own weight).
    private static let inverseFactorials3to18: [Double] = {
        var factorial = 2.0
        return (3...18).map { n in
            factorial *= Double(n)
            return 1 / factorial
        }
    }()

    /// log Γ(x), x > 0: Γ(x) = Γ(x + N)/(x(x+1)…(x+N−1)) up to x + N ≥ 15, then Stirling:
    /// log Γ(y) = (y − ½) log y − y + ½ log 2π + Σₖ B₂ₖ / (2k(2k−1) y²ᵏ⁻¹).
    static func logGammaPositive(_ x: Double) -> DoubleDouble {
        var y = DoubleDouble(x)
        var product = DoubleDouble(1)
        while y.hi < 15 {
            product = product * y
            y = y + 1
        }
        let inverse = DoubleDouble(1) / y
        let t = (inverse * inverse).hi
        // B₄/(4·3), B₆/(6·5), … B₁₆/(16·15): −1/360, 1/1260, −1/1680, 1/1188, −691/360360,
        // 1/156, −3617/122400; the next term is < 10⁻²² at y = 15.
        let tail = t * (-1.0 / 360 + t * (1.0 / 1260 + t * (-1.0 / 1680 + t * (1.0 / 1188
            + t * (-691.0 / 360360 + t * (1.0 / 156 + t * (-3617.0 / 122400)))))))
        let series = inverse * (DoubleDouble(1) / 12) + inverse.hi * tail
        var result = (y - 0.5) * logarithm(y) - y + halfLogTwoPi + series
        if product.hi != 1 || product.lo != 0 { result = result - logarithm(product) }
        return result
    }
}
