import Dispatch
import Foundation

/// Independent pieces of work spread over the machine's cores (issue 12: a 2-core machine
/// should use both). Only for work whose every piece depends on its own inputs alone, so
/// that the results — and every byte written from them — are the same on one core or many.
public enum Parallel {
    /// `(0..<count).map(body)`, with the calls made concurrently (`concurrentPerform`) when
    /// there is more than one piece and more than one core. `body` must be safe to call
    /// from several threads at once: it may read shared values, never mutate them.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else { return (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        withoutActuallyEscaping(body) { body in
            // The pieces write disjoint slots, and `body`'s contract is that it only reads
            // what it shares: that is what makes handing both to other threads sound.
            let shared = UncheckedSendable(value: (slots: slots, body: body))
            DispatchQueue.concurrentPerform(iterations: count) { index in
                shared.value.slots[index] = shared.value.body(index)
            }
        }
        // Every slot was filled above; `compactMap` keeps this free of a force unwrap.
        return slots.compactMap { $0 }
    }
}

/// A value handed to other threads on `Parallel.map`'s contract, which the compiler cannot check.
extension Parallel {
    /// `(first(), second())`, the two run on two cores at once (`map`): for two pieces of
    /// work with different results that only read what they share.
    public static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        let results = map(2) { piece in piece == 0 ? Either<A, B>.first(first()) : .second(second()) }
        var a: A?, b: B?
        for result in results {
            switch result {
            case .first(let value): a = value
            case .second(let value): b = value
            }
        }
        // `map` fills both; the fallbacks keep this free of a force unwrap.
        return (a ?? first(), b ?? second())
    }

    /// `first()` and `second()` on two cores at once (`both`), for two pieces of work that
    /// may fail, such as writing two files: both run to the end, then `first`'s error, if
    /// any, else `second`'s, is thrown — the one the two run in turn would have reported.
    public static func bothOrThrow(_ first: () throws(VFMError) -> Void,
                                   _ second: () throws(VFMError) -> Void) throws(VFMError) {
        let (a, b) = both({ Result { () throws(VFMError) in try first() } }, { Result { () throws(VFMError) in try second() } })
        try a.get()
        try b.get()
    }

    /// `body` of `0..<count` cut into `pieces` contiguous ranges, in order, the ranges on
    /// all cores at once (`map`): for a pass over rows whose every row is its own work.
    public static func mapRanges<T>(_ count: Int, pieces: Int, _ body: (Range<Int>) -> T) -> [T] {
        map(pieces) { piece in body(count * piece / pieces ..< count * (piece + 1) / pieces) }
    }

    /// `mapRanges` in two halves from `halvingThreshold` rows, in one range below it, where
    /// a second thread would cost more than its half saves.
    public static func mapInHalves<T>(_ count: Int, _ body: (Range<Int>) -> T) -> [T] {
        mapRanges(count, pieces: count < halvingThreshold ? 1 : 2, body)
    }

    /// Rows from which `mapInHalves` uses two cores.
    public static let halvingThreshold = 65_536

    private enum Either<A, B> {
        case first(A)
        case second(B)
    }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}
