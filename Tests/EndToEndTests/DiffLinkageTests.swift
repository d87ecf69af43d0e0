import Foundation
import Testing
import VFMTestSupport

/// `vfm-diff` compares two runs' files: it needs no linear algebra and no workbook
/// archive library, so it must not load them (issue 25: it used to link OpenBLAS, LAPACKE
/// and ZIPFoundation through the report module).
@Suite("what vfm-diff links")
struct DiffLinkageTests {
    /// The workbook reader's zlib and libxml2 included: the diff reads run directories,
    /// never a workbook (RunDiff does not depend on Returns).
    @Test("ldd vfm-diff names no OpenBLAS, LAPACKE, ZIP, zlib or libxml2 library")
    func noLinearAlgebra() throws {
        let binary = try #require(BuiltProducts.executable("vfm-diff"))
        let result = try ExecuteCommand.run(URL(fileURLWithPath: "/usr/bin/ldd"), [binary.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("libc.so"), "ldd printed no libraries: \(result)")
        for library in ["openblas", "lapack", "ZIPFoundation", "libz.so", "libxml2"] {
            #expect(!result.stdout.lowercased().contains(library.lowercased()), "vfm-diff links \(library):\n\(result.stdout)")
        }
    }
}
