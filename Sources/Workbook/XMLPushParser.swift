import Foundation
internal import CLibXML2

/// What a part's reader does with the events of `XMLPushParser`. Returning false from an
/// element event stops the parse (the row callback said so, or a limit was passed); the
/// bytes handed over are valid only during the call (`XMLBytes`).
protocol XMLEventHandler: AnyObject {
    func startElement(_ name: XMLName, _ attributes: XMLAttributes) -> Bool
    func endElement(_ name: XMLName) -> Bool
    /// Character data, a CDATA section's content, or the text of a character or predefined
    /// entity reference (`&amp;`, `&#163;`), in as many pieces as libxml2 likes.
    func characters(_ text: XMLBytes)
}

/// libxml2's SAX2 push parser (`xmlCreatePushParserCtxt`, `xmlParseChunk`) over one part,
/// fed in pieces, calling an `XMLEventHandler`. The only place that holds a libxml2 context.
///
/// Why SAX2 push and not `xmlTextReader`: the reader is built on the same push parser and
/// adds a node per event, which this reader would throw away at once; SAX2 hands over the
/// interned local name and the attributes' bytes directly. Measured in C with libxml2
/// 2.9.14 on the openpyxl-written 10⁵-row benchmark sheet (74 MB of XML, 3.75 million
/// elements; `make bench`'s workbook), doing no work per event: SAX2 push 0.36–0.49 s of
/// CPU, `xmlTextReader` 0.79–0.96 s, in the same runs (issue 30). Push, because parts are inflated and
/// read back in pieces: no part is ever held whole, and libxml2's 10 MB limit on one line
/// of a document held in one buffer (LibreOffice writes `sharedStrings.xml` on one line)
/// does not apply.
///
/// What is never done, whatever the part says (ECMA-376 Part 2 §8.1.4 forbids DTDs in
/// package parts; issue 31 found a DTD's entities dropping and cutting text):
/// - no DTD is loaded and no external entity is fetched: the options are `XML_PARSE_NONET`
///   only — never `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or `XML_PARSE_HUGE`;
/// - a document type declaration stops the parse as `.documentType` (the inflater's
///   `XMLProlog` check already refuses it in UTF-8 parts; this catches any other encoding);
/// - no entity is declared (no `entityDecl`/`getEntity` handler), so a reference to
///   anything but the five predefined entities and character references is an error.
/// Errors go to this context's own structured handler (`serror`), never to the process's
/// global error functions, so contexts on different threads do not meet; one context is
/// used by one thread (`Workbook` reads on the caller's thread).
final class XMLPushParser {
    enum Failure: Error, Equatable {
        /// libxml2 found the part not well-formed: its first error's message and line.
        case notWellFormed(cause: String, line: Int)
        /// The part declares a document type.
        case documentType
        /// The part's scratch file could not be read back (errno text).
        case unreadable(String)
    }

    private let handler: any XMLEventHandler
    private var context: xmlParserCtxtPtr?
    private var firstError: (message: String, line: Int)?
    private var sawDocumentType = false
    private var undeclaredEntity: String?
    /// The handler asked to stop: what follows is not read, and that is not an error.
    private(set) var stopped = false
    private var fed = 0

    init(_ handler: any XMLEventHandler) {
        XMLLibrary.initialise()
        self.handler = handler
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// The line libxml2 has reached (1-based), for messages about content it accepted.
    var line: Int { context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 1 }

    /// Parses the whole of `data`, in pieces.
    func parse(_ data: Data) throws(Failure) {
        var failure: Failure?
        data.withUnsafeBytes { raw in
            var offset = 0
            repeat {
                let piece = UnsafeRawBufferPointer(rebasing: raw[offset ..< min(raw.count, offset + Self.pieceSize)])
                offset += piece.count
                do throws(Failure) { try feed(piece, last: offset >= raw.count) } catch { failure = error; return }
            } while offset < raw.count && !stopped
        }
        if let failure { throw failure }
    }

    /// Parses the part in `scratch` from its start, reading it in pieces.
    func parse(_ scratch: ScratchPart) throws(Failure) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.pieceSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while !stopped {
            let count = scratch.read(at: offset, into: buffer)
            guard count >= 0 else { throw .unreadable(String(cString: strerror(Int32(-count)))) }
            offset += count
            try feed(UnsafeRawBufferPointer(rebasing: buffer[0 ..< count]), last: count == 0)
            if count == 0 { break }
        }
    }

