/// A `Double?` stored in 8 bytes instead of 9 (16 in an array or struct): `nil` is kept as
/// NaN. Only for values that are never NaN themselves — every derived measure and flag
/// value is finite or missing (inputs are bounded at ingest, files read back must hold
/// finite numbers) — so that a million services with a dozen optional figures each stay
/// compact (issue 12). Signed zeros and infinities are kept as given.
@propertyWrapper
public struct MissingAsNaN: Sendable, Equatable {
    private var stored: Double

    public init(wrappedValue: Double?) {
        stored = wrappedValue ?? .nan
    }

    public var wrappedValue: Double? {
        get { stored.isNaN ? nil : stored }
        set { stored = newValue ?? .nan }
    }

    /// Equal when both are missing or both hold equal values (the synthesised `==` would
    /// call two missing values different, NaN ≠ NaN).
    public static func == (lhs: MissingAsNaN, rhs: MissingAsNaN) -> Bool {
        lhs.stored == rhs.stored || (lhs.stored.isNaN && rhs.stored.isNaN)
    }
}
