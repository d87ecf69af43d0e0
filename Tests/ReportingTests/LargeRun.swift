import Foundation
import RunFiles

/// A generated run directory of `n` services, shaped so that what the report must show
/// is known by construction: service i has cost per person £(1000 + i), the lowest tenth
/// is below the all-services band and the highest tenth above it, every tenth service is
/// evidence-based, and 600 flags alternate between two rules.
enum LargeRun {
    static func write(services n: Int, to directory: URL) throws {
        let fm = FileManager.default
        for sub in ["clean", "tables"] {
            try fm.createDirectory(at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        // clean/services.csv under the clean stage's own header, only these columns filled.
        let header = RunFileSchema.cleanServices(extras: []).header
        var services = header.joined(separator: ",") + "\n"
        var benchmark = "authority,service,period,metric,value,all_band,evidence_band\n"
        for i in 0..<n {
            let band = i < n / 10 ? "below" : (i >= n - n / 10 ? "above" : "within")
            let cells: [String: String] = [
                "authority": "Authority \(i % 50)", "service": "Service \(i)", "period": "2012/13",
                "evidence_based": i % 10 == 0 ? "ips-fidelity" : "", "client_focus": "LD",
                "total_cost": "\((1000 + i) * 100)", "people_supported": "100",
                "cost_per_person": "\(1000 + i)", "cost_per_outcome": "\(5000 + 2 * i)",
                "outcome_rate": "\(Double(i % 100) / 100)", "excluded_from_statistics": "false", "current": "yes",
                "source": "gen.csv:\(i + 2)",
            ]
            services += header.map { cells[$0] ?? "" }.joined(separator: ",") + "\n"
            benchmark += "Authority \(i % 50),Service \(i),2012/13,cost_per_person,\(1000 + i),\(band),within\n"
        }
        var flags = "authority,service,period,source,rule,metric,value,threshold,severity,message\n"
        for i in 0..<600 {
            flags += "Authority \(i % 50),Service \(i),2012/13,gen.csv:\(i + 2),\(i % 2 == 0 ? "outlier" : "zero-outcomes"),"
                + "cost_per_person,\(1000 + i),3.5,warning,flag number \(i)\n"
        }
        let mean = 1000 + Double(n - 1) / 2
        let tables: [String: String] = [
            "clean/services.csv": services,
            "clean/flags.csv": flags,
            "clean/rejected.csv": "source_file,line,rule,message,column,value,record\n",
            "tables/benchmark.csv": benchmark,
            "tables/descriptives.csv": RunFileSchema.descriptives.header.joined(separator: ",") + "\n"
                + "all,cost_per_person,\(n),\(mean),1,1000,\(mean),\(1000 + n - 1),\(mean - 1),\(mean + 1),,\n"
                + "all,cost_per_outcome,\(n),\(5000 + Double(n - 1)),1,5000,1,1,1,1,,\n",
            "tables/correlations.csv": "group,x,y,n,pearson_r,spearman_rho,ci_low,ci_high,p_value,strength\n"
                + "all,outcome_rate,cost_per_outcome,\(n),0.01,0.01,0,0.02,0.5,negligible\n",
            "tables/trend_lines.csv": "group,x,y,n,intercept,slope\nall,outcome_rate,cost_per_outcome,\(n),20000,-30000\n",
        ]
        for (path, text) in tables { try Data(text.utf8).write(to: directory.appendingPathComponent(path)) }
    }
}
