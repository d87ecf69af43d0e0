import Foundation
import RunFiles

/// A generated run directory of `n` services, shaped so that what the report must show
/// is known by construction: service i has cost per person £(1000 + i) (£100 × (1000 + i)
/// for 100 people) and i mod 100 + 1 job outcomes, the lowest tenth is below the
/// all-services band of cost per person and the highest tenth above it, every tenth
/// service is evidence-based, and 600 flags alternate between two rules. The derived
/// cells are those the inputs give (the report works them out again from the inputs). It holds every file the
/// report stage reads (`ReportInput.read`); the tables no test here looks at are empty
/// (their header only).
enum LargeRun {
    static func write(services n: Int, to directory: URL) throws {
        let fm = FileManager.default
        for sub in ["ingest", "clean", "tables"] {
            try fm.createDirectory(at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        // clean/services.csv under the clean stage's own header, only these columns filled.
        let header = RunFileSchema.cleanServices(extras: []).header
        var services = header.joined(separator: ",") + "\n"
        var benchmark = RunFileSchema.benchmark.header.joined(separator: ",") + "\n"
        for i in 0..<n {
            let band = i < n / 10 ? "below" : (i >= n - n / 10 ? "above" : "within")
            let cells: [String: String] = [
                "authority": "Authority \(i % 50)", "service": "Service \(i)", "period": "2012/13",
                "evidence_based": i % 10 == 0 ? "ips-fidelity" : "", "client_focus": "LD",
                "total_cost": "\((1000 + i) * 100)", "people_supported": "100", "clients_ld": "100",
                "outcomes_total": "\(i % 100 + 1)", "job_outcomes": "\(i % 100 + 1)",
                "cost_per_person": "\(1000 + i)", "cost_per_outcome": "\(Double((1000 + i) * 100) / Double(i % 100 + 1))",
                "outcome_rate": "\(Double(i % 100 + 1) / 100)", "ld_share": "1", "mh_share": "",
                "excluded_from_statistics": "false", "current": "yes",
                "source": "gen.csv:\(i + 2)",
            ]
            services += header.map { cells[$0] ?? "" }.joined(separator: ",") + "\n"
            let place = "Authority \(i % 50),Service \(i),2012/13,"
            benchmark += place + "cost_per_person,\(1000 + i),\(band),within\n"
                + place + "cost_per_outcome,\(5000 + 2 * i),within,within\n"
                + place + "outcome_rate,\(Double(i % 100) / 100),within,within\n"
        }
        var flags = RunFileSchema.cleanFlags.header.joined(separator: ",") + "\n"
        for i in 0..<600 {
            flags += "Authority \(i % 50),Service \(i),2012/13,gen.csv:\(i + 2),\(i % 2 == 0 ? "outlier" : "zero-outcomes"),"
                + "cost_per_person,\(1000 + i),3.5,warning,flag number \(i)\n"
        }
        let mean = 1000 + Double(n - 1) / 2
        // The all-services band of cost per person leaves a tenth of the services out on
        // each side, as the benchmark above places them; the other bands hold every service.
        let low = 1000 + Double(n / 10) - 0.5, high = 1000 + Double(n - n / 10) - 0.5
        let inputs = """
            {
              "files": [
                {
                  "bytes": \(n * 100),
                  "encoding": "utf-8",
                  "path": "gen.csv",
                  "rows_accepted": \(n),
                  "rows_read": \(n),
                  "rows_rejected": 0,
                  "sha256": "\(String(repeating: "ab", count: 32))"
                }
              ],
              "warnings": []
            }

            """
        var files: [String: String] = [
            RunLayout.ingestInputs: inputs,
            RunLayout.cleanInputs: inputs,
            RunLayout.cleanServices: services,
            RunLayout.cleanFlags: flags,
            RunLayout.benchmark: benchmark,
            RunLayout.descriptives: RunFileSchema.descriptives.header.joined(separator: ",") + "\n"
                + "all,cost_per_person,\(n),\(mean),\((high - low) / 2),1000,\(mean),\(1000 + n - 1),\(low),\(high),,\n"
                + "all,cost_per_outcome,\(n),\(5000 + Double(n - 1)),1,5000,1,1,1,1,,\n",
            RunLayout.bands: RunFileSchema.bands.header.joined(separator: ",") + "\n"
                + "cost_per_person,evidence_based,\(n / 10),1000,\(1000 + n - 10),999,\(mean),\(1000 + n),,\n"
                + "cost_per_person,all,\(n),1000,\(1000 + n - 1),\(low),\(mean),\(high),,\n"
                // Cost per job outcome runs from £1,099 to about £100 × (n + 1000): these bands
                // and outcome rate's (0.01 to 1) hold every service.
                + "cost_per_outcome,evidence_based,\(n / 10),1000,\(100 * (n + 1000)),999,50000,\(100 * (n + 1001)),,\n"
                + "cost_per_outcome,all,\(n),1000,\(100 * (n + 1000)),999,50000,\(100 * (n + 1001)),,\n"
                + "outcome_rate,evidence_based,\(n / 10),0.01,0.91,0,0.46,1,,\n"
                + "outcome_rate,all,\(n),0.01,1,0,0.505,1,,\n",
            RunLayout.correlations: RunFileSchema.correlations.header.joined(separator: ",") + "\n"
                + "all,outcome_rate,cost_per_outcome,\(n),0.01,0.01,0,0.02,0.5,negligible\n",
            RunLayout.trendLines: RunFileSchema.trendLines.header.joined(separator: ",") + "\n"
                + "all,outcome_rate,cost_per_outcome,\(n),20000,-30000\n",
        ]
        for schema in [RunFileSchema.cleanRejected] + RunFileSchema.tables + RunFileSchema.periodTables
        where files[schema.path] == nil {
            files[schema.path] = schema.header.joined(separator: ",") + "\n"
        }
        for (path, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(path)) }
    }
}
