@testable import StatisticsKernel
import Testing

/// `RepeatedArguments` gives the function's own value at every argument, remembered or
/// not (the oracle is the function called afresh), and remembers at most its limit.
@Suite("a pure function's values at repeated arguments")
struct RepeatedArgumentsTests {
    @Test("every value is the function's, to the bit, past the limit too; each argument remembered is computed once")
    func sameValues() {
        var calls = 0
        var cache = RepeatedArguments<Double>(limit: 3)
        let arguments: [Double] = [5, 5, 7, 0, -0.0, 5, 9, 11, 11, 7, 0.1, 0.1]
        for x in arguments {
            let value = cache.value(at: x) { calls += 1; return Elementary.log($0) }
            #expect(value.bitPattern == Elementary.log(x).bitPattern || (value.isNaN && Elementary.log(x).isNaN))
        }
        // Remembered: 5, 7, 0 (the limit of 3); -0.0, 9, 11, 0.1 are worked out each time they come.
        #expect(calls == 3 + 1 + 1 + 2 + 2)
    }
}
