extension Elementary {
    /// eˣ of a double-double x, to about 2⁻¹⁰⁰ relative, for −600 ≤ x ≤ 600 (beyond, the
/// double-double products of the result would leave Dekker's splitting's range).
    ///
    /// `exponential(_:)` rounds to a double and its series is partly evaluated in double,
    /// which is right for one output figure but not for the Poisson model's Newton
    /// refinement (`PoissonRegression`): there every μᵢ = e^ηᵢ enters the score Xᵀ(y − μ),
    /// and errors of 2⁻⁶⁰ that jump with the last bits of ηᵢ would make the step's own noise
    /// comparable to an ulp of the coefficients, so that two nearby starting points could
    /// round to different coefficients. Here every term is double-double:
    ///
    /// x = k·ln 2 + r (|r| ≤ ½ ln 2, ln 2 in double-double), r' = r / 2¹⁰ (exact), e^r' − 1
    /// by its Taylor series to r'⁹/9! (|r'| < 2⁻¹¹, next term < 2⁻¹⁰⁸), squared back ten
    /// times as e ↦ 2e + e² (which keeps e^r' − 1's small value exact), plus 1, times 2ᵏ.
    ///
    /// [Muller, Elementary Functions, 3rd ed., §6.2 (reduction and squaring)]: https://doi.org/10.1007/978-1-4899-7983-4
    static func exponential(_ x: DoubleDouble) -> DoubleDouble {
        let k = (x.hi / ln2.hi).rounded()
        let r = (x - DoubleDouble.twoProduct(k, ln2.hi)) - DoubleDouble.twoProduct(k, ln2.lo)
        let small = r.scaled(by: 0x1p-10)
        var series = small
        var power = small
        for inverse in inverseFactorials2to9 {
            power = power * small
            series = series + power * inverse
        }
        var minusOne = series
        for _ in 0..<10 { minusOne = minusOne.scaled(by: 2) + minusOne * minusOne }
        let value = minusOne + 1
        let half = (k / 2).rounded(.towardZero)
        return value.scaled(by: Double(sign: .plus, exponent: Int(half), significand: 1))
            .scaled(by: Double(sign: .plus, exponent: Int(k - half), significand: 1))
    }

    /// `exponential(_: DoubleDouble)` of each lane, the same operations side by side
    /// (`DoubleDoubleLanes`): each lane is exactly the scalar function of its own argument.
    static func exponential<Lanes: SIMD>(_ x: DoubleDoubleLanes<Lanes>) -> DoubleDoubleLanes<Lanes>
        where Lanes.Scalar == Double {
        let (k, first, second) = binaryScale(x.hi / ln2.hi)
        let r = (x - DoubleDoubleLanes.twoProduct(k, Lanes(repeating: ln2.hi)))
            - DoubleDoubleLanes.twoProduct(k, Lanes(repeating: ln2.lo))
        let small = r.scaled(by: Lanes(repeating: 0x1p-10))
        var series = small
        var power = small
        for inverse in inverseFactorials2to9 {
            power = power * small
            series = series + power * DoubleDoubleLanes(repeating: inverse)
        }
        var minusOne = series
        for _ in 0..<10 { minusOne = minusOne.scaled(by: Lanes(repeating: 2)) + minusOne * minusOne }
        let value = minusOne + Lanes(repeating: 1)
        return value.scaled(by: first).scaled(by: second)
    }

    /// 1/2!, 1/3!, …, 1/9! in double-double (n! is exact in binary64 for n ≤ 18).
    private static let inverseFactorials2to9: [DoubleDouble] = {
        var factorial = 1.0
        return (2...9).map { n in
            factorial *= Double(n)
            return DoubleDouble(1) / DoubleDouble(factorial)
        }
    }()
}
