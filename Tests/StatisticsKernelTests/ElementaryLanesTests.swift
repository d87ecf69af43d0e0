import Testing
@testable import StatisticsKernel

/// The exponentials and logarithms of several arguments at once (`DoubleDoubleLanes`, for
/// the Poisson model, the outlier screens and the charts) must be the scalar functions'
/// bits in each lane: the model's figures are written, and
/// the same bytes are promised whichever way they were computed. The scalar functions are
/// the reference (they are themselves held to mpmath in `ElementaryTests`).
@Suite("Elementary: exponentials and logarithms side by side are the scalar ones, bit for bit")
struct ElementaryLanesTests {
    /// Arguments over the whole range each function takes, with the edges: tiny, ±0,
    /// whole multiples of ln 2 and halfway between (where k's rounding turns), the ends
    /// where 2ᵏ needs two steps or the result is subnormal, and beyond them.
    static func arguments(limit: Double, seed: UInt64) -> [Double] {
        var generator = SplitMix(seed: seed)
        var values: [Double] = [0, -0.0, 1e-300, -1e-300, 0x1p-60, 1, -1, limit, -limit,
                                709.78, 709.79, 709.8, -745.13, -745.2, -745.3, -708.4, -710, 1000, -1000,
                                .infinity, -.infinity, .nan]
        for multiple in -3...3 {
            let k = Double(multiple)
            values += [k * 0x1.62e42fefa39efp-1, (k + 0.5) * 0x1.62e42fefa39efp-1,
                       ((k + 0.5) * 0x1.62e42fefa39efp-1).nextUp, ((k + 0.5) * 0x1.62e42fefa39efp-1).nextDown]
        }
        for _ in 0..<20_000 { values.append(Double.random(in: -limit...limit, using: &generator)) }
        for _ in 0..<2_000 { values.append(Double.random(in: -1...1, using: &generator) * 0x1p-30) }
        return values
    }

