import Foundation

extension Workbook {
    /// `forEachRow`, with the worksheet inflated and parsed on a thread of its own while
    /// `body` runs on the caller's: the same rows, in the same order, with the same notes
    /// and errors, read on two cores (issue 30: a return's rows are typed as fast as
    /// libxml2 parses the next ones, where one thread did the one after the other).
    ///
    /// The reading thread runs ahead by at most a few batches of rows (`RowChannel`), so
    /// memory stays flat in the number of rows. It is the only thread that touches this
    /// workbook or its parser until it ends, and this call waits for it to end, whatever
    /// happens: the workbook is still used by one thread at a time.
    ///
    /// Once `body` has said stop, the reader has read a little further than the row it
    /// stopped at: damage it found there is not thrown (`forEachRow` would not have reached
    /// it), and the notes, which may count those rows, are empty — a caller that stops has
    /// no use for them.
    /// - Throws: as `forEachRow`; rows before the damage have been delivered.
    @discardableResult
    public func forEachRowReadingAhead(of sheet: WorkbookSheet,
                                       _ body: (WorkbookRow) -> Bool) throws(WorkbookError) -> SheetNotes {
        let channel = RowChannel()
        let reading = ReadingThread(workbook: self, sheet: sheet, channel: channel)
        reading.start()
        var stopped = false
        while !stopped, let batch = channel.receive() {
            for row in batch where !stopped { stopped = !body(row) }
        }
        if stopped { channel.stop() }
        let outcome = reading.wait()
        if stopped { return SheetNotes(formulasWithoutValue: 0) }
        return try outcome.get()
    }
}

/// The thread that reads one worksheet for `forEachRowReadingAhead`, and its outcome.
private final class ReadingThread: @unchecked Sendable {
    // Used by the reading thread between `start()` and the signal of `done`, and by the
    // caller's thread only after `wait()` has seen that signal.
    private let workbook: Workbook
    private let sheet: WorkbookSheet
    private let channel: RowChannel
    private var outcome: Result<Workbook.SheetNotes, WorkbookError>?
    private let done = DispatchSemaphore(value: 0)

    init(workbook: Workbook, sheet: WorkbookSheet, channel: RowChannel) {
        self.workbook = workbook
        self.sheet = sheet
        self.channel = channel
    }

    func start() {
        let thread = Thread { [self, channel] in
            var batch: [WorkbookRow] = []
            batch.reserveCapacity(RowChannel.batchRows)
            let result = Result { () throws(WorkbookError) -> Workbook.SheetNotes in
                try workbook.forEachRow(of: sheet) { row in
                    batch.append(row)
                    guard batch.count == RowChannel.batchRows else { return true }
                    defer { batch.removeAll(keepingCapacity: true) }
                    return channel.send(batch)
                }
            }
            if !batch.isEmpty { _ = channel.send(batch) }
            outcome = result
            channel.close()
            done.signal()
        }
        // libxml2 and the reader need little stack, but the same as the main thread's
        // leaves no doubt about a deeply nested part.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the thread to end; its outcome.
    func wait() -> Result<Workbook.SheetNotes, WorkbookError> {
        done.wait()
        return outcome ?? .failure(WorkbookError(.malformedPart, "the worksheet `\(sheet.name)` was not read"))
    }
}

/// Batches of rows from the reading thread to the caller's, first in first out, at most
/// `capacity` batches waiting: the reader waits when the caller is behind.
final class RowChannel: @unchecked Sendable {
    /// Rows per batch: a lock and a wake-up per batch, not per row.
    static let batchRows = 256
    private static let capacity = 4

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var batches: [[WorkbookRow]] = []
    private var closed = false
    private var stopped = false

    /// Hands over a batch, waiting while `capacity` are waiting; false once the caller has
    /// stopped reading (the reader then stops too).
    func send(_ batch: [WorkbookRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.capacity && !stopped { condition.wait() }
        guard !stopped else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch, waiting for one; nil once the reader has closed the channel and
    /// every batch has been received.
    func receive() -> [WorkbookRow]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }

    /// The reader has sent its last batch.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The caller wants no more rows: batches not yet received are dropped.
    func stop() {
        condition.lock()
        stopped = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
