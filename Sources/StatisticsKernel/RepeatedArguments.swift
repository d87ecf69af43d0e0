/// The values of a pure function at arguments that repeat, each worked out once: the
/// Poisson model takes logarithms of job outcomes (and of start values made from them),
/// a few hundred distinct whole numbers among a million services, and the double-double
/// logarithm cost ~0.4 s of CPU per pass at 10⁶ (issue 30). The value is the function's,
/// so nothing changes but the time; at most `limit` arguments are remembered, so
/// arguments that are all different cost no memory, only the lookups.
package struct RepeatedArguments<Value> {
    @usableFromInline var known: [UInt64: Value] = [:]
    @usableFromInline let limit: Int

    @inlinable
    package init(limit: Int = 4_096) {
        self.limit = limit
    }

    /// `function(x)`, from memory when `x` (the same bits) was asked before.
    @inlinable
    package mutating func value(at x: Double, of function: (Double) -> Value) -> Value {
        if let value = known[x.bitPattern] { return value }
        let value = function(x)
        if known.count < limit { known[x.bitPattern] = value }
        return value
    }
}
