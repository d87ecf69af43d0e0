extension Array where Element == UInt8 {
    /// Appends the bytes `write` puts at the start of a scratch buffer of `capacity` bytes
    /// (it returns how many, or `nil` to append nothing): one append for a run of bytes
    /// worked out one at a time, where `append` per byte checks the array's uniqueness and
    /// capacity every time (a name folded for the duplicate screens, two million at 10^6).
    /// - Returns: whether `write` wrote (returned a count).
    @inlinable
    public mutating func appendScratch(capacity: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int?) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { scratch in
            guard let written = write(scratch) else { return false }
            precondition(written >= 0 && written <= scratch.count, "wrote beyond the scratch buffer")
            append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<written]))
            return true
        }
    }
}
