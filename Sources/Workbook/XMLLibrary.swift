internal import CLibXML2

/// libxml2, initialised once per process before any part is parsed.
///
/// Why: `xmlInitParser` sets up the library's global tables (character classes, the
/// dictionary's lock, the default SAX handler); its documentation asks that it be called
/// once, from the main thread or before threads parse, and not concurrently. A Swift `static
/// let` is initialised exactly once, atomically (`swift_once`), whichever thread asks first.
/// Everything else the reader does with libxml2 is per parser context (`XMLPushParser`),
/// and a context is used by one thread only: no global handler or option is ever set.
enum XMLLibrary {
    private static let initialised: Void = { xmlInitParser() }()

    /// Makes sure the library is initialised; cheap after the first call.
    static func initialise() { _ = initialised }
}
