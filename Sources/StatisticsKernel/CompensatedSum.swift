/// A running sum with Neumaier's improvement of Kahan compensation.
///
/// The lost low-order part of every addition is carried in `compensation`, so the
/// result is as accurate as if summed in twice the working precision and then rounded
/// (error ≲ 2u·|Σx| + O(n u²)·Σ|x|), independent of n to first order. This is what
/// keeps the mean and SD of NIST StRD NumAcc1–4 accurate to the last digits (SPEC §6).
///
/// [Neumaier 1974]: https://doi.org/10.1002/zamm.19740540106
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ value: Double) {
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }

    var value: Double { sum + compensation }

    /// Σ of `values`, compensated.
    static func of<S: Sequence>(_ values: S) -> Double where S.Element == Double {
        var accumulator = CompensatedSum()
        for value in values { accumulator.add(value) }
        return accumulator.value
    }
}
