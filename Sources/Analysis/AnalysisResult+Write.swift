import PipelineDefinition
import Tabular
import VFMCore

extension AnalysisResult {
    /// Writes `tables/*.csv` (SPEC §7 columns, plus `bands.csv` and `trend_lines.csv`) into
    /// a run directory: full precision, missing = empty cell, LF, rows in result order.
    public func write(toRunDirectory dir: String) throws(VFMError) {
        for (path, text) in csvFiles() {
            try FileSystem.write(text, to: dir + "/" + path)
        }
    }

    /// Each table as (run-directory path, CSV text), in a fixed order.
    func csvFiles() -> [(String, String)] {
        [
            (RunLayout.descriptives, descriptivesCSV()),
            (RunLayout.correlations, correlationsCSV()),
            (RunLayout.outcomeMix, outcomeMixCSV()),
            (RunLayout.supportLevels, supportLevelsCSV()),
            (RunLayout.bands, bandsCSV()),
            (RunLayout.benchmark, benchmarkCSV()),
            (RunLayout.trendLines, trendLinesCSV()),
            (RunLayout.valueForMoney, ValueForMoneyFiles.valueForMoneyCSV(valueForMoney)),
            (RunLayout.scenarios, ValueForMoneyFiles.scenariosCSV(scenarios)),
            (RunLayout.valueForMoneyBasis, ValueForMoneyFiles.basisCSV(valueForMoneyBasis)),
        ]
    }

    func descriptivesCSV() -> String {
        var csv = CSVWriter(header: ["group", "metric", "n", "mean", "sd", "min", "median", "max", "band_low", "band_high",
                                     "robust_band_low", "robust_band_high"])
        for row in descriptives {
            csv.append([.text(row.group), .text(row.metric.rawValue), .count(row.n), .number(row.mean), .number(row.sd),
                        .number(row.minimum), .number(row.median), .number(row.maximum), .number(row.bandLow),
                        .number(row.bandHigh), .number(row.robustBandLow), .number(row.robustBandHigh)])
        }
        return csv.text
    }

    func correlationsCSV() -> String {
        var csv = CSVWriter(header: ["group", "x", "y", "n", "pearson_r", "spearman_rho", "ci_low", "ci_high", "p_value",
                                     "strength"])
        for row in correlations {
            csv.append([.text(row.group), .text(row.x.rawValue), .text(row.y.rawValue), .count(row.n),
                        .number(row.pearsonR), .number(row.spearmanRho), .number(row.ciLow), .number(row.ciHigh),
                        .number(row.pValue), .text(row.strength)])
        }
        return csv.text
    }

    func outcomeMixCSV() -> String {
        var csv = CSVWriter(header: ["group", "n", "outcome_rate_mean", "gained_share", "retained_share",
                                     "self_employed_share", "gained_per_100", "retained_per_100",
                                     "self_employed_per_100"])
        for row in outcomeMix {
            csv.append([.text(row.group), .count(row.n), .number(row.outcomeRateMean), .number(row.gainedShare),
                        .number(row.retainedShare), .number(row.selfEmployedShare), .number(row.gainedPer100),
                        .number(row.retainedPer100), .number(row.selfEmployedPer100)])
        }
        return csv.text
    }

    func supportLevelsCSV() -> String {
        var csv = CSVWriter(header: ["group", "n", "share_lt7", "share_7to40", "share_40plus"])
        for row in supportLevels {
            csv.append([.text(row.group), .count(row.n), .number(row.shareLT7), .number(row.share7to40),
                        .number(row.share40plus)])
        }
        return csv.text
    }

    func bandsCSV() -> String {
        var csv = CSVWriter(header: ["metric", "group", "n", "min", "max", "band_low", "mean", "band_high",
                                     "robust_band_low", "robust_band_high"])
        for row in bands {
            csv.append([.text(row.metric.rawValue), .text(row.group), .count(row.n), .number(row.minimum),
                        .number(row.maximum), .number(row.bandLow), .number(row.mean), .number(row.bandHigh),
                        .number(row.robustBandLow), .number(row.robustBandHigh)])
        }
        return csv.text
    }

    func benchmarkCSV() -> String {
        var csv = CSVWriter(header: ["authority", "service", "period", "metric", "value", "all_band", "evidence_band"])
        for row in benchmark {
            csv.append([.text(row.authority), .text(row.service), .text(row.period), .text(row.metric.rawValue),
                        .number(row.value), .text(row.allBand?.rawValue), .text(row.evidenceBand?.rawValue)])
        }
        return csv.text
    }

    func trendLinesCSV() -> String {
        var csv = CSVWriter(header: ["group", "x", "y", "n", "intercept", "slope"])
        for row in trendLines {
            csv.append([.text(row.group), .text(row.x.rawValue), .text(row.y.rawValue), .count(row.n),
                        .number(row.intercept), .number(row.slope)])
        }
        return csv.text
    }
}
