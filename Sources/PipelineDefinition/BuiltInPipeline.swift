/// The text of `Pipelines/ndti-2014.toml`, compiled in so that an installed `vfm` needs no
/// resource bundle beside it. A test asserts it is byte-identical to the file: after editing
/// the file, paste it here between the delimiters (it ends with one newline).
enum BuiltInPipeline {
    static let displayPath = "ndti-2014.toml (built-in)"

    static let text = #"""
# The NDTi 2014 value-for-money analysis of employment support (study Section 5).
#
# This file is the analysis as data: which groups, metrics, correlation pairs,
# outlier rules and bands `vfm` computes. It reproduces the published analysis
# and is built into `vfm` byte for byte (used when no --config is given).
# Copy it, edit it, and run `vfm run --config my.toml`. Every key below is
# required; a wrong key, type, metric or group name stops the run with exit
# status 78, naming the file, line and key.
#
# Metric names (SPEC §4-5): total_cost, people_supported, job_outcomes,
# outcome_rate, cost_per_person, cost_per_outcome, gained_share,
# retained_share, self_employed_share, ld_share, mh_share, support_level_index.
# Rates and shares are fractions (0.38, not 38).

name = "NDTi 2014 employment support: value for money (Section 5)"

[input]
# Cell values read as *missing*, never zero, in every column (matched ignoring
# case, surrounding spaces and straight/curly apostrophes; an empty cell is
# always missing). The study's questionnaire asked respondents to write such
# words instead of leaving a box blank (SPEC §4).
missing_values = ["n/a", "-", "don't know", "don’t know", "no info available", "not known"]

[checks]
# Client-group or support-level counts whose sum differs from people_supported
# by this fraction or more are flagged (SPEC §5: 10%).
count_mismatch_tolerance = 0.10
# A reported cost per person / per job outcome that differs from the derived
# one by this fraction or more is flagged (1% allows rounding to the pound).
reported_ratio_tolerance = 0.01
# Duplicate (authority, service, period) rows: "keep-all" flags every copy and
# keeps them (the study checked returns with services rather than deleting);
# "keep-first" keeps the first by (source file, line) and rejects the others.
duplicates = "keep-all"

[outliers]
# false: outliers are flagged and kept in every statistic, as the study did.
# true: they stay in clean/services.csv, flagged, but enter no statistic.
exclude_outliers = false
# One screen per metric. method: "modified-z" (Iglewicz & Hoaglin 1993,
# |0.6745 (x - median) / MAD| > threshold, 3.5 recommended), "tukey"
# (outside the quartiles by threshold x IQR, 1.5), or "z" (|x - mean| / sd >
# threshold, 3). log_scale screens log(x): costs are strongly right-skewed
# (£165 to £10,000 per person in the study); values <= 0 are then not screened.
rules = [
  { metric = "cost_per_person", method = "modified-z", threshold = 3.5, log_scale = true },
  { metric = "cost_per_outcome", method = "modified-z", threshold = 3.5, log_scale = true },
  { metric = "total_cost", method = "modified-z", threshold = 3.5, log_scale = true },
  { metric = "people_supported", method = "modified-z", threshold = 3.5, log_scale = true },
  { metric = "outcome_rate", method = "modified-z", threshold = 3.5, log_scale = false },
]

# Groups, in report order. The built-in names select by the study's rules and
# take no filter:
#   all             every service
#   LD, MH, mixed   client focus: more than half of the people supported have a
#                   learning disability (LD) or a mental health problem (MH);
#                   mixed = both shares known and neither above half
#   evidence_based  evidence_based is ips-fidelity or observed-good-practice
#                   (the study's 13 "evidence based practice sites")
# Any other name is a filter on one column, canonical or extra (e.g. region),
# matched ignoring case and surrounding spaces:
#   [[groups]]
#   name = "north_west"
#   column = "region"
#   values = ["North West"]

[[groups]]
name = "all"

[[groups]]
name = "LD"

[[groups]]
name = "MH"

[[groups]]
name = "mixed"

[[groups]]
name = "evidence_based"

[descriptives]
# Described per group (tables/descriptives.csv: n, mean, sd, min, median, max,
# mean -/+ 1 sd). Study Table 4 and the text of Section 5.
metrics = [
  "total_cost",
  "people_supported",
  "cost_per_person",
  "cost_per_outcome",
  "job_outcomes",
  "outcome_rate",
  "gained_share",
  "retained_share",
  "self_employed_share",
  "ld_share",
  "mh_share",
  "support_level_index",
]

[correlations]
# Every pair is computed for every group (n, Pearson r with 95% CI and p,
# Spearman rho), x and y in the order written here.
pairs = [
  { x = "outcome_rate", y = "cost_per_outcome" },         # Chart 8: r = -0.58 (n=68)
  { x = "retained_share", y = "outcome_rate" },           # Table 7, Chart 10: 0.68
  { x = "gained_share", y = "outcome_rate" },             # Table 7, Chart 9: -0.64
  { x = "cost_per_outcome", y = "gained_share" },         # Chart 11: 0.45 (n=67)
  { x = "total_cost", y = "cost_per_person" },            # Chart 12: 0.47 (n=70)
  { x = "people_supported", y = "outcome_rate" },         # size vs outcomes: 0.19
  { x = "support_level_index", y = "cost_per_person" },   # LD: 0.03 (n=18)
  { x = "support_level_index", y = "cost_per_outcome" },  # LD: 0.25 (n=16)
  { x = "support_level_index", y = "gained_share" },      # LD: 0.3
]

[bands]
# Mean -/+ 1 sd bands of evidence-based vs all services (study Table 8,
# tables/bands.csv) and each service's position against them
# (tables/benchmark.csv).
metrics = ["cost_per_person", "cost_per_outcome", "outcome_rate"]

[strength]
# Words for |r|, checked from the top: the first minimum <= |r| applies.
# 0.1 / 0.3 / 0.5 are Cohen's small / medium / large correlations (J. Cohen,
# Statistical Power Analysis for the Behavioral Sciences, 2nd ed., 1988,
# section 3.2); 0.7 "very strong" is this pipeline's own addition.
scale = [
  { minimum = 0.7, word = "very strong" },
  { minimum = 0.5, word = "strong" },
  { minimum = 0.3, word = "moderate" },
  { minimum = 0.1, word = "weak" },
  { minimum = 0.0, word = "negligible" },
]

"""#
}
