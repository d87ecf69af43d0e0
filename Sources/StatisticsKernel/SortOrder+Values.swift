extension SortOrder {
    /// `values.sorted()`, element for element and bit for bit, for values with no NaN (with
    /// a NaN it is `values.sorted()` itself), in linear time: the radix sort of
    /// `sorted(_:positions:)` with the positions left unread (issue 12: the clean stage
    /// sorts five metrics of a million services for their medians). Equal values other than
    /// −0 and +0 have the same bits; those two come back in input order, as the stable
    /// `sorted()` leaves them.
    public static func sortedValues(_ values: [Double]) -> [Double] {
        guard values.count > 512, let count = UInt32(exactly: values.count), !values.contains(where: \.isNaN) else {
            return values.sorted()
        }
        return sorted(values, positions: Array(0..<count)).values
    }
}