    /// Pieces of 256 KiB: large enough that the per-call cost of `xmlParseChunk` vanishes,
    /// small enough to stay in the cache.
    static let pieceSize = 256 * 1024

    /// Gives libxml2 the next bytes of the part; `last` ends the document.
    func feed(_ bytes: UnsafeRawBufferPointer, last: Bool) throws(Failure) {
        guard !stopped else { return }
        fed += bytes.count
        // An empty part gives no events and is no error, as it was for `XMLParser` (which
        // waited for 4 bytes before starting libxml2).
        if fed == 0 && last { return }
        let context = try start()
        let status = xmlParseChunk(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), last ? 1 : 0)
        if stopped { return }
        if sawDocumentType { throw .documentType }
        if let undeclaredEntity {
            throw .notWellFormed(cause: "the entity `&\(undeclaredEntity);` is not one of XML's five nor declared", line: line)
        }
        if status != 0 || context.pointee.wellFormed == 0 {
            let error = firstError ?? ("libxml2 error \(status)", line)
            throw .notWellFormed(cause: error.message, line: error.line)
        }
    }

    private func start() throws(Failure) -> xmlParserCtxtPtr {
        if let context { return context }
        var sax = xmlSAXHandler()
        sax.initialized = Self.sax2Magic
        // The three callbacks of every element reach the parser as a guaranteed reference:
        // `takeUnretainedValue()` retained and released it (and its handler) at each call,
        // a tenth of reading a workbook's sheet.
        sax.startElementNs = { user, localName, _, _, _, _, attributeCount, _, attributes in
            guard let user, let localName else { return }
            let fields = UnsafeRawPointer(attributes)?.assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
            Unmanaged<XMLPushParser>.fromOpaque(user)._withUnsafeGuaranteedRef { parser in
                if !parser.handler.startElement(XMLName(localName), XMLAttributes(fields, count: Int(attributeCount))) {
                    parser.stop()
                }
            }
        }
        sax.endElementNs = { user, localName, _, _ in
            guard let user, let localName else { return }
            Unmanaged<XMLPushParser>.fromOpaque(user)._withUnsafeGuaranteedRef { parser in
                if !parser.handler.endElement(XMLName(localName)) { parser.stop() }
            }
        }
        let characters: charactersSAXFunc = { user, bytes, count in
            guard let user, let bytes, count > 0 else { return }
            Unmanaged<XMLPushParser>.fromOpaque(user)._withUnsafeGuaranteedRef { parser in
                parser.handler.characters(XMLBytes(UnsafeBufferPointer(start: bytes, count: Int(count))))
            }
        }
        sax.characters = characters
        sax.ignorableWhitespace = characters
        sax.cdataBlock = characters
        sax.internalSubset = { user, _, _, _ in
            guard let user else { return }
            let parser = Unmanaged<XMLPushParser>.fromOpaque(user).takeUnretainedValue()
            parser.sawDocumentType = true
            parser.halt()
        }
        sax.reference = { user, name in
            guard let user else { return }
            let parser = Unmanaged<XMLPushParser>.fromOpaque(user).takeUnretainedValue()
            if parser.undeclaredEntity == nil { parser.undeclaredEntity = name.map { String(cString: $0) } ?? "" }
            parser.halt()
        }
        sax.serror = { user, error in
            guard let user, let error else { return }
            let parser = Unmanaged<XMLPushParser>.fromOpaque(user).takeUnretainedValue()
            guard parser.firstError == nil || error.pointee.level == XML_ERR_FATAL && parser.firstErrorWasMinor else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "code \(error.pointee.code)"
            parser.firstError = (message.trimmingCharacters(in: .whitespacesAndNewlines), Int(error.pointee.line))
            parser.firstErrorWasMinor = error.pointee.level != XML_ERR_FATAL
        }
        guard let created = xmlCreatePushParserCtxt(&sax, Unmanaged.passUnretained(self).toOpaque(), nil, 0, nil) else {
            throw .notWellFormed(cause: "libxml2 could not create a parser (out of memory)", line: 0)
        }
        xmlCtxtUseOptions(created, Int32(XML_PARSE_NONET.rawValue))
        context = created
        return created
    }

    private var firstErrorWasMinor = false

    /// `XML_SAX2_MAGIC`: the handler has the SAX2 fields (`startElementNs`, `serror`).
    private static let sax2Magic: UInt32 = 0xDEED_BEAF

    private func stop() {
        stopped = true
        halt()
    }

    private func halt() {
        if let context { xmlStopParser(context) }
    }
}
