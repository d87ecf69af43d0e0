import Testing
@testable import VFMCore

@Suite("in-place permutation")
struct PermutationTests {
    /// Reference-counted elements (strings long enough to be heap objects, and a class), so
    /// that a lost, doubled or leaked element shows.
    final class Box: Equatable {
        let text: String
        init(_ text: String) { self.text = text }
        static func == (lhs: Box, rhs: Box) -> Bool { lhs === rhs }
    }

    @Test("position k holds what was at order[k], for random permutations of every size up to 60", arguments: 0..<60)
    func random(count: Int) {
        var state = UInt64(count) &* 0x9E37_79B9_7F4A_7C15 | 1
        var order = Array(0..<count)
        for index in order.indices.reversed() where index > 0 {  // Fisher–Yates with a fixed LCG
            state = state &* 6364136223846793005 &+ 1442695040888963407
            order.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        let original = (0..<count).map { (Box("element number \($0) of a long enough string"), "row \($0) with a long tail") }
        var elements = original
        elements.permute(to: order)
        #expect(elements.map(\.0) == order.map { original[$0].0 })
        #expect(elements.map(\.1) == order.map { original[$0].1 })
    }

    @Test("hand-checked: identity, one swap, and one 3-cycle")
    func handChecked() {
        var identity = ["a", "b", "c"]
        identity.permute(to: [0, 1, 2])
        #expect(identity == ["a", "b", "c"])
        var swapped = ["a", "b", "c"]
        swapped.permute(to: [2, 1, 0])
        #expect(swapped == ["c", "b", "a"])
        var cycle = ["a", "b", "c", "d"]
        cycle.permute(to: [1, 2, 0, 3])  // position 0 takes b, 1 takes c, 2 takes a
        #expect(cycle == ["b", "c", "a", "d"])
        var empty: [String] = []
        empty.permute(to: [])
        #expect(empty.isEmpty)
    }

    @Test("every element is released once the array is gone: nothing leaked or freed twice")
    func noLeak() {
        weak var watched: Box?
        do {
            var elements = (0..<20).map { Box("box \($0)") }
            watched = elements[7]
            elements.permute(to: (0..<20).map { ($0 * 7) % 20 })
            #expect(elements[1] === watched)
        }
        #expect(watched == nil)
    }
}

@Suite("stable sort on two cores")
struct ParallelSortTests {
    @Test("the halves sorted apart and merged are the one stable sort's order, ties in index order",
          arguments: [0, 1, 100, 4_095, 4_096, 4_097, 20_001])
    func sameAsOneSort(count: Int) {
        var state = UInt64(count) &+ 5
        let keys = (0..<count).map { _ -> Int in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % 50)  // many ties
        }
        let expected = (0..<count).sorted { keys[$0] < keys[$1] }
        #expect(Parallel.sortedIndices(count) { keys[$0] < keys[$1] } == expected)
        // Sorted and reverse-sorted inputs, where the merge takes one side whole.
        #expect(Parallel.sortedIndices(count) { $0 < $1 } == Array(0..<count))
        #expect(Parallel.sortedIndices(count) { $0 > $1 } == Array((0..<count).reversed()))
    }
}
