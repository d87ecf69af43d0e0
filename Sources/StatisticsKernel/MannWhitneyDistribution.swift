/// The exact null distribution of the Mann–Whitney U statistic for untied samples, in
/// integers, for the exact p-value of `MannWhitneyU`.
///
/// The number of arrangements of n₁ + n₂ distinct values with U = k is the coefficient of
/// qᵏ in the Gaussian binomial coefficient [n₁ + n₂ choose n₁]_q (Mann & Whitney 1947;
/// Andrews, *The Theory of Partitions*, §3.3), built factor by factor as
/// [n + i choose i]_q = [n + i − 1 choose i − 1]_q · (1 − q^{n+i}) / (1 − q^i), i = 1 … m,
/// m = min(n₁, n₂), n = max(n₁, n₂): multiplying by (1 − q^{n+i}) is one subtraction per
/// coefficient and dividing by (1 − q^i) one running sum, both exact in `Int128` (the counts
/// reach C(100, 50) ≈ 10²⁹ at 50 + 50), and only coefficients up to the one needed are kept.
/// scipy's `_MWU` gets the same counts by another recurrence, in floating point once they
/// pass 2⁶⁴.
enum MannWhitneyDistribution {
    /// min(1, 2·P(U ≤ n₁n₂ − larger)) = min(1, 2·P(U ≥ larger)) by symmetry, for `larger` ≥
    /// n₁n₂/2: the number of arrangements at least that extreme over C(n₁ + n₂, n₁), one
    /// quotient of exact integers rounded once (via double-doubles).
    static func twoSidedPValue(n1: Int, n2: Int, larger: Int) -> Double {
        let m = min(n1, n2), n = max(n1, n2)
        let highest = n1 * n2 - larger
        guard highest >= 0 else { return 0 }
        var counts = [Int128](repeating: 0, count: highest + 1)
        counts[0] = 1
        for i in stride(from: 1, through: m, by: 1) {
            if n + i <= highest {
                for k in stride(from: highest, through: n + i, by: -1) { counts[k] -= counts[k - n - i] }
            }
            if i <= highest {
                for k in i...highest { counts[k] += counts[k - i] }
            }
        }
        let atMost = counts.reduce(0, +)
        var arrangements: Int128 = 1
        for j in 0..<m { arrangements = arrangements * Int128(n1 + n2 - j) / Int128(j + 1) }
        let p = (doubleDouble(atMost) / doubleDouble(arrangements)).value * 2
        return min(1, p)
    }

    /// An integer below 2¹⁰⁶ as an exact double-double.
    private static func doubleDouble(_ value: Int128) -> DoubleDouble {
        let hi = Double(value)
        return DoubleDouble.twoSum(hi, Double(value - Int128(hi)))
    }
}
