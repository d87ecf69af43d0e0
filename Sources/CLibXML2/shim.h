// Internal C shim: libxml2's SAX2 push parser for the workbook reader's XML parts. No
// stable API; only Workbook's `XMLPushParser` and `XMLLibrary` import it. From Debian's
// libxml2-dev (`pkg-config libxml-2.0`, which puts /usr/include/libxml2 on the path).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, so <libxml/encoding.h> would include the system's
// <unicode/ucnv.h>, whose enums clash with the copy of ICU inside Foundation. The reader
// never touches an encoding handler's fields (only pointers to it), so the ICU members
// those headers add to that struct do not matter here.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
