import Foundation
import VFMTestSupport

/// Small hand-written returns for the end-to-end tests, so they do not depend on the
/// figures of the sample fixture: what is tested here is the operation of the tool.
enum TestReturns {
    static let header = "authority,service,period,evidence_based,total_cost,people_supported,clients_ld,clients_mh,outcomes_gained,outcomes_retained,outcomes_self_employed"

    /// Eight valid services (LD-, MH-focused and mixed; two evidence-based).
    static let valid = """
        \(header)
        Avonford,Pathways,2012/13,no,"£120,000",60,50,5,10,6,1
        Avonford,Mindworks,2012/13,ips-fidelity,"£95,500",80,4,70,20,5,2
        Brightwell,Step Up,2012/13,,210000,150,120,20,30,25,0
        Brightwell,Open Door,2012/13,observed-good-practice,64000,40,10,25,9,4,0
        Castleton,Routes,2012/13,no,"1,730.50",1,1,0,0,1,0
        Castleton,Worklink,2012/13,no,330000,300,100,120,50,40,5
        Dunmore,Bridge,2012/13,n/a,45000,25,20,2,3,2,0
        Dunmore,Compass,2012/13,no,150000,90,30,50,15,12,1

        """

    /// `valid` plus one row rejected at ingest (a cost that is not money).
    static let withRejectedRow = valid + "Eastwick,Broken,2012/13,no,lots,10,5,5,1,1,0\n"

    /// Every row rejected: nothing to analyse.
    static let noValidRow = """
        \(header)
        Eastwick,Broken,2012/13,no,lots,10,5,5,1,1,0
        Eastwick,Also Broken,2012/13,no,,10,5,5,1,1,0

        """

    /// No required columns at all: a file-level data error.
    static let notAReturn = "name,colour\nfoo,blue\n"

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
