extension Array {
    /// Rearranges the array in place so that position k holds what was at `order[k]`
    /// (`order` a permutation of the indices), moving each element once by following the
    /// permutation's cycles: a million rows sorted by index are put in order without a
    /// second array of them (issue 12).
    ///
    /// Elements are moved as bits (`move`, `moveInitialize`), never copied: nothing is
    /// retained or released, and one cycle of length L costs L + 1 moves (a swap is three).
    /// Inlinable so that it is specialised for the element type: a generic `swapAt` copies
    /// every element through its value witnesses, retaining each `String` in it.
    @inlinable
    package mutating func permute(to order: [Int]) {
        precondition(order.count == count, "permute(to:) needs one position per element")
        var pending = order  // pending[k] == k once position k holds its element
        withUnsafeMutableBufferPointer { elements in
            guard let base = elements.baseAddress else { return }
            pending.withUnsafeMutableBufferPointer { pending in
                for start in pending.indices where pending[start] != start {
                    let held = (base + start).move()
                    var current = start
                    while pending[current] != start {
                        let next = pending[current]
                        (base + current).moveInitialize(from: base + next, count: 1)
                        pending[current] = current
                        current = next
                    }
                    (base + current).initialize(to: held)
                    pending[current] = current
                }
            }
        }
    }
}
