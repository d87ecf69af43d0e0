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
# required except [model], the [[scenarios]] and the keys marked optional; a wrong
# key, type, metric or group name stops the run with exit status 78, naming
# the file, line and key.
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

[model]
# What explains value for money (SPEC §14): a Poisson regression of each
# service's job outcomes with offset log(total cost), so exp(coefficient) is a
# rate ratio: how many times as many job outcomes per pound, the other
# covariates equal. Fitted over the current returns with total cost > 0, job
# outcomes known and every covariate known; robust (HC0) standard errors,
# because services' outcomes are over-dispersed. Covariates, in order, after an
# intercept:
#   evidence_based        1 for ips-fidelity or observed-good-practice, else 0
#   client_focus          indicators of MH and mixed (LD the reference;
#                         services of unknown client focus are left out)
#   log_people_supported  natural log of people supported (> 0)
#   support_level_index   optional: the Support Level Index (services with
#                         support-level data only)
# Leave [model] out for no model; leave `covariates` out for the first three.
covariates = ["evidence_based", "client_focus", "log_people_supported"]

# What a budget buys (SPEC §6.1): tables/value_for_money.csv gives each
# group's job outcomes per pound as a ratio of totals (its services' total job
# outcomes / their total cost), with a 95% interval (Cochran's linearised
# standard error); tables/scenarios.csv prices the scenarios below at those
# rates. Every scenario assumes job outcomes scale with spend: these are
# services' own returns, not a trial. [[scenarios]] are optional (none: no
# scenarios.csv rows). The keys depend on the kind:
#   kind = "budget"        amount: £ a year; years: optional, default 1;
#                          groups: optional (below)
#   kind = "reallocation"  share: the fraction (above 0, at most 1) of the spend
#                          on services that are not evidence-based moved to
#                          services performing like the evidence-based ones;
#                          spend: optional £ to take the share of, instead of
#                          those services' total in these returns
#   kind = "alternative"   cost: £ per person per year of an alternative (e.g.
#                          a day-service place), against each group's pooled
#                          cost per job outcome; groups: optional
# groups: the rates to price at, any group above or "not_evidence_based";
# default ["evidence_based", "all"]. For example:
#   [[scenarios]]
#   name = "our-ld-budget"
#   kind = "budget"
#   amount = 250000
#   years = 3
#   groups = ["LD", "all"]

# Seed 003 (a council's business case): the 2023/24 supported employment
# contract of £195,974 a year, for 1 year and for its 9 years (£1,763,766).
[[scenarios]]
name = "contract-1-year"
kind = "budget"
amount = 195974

[[scenarios]]
name = "contract-9-years"
kind = "budget"
amount = 195974
years = 9

# Seed 004 (NDTi): "if the two thirds of local authority/NHS budgets currently
# spent on non-evidence based services was spent on support that works".
[[scenarios]]
name = "two-thirds-moved"
kind = "reallocation"
share = 0.6666666666666666

# Seed 000: a day-service place at £14,998 a year (North Lanarkshire) and at
# £11,200 (Kent), against supported employment's cost per job outcome.
[[scenarios]]
name = "day-service-north-lanarkshire"
kind = "alternative"
cost = 14998

[[scenarios]]
name = "day-service-kent"
kind = "alternative"
cost = 11200

"""#
}
