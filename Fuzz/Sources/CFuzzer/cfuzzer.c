// The header declares what -sanitize=fuzzer links in; SwiftPM needs a source file here.
