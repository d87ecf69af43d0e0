import Foundation

/// Runs an `XMLPushParser` over one part with a reader (`XMLEventHandler`) and turns its
/// failure into a `WorkbookError` that names the part, the line and — for a worksheet —
/// the cell being read.
enum PartParser {
    /// A small part held in memory (relationships, workbook, styles).
    static func parse(_ data: Data, part: String, with handler: some XMLEventHandler) throws(WorkbookError) {
        let parser = XMLPushParser(handler)
        do { try parser.parse(data) } catch { throw workbookError(error, part: part) }
    }

    /// A part inflated into a scratch file (a worksheet, the shared strings). `place` says
    /// where in the part the reader was when it failed (`, in cell B7`).
    static func parse(_ scratch: ScratchPart, part: String, with handler: some XMLEventHandler,
                      place: () -> String = { "" }) throws(WorkbookError) {
        let parser = XMLPushParser(handler)
        do { try parser.parse(scratch) } catch { throw workbookError(error, part: part, place: place()) }
    }

    static func workbookError(_ failure: XMLPushParser.Failure, part: String, place: String = "") -> WorkbookError {
        switch failure {
        case .notWellFormed(let cause, let line):
            return WorkbookError(.malformedPart, "the part `\(part)` is not well-formed XML (near line \(line) of the part\(place))",
                                 cause: cause)
        case .documentType:
            return WorkbookError.documentType(part: part)
        case .unreadable(let cause):
            return WorkbookError(.scratchSpace, "cannot read back the part `\(part)` from its scratch file in the temporary directory",
                                 cause: cause)
        }
    }
}

extension WorkbookError {
    /// A part with a document type declaration (`<!DOCTYPE`), found by the inflater's prolog
    /// check (`XMLProlog`) or by the parser (`XMLPushParser`).
    static func documentType(part: String) -> WorkbookError {
        WorkbookError(.malformedPart, "the part `\(part)` declares a document type (<!DOCTYPE …>), which workbook parts may not "
            + "(ECMA-376 Part 2, §8.1.4): the workbook is damaged or was made to attack the reader")
    }
}