    @Test("binaryScale: k, 2^half and 2^(k − half) are the scalar expressions' bits, every k and every tie")
    func binaryScale() {
        // Every whole k the exponentials reach, each ± a quarter, ± a half (ties: away from
        // zero) and ± the neighbours of the half, and random quotients between.
        var quotients: [Double] = [0, -0.0, 0.49999999999999994, -0.49999999999999994]
        for k in -1100...1100 {
            let whole = Double(k)
            quotients += [whole, whole + 0.25, whole - 0.25, whole + 0.5, whole - 0.5, (whole + 0.5).nextUp,
                          (whole + 0.5).nextDown, (whole - 0.5).nextUp, (whole - 0.5).nextDown]
        }
        var generator = SplitMix(seed: 30)
        for _ in 0..<20_000 { quotients.append(Double.random(in: -1075.5...1024.4, using: &generator)) }
        var mismatches = 0
        for start in stride(from: 0, to: quotients.count - 3, by: 4) {
            let four = SIMD4(quotients[start], quotients[start + 1], quotients[start + 2], quotients[start + 3])
            let lanes = Elementary.binaryScale(four)
            for lane in 0..<4 {
                let k = four[lane].rounded(), half = (k / 2).rounded(.towardZero)
                guard k >= -1075, k <= 1024 else { continue }  // beyond the exponentials' domain
                let first = Double(sign: .plus, exponent: Int(half), significand: 1)
                let second = Double(sign: .plus, exponent: Int(k - half), significand: 1)
                if lanes.k[lane].bitPattern != k.bitPattern || lanes.first[lane].bitPattern != first.bitPattern
                    || lanes.second[lane].bitPattern != second.bitPattern { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        #expect(Elementary.roundedAwayFromZero(SIMD4(2.5, -2.5, 3.5, -3.5)) == SIMD4(3, -3, 4, -4))
        #expect(Elementary.roundedAwayFromZero(SIMD2(0.49999999999999994, -0.5)) == SIMD2(0, -1))
        #expect(Elementary.roundedAwayFromZero(SIMD2(-0.25, -0.0))[0].sign == .minus)  // −0, as rounded()
    }

    @Test("reduced in lanes: m and k are the scalar reduction's, over the exponents and about √2")
    func reducedLanes() {
        let root = 0x1.6a09e667f3bcdp0
        var values: [Double] = [0x1p-1000, 1, 2, 0.5, root, root.nextUp, root.nextDown, root / 2, (root / 2).nextUp,
                                .greatestFiniteMagnitude, 3, 0.75]
        for exponent in -1000...1023 {
            let scale = Double(sign: .plus, exponent: exponent, significand: 1)
            values += [scale, root * scale, root.nextUp * scale, 1.999 * scale]
        }
        var generator = SplitMix(seed: 31)
        while values.count % 4 != 0 || values.count < 40_000 {
            let bits = UInt64.random(in: 0x0170_0000_0000_0000...0x7FEF_FFFF_FFFF_FFFF, using: &generator)
            values.append(Double(bitPattern: bits))
        }
        var mismatches = 0
        for start in stride(from: 0, to: values.count, by: 4) {
            let four = SIMD4(values[start], values[start + 1], values[start + 2], values[start + 3])
            guard all(four .>= 0x1p-1000) else { continue }
            let lanes = Elementary.reduced(four)
            for lane in 0..<4 {
                let scalar = Elementary.reduced(DoubleDouble(four[lane]))
                if lanes.m[lane].bitPattern != scalar.m.hi.bitPattern || scalar.m.lo.bitPattern != 0
                    || lanes.k[lane] != Double(scalar.k) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("exp of two and of four: each lane is exp of its own argument")
    func doubles() {
        let values = Self.arguments(limit: 750, seed: 41)
        for index in 0..<values.count {
            // Each value beside the next, and beside an unrelated one, in both lanes.
            let other = values[(index * 7 + 3) % values.count]
            for (a, b) in [(values[index], other), (other, values[index])] {
                let pair = Elementary.exp(SIMD2(a, b))
                #expect(pair[0].bitPattern == Elementary.exp(a).bitPattern || (pair[0].isNaN && a.isNaN), "exp(\(a))")
                #expect(pair[1].bitPattern == Elementary.exp(b).bitPattern || (pair[1].isNaN && b.isNaN), "exp(\(b))")
            }
            let four = SIMD4(values[index], other, values[(index * 3 + 1) % values.count], -values[index])
            let fours = Elementary.exp(four)
            for lane in 0..<4 {
                let expected = Elementary.exp(four[lane])
                #expect(fours[lane].bitPattern == expected.bitPattern || (fours[lane].isNaN && expected.isNaN), "exp(\(four[lane]))")
            }
        }
    }

    @Test("log of two, of four and of an array: each value is log of its own argument")
    func logarithms() {
        var generator = SplitMix(seed: 45)
        var values: [Double] = [1, 0x1.6a09e667f3bcdp0, 0x1.6a09e667f3bcdp0.nextUp, 0x1.6a09e667f3bcdp-1, 2, 0.5,
                                5e-324, 1e-310, 0x1p-1000, 0x1p-1000.nextDown, .greatestFiniteMagnitude, 1.0.nextUp,
                                1.0.nextDown, 0, -0.0, -1, .infinity, .nan]
        for _ in 0..<20_000 {
            values.append(Double(sign: .plus, exponent: Int.random(in: -1074...1023, using: &generator),
                                 significand: Double.random(in: 1..<2, using: &generator)))
        }
        for _ in 0..<5_000 { values.append(Double(Int.random(in: 1...10_000_000, using: &generator)) / 100) }
        func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
        for index in 0..<values.count {
            let a = values[index], b = values[(index * 13 + 1) % values.count]
            let c = values[(index * 7 + 3) % values.count], d = values[(index * 19 + 4) % values.count]
            let pair = Elementary.log(SIMD2(a, b)), four = Elementary.log(SIMD4(a, b, c, d))
            #expect(same(pair[0], Elementary.log(a)), "log(\(a))")
            #expect(same(pair[1], Elementary.log(b)), "log(\(b))")
            for (lane, value) in [a, b, c, d].enumerated() { #expect(same(four[lane], Elementary.log(value)), "log(\(value))") }
            // And the double-double before its rounding, hi and lo.
            guard [a, b, c, d].allSatisfy({ $0 > 0 && $0.isFinite }) else { continue }
            let wide = Elementary.logarithm(SIMD4(a, b, c, d))
            for (lane, value) in [a, b, c, d].enumerated() {
                #expect(Self.same(wide[lane: lane], Elementary.logarithm(DoubleDouble(value))), "logarithm(\(value))")
            }
        }
        for count in [0, 1, 2, 7, values.count] {
            let logs = Elementary.logs(Array(values.prefix(count)))
            #expect(logs.count == count)
            #expect(zip(logs, values).allSatisfy { same($0, Elementary.log($1)) }, "logs of \(count)")
        }
    }

    @Test("the double-double exponential of two and of four: each lane, hi and lo, is the scalar one")
    func doubleDoubles() {
        // The model takes it for |η| < 600; lows as a rounded sum leaves them.
        var generator = SplitMix(seed: 42)
        let values = Self.arguments(limit: 600, seed: 43).filter { $0.isFinite && abs($0) < 600 }.map { hi in
            DoubleDouble.twoSum(hi, hi * Double.random(in: -0x1p-53...0x1p-53, using: &generator))
        }
        for index in 0..<values.count {
            let a = values[index], b = values[(index * 11 + 5) % values.count]
            let c = values[(index * 5 + 2) % values.count], d = values[(index * 17 + 9) % values.count]
            var pair = DoubleDoubleLanes<SIMD2<Double>>(.zero), four = DoubleDoubleLanes<SIMD4<Double>>(.zero)
            for (lane, value) in [a, b].enumerated() { pair[lane: lane] = value }
            for (lane, value) in [a, b, c, d].enumerated() { four[lane: lane] = value }
            let (pairs, fours) = (Elementary.exponential(pair), Elementary.exponential(four))
            for (lane, value) in [a, b, c, d].enumerated() {
                let expected = Elementary.exponential(value)
                if lane < 2 { #expect(Self.same(pairs[lane: lane], expected), "exponential(\(value.hi) + \(value.lo))") }
                #expect(Self.same(fours[lane: lane], expected), "exponential(\(value.hi) + \(value.lo)), four")
            }
        }
    }

    @Test("the lanes' arithmetic is DoubleDouble's in each lane")
    func arithmetic() {
        var generator = SplitMix(seed: 44)
        func draw() -> DoubleDouble {
            let hi = Double.random(in: -1e6...1e6, using: &generator)
            return DoubleDouble.twoSum(hi, hi * Double.random(in: -0x1p-53...0x1p-53, using: &generator))
        }
        func same(_ pair: DoubleDoubleLanes<SIMD2<Double>>, _ first: DoubleDouble, _ second: DoubleDouble) -> Bool {
            Self.same(pair[lane: 0], first) && Self.same(pair[lane: 1], second)
        }
        for _ in 0..<5_000 {
            let (a, b, c, d) = (draw(), draw(), draw(), draw())
            var x = DoubleDoubleLanes<SIMD2<Double>>(.zero), y = x
            (x[lane: 0], x[lane: 1], y[lane: 0], y[lane: 1]) = (a, b, c, d)
            #expect(same(x + y, a + c, b + d))
            #expect(same(x - y, a - c, b - d))
            #expect(same(x * y, a * c, b * d))
            #expect(same(x * y.hi, a * c.hi, b * d.hi))
            #expect(same(x + y.hi, a + c.hi, b + d.hi))
            #expect(same(x / y, a / c, b / d))
            #expect(same(DoubleDoubleLanes.twoProduct(x.hi, y.hi), .twoProduct(a.hi, c.hi), .twoProduct(b.hi, d.hi)))
        }
    }

    /// The same hi and lo bits.
    static func same(_ a: DoubleDouble, _ b: DoubleDouble) -> Bool {
        a.hi.bitPattern == b.hi.bitPattern && a.lo.bitPattern == b.lo.bitPattern
    }
}
