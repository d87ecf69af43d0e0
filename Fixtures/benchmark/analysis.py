#!/usr/bin/env python3
"""The analysis only, in pandas or polars, as the yardstick of `make bench` (issue 12).

    analysis.py pandas|polars RETURNS.csv

Read the return (missing words as missing, `£` and thousands separators stripped), drop
rows without the required values, derive the study's measures (SPEC §5: job outcomes,
outcome rate, cost per person / per job outcome, the gained/retained/self-employed
shares, LD/MH shares, client focus, Support Level Index), then for the five built-in
groups (all, LD, MH, mixed, evidence_based) describe every metric (n, mean, SD, min,
median, max) and compute Pearson and Spearman for the nine pairs of
Pipelines/ndti-2014.toml, pairwise complete. Prints one line of counts so the work
cannot be optimised away. No output files: this is what `vfm run` is measured against.
"""
import sys

MISSING = ["", "n/a", "N/A", "-", "don't know", "don’t know", "no info available", "not known"]
MONEY = ["total_cost"]
# pandas and polars match missing words exactly: the cases returns use are listed.
MISSING_ANY_CASE = sorted({v for w in MISSING for v in (w, w.lower(), w.upper(), w.capitalize())})
COUNTS = ["people_supported", "clients_ld", "clients_mh", "support_lt7", "support_7to40", "support_40plus",
          "outcomes_gained", "outcomes_retained", "outcomes_self_employed", "outcomes_total"]
METRICS = ["total_cost", "people_supported", "cost_per_person", "cost_per_outcome", "job_outcomes",
           "outcome_rate", "gained_share", "retained_share", "self_employed_share", "ld_share", "mh_share",
           "support_level_index"]
PAIRS = [("outcome_rate", "cost_per_outcome"), ("retained_share", "outcome_rate"),
         ("gained_share", "outcome_rate"), ("cost_per_outcome", "gained_share"),
         ("total_cost", "cost_per_person"), ("people_supported", "outcome_rate"),
         ("support_level_index", "cost_per_person"), ("support_level_index", "cost_per_outcome"),
         ("support_level_index", "gained_share")]


def with_pandas(path):
    import numpy as np
    import pandas as pd
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=MISSING_ANY_CASE,
                        skipinitialspace=True)
    for name in MONEY + COUNTS:
        frame[name] = pd.to_numeric(frame[name].str.replace("£", "", regex=False).str.replace(",", "", regex=False),
                                    errors="coerce")
    frame = frame.dropna(subset=["authority", "service", "total_cost", "people_supported"])
    people = frame["people_supported"].where(frame["people_supported"] > 0)
    outcomes = frame["outcomes_gained"] + frame["outcomes_retained"] + frame["outcomes_self_employed"]
    frame["job_outcomes"] = outcomes.fillna(frame["outcomes_total"])
    frame["outcome_rate"] = frame["job_outcomes"] / people
    frame["cost_per_person"] = frame["total_cost"] / people
    frame["cost_per_outcome"] = frame["total_cost"] / frame["job_outcomes"].where(frame["job_outcomes"] > 0)
    for part, share in [("outcomes_gained", "gained_share"), ("outcomes_retained", "retained_share"),
                        ("outcomes_self_employed", "self_employed_share")]:
        frame[share] = (frame[part] / outcomes.where(outcomes > 0))
    frame["ld_share"] = frame["clients_ld"] / people
    frame["mh_share"] = frame["clients_mh"] / people
    support = frame["support_lt7"] + frame["support_7to40"] + frame["support_40plus"]
    support = support.where(support > 0)
    frame["support_level_index"] = (frame["support_lt7"] + 3 * frame["support_7to40"]
                                    + 10 * frame["support_40plus"]) / support
    focus = np.where(frame["ld_share"] > 0.5, "LD", np.where(frame["mh_share"] > 0.5, "MH", np.where(
        frame["ld_share"].notna() & frame["mh_share"].notna(), "mixed", "unknown")))
    evidence = frame["evidence_based"].str.lower().isin(["ips-fidelity", "observed-good-practice"])
    groups = {"all": frame, "LD": frame[focus == "LD"], "MH": frame[focus == "MH"],
              "mixed": frame[focus == "mixed"], "evidence_based": frame[evidence.to_numpy()]}
    cells = 0
    for group in groups.values():
        described = group[METRICS].agg(["count", "mean", "std", "min", "median", "max"])
        cells += described.size
        for x, y in PAIRS:
            pair = group[[x, y]].dropna()
            if len(pair) >= 3:
                pair[x].corr(pair[y])
                pair[x].corr(pair[y], method="spearman")
                cells += 2
    return len(frame), cells


def with_polars(path):
    import polars as pl
    frame = pl.read_csv(path, infer_schema_length=0, null_values=MISSING_ANY_CASE)
    frame = frame.with_columns([
        pl.col(c).str.replace_all("£", "", literal=True).str.replace_all(",", "", literal=True)
        .cast(pl.Float64, strict=False).alias(c) for c in MONEY + COUNTS])
    frame = frame.drop_nulls(subset=["authority", "service", "total_cost", "people_supported"])
    people = pl.when(pl.col("people_supported") > 0).then(pl.col("people_supported"))
    outcomes = pl.col("outcomes_gained") + pl.col("outcomes_retained") + pl.col("outcomes_self_employed")
    frame = frame.with_columns(
        pl.coalesce(outcomes, pl.col("outcomes_total")).alias("job_outcomes"),
        (pl.col("total_cost") / people).alias("cost_per_person"),
        (pl.col("clients_ld") / people).alias("ld_share"),
        (pl.col("clients_mh") / people).alias("mh_share"),
        *[(pl.col(part) / pl.when(outcomes > 0).then(outcomes)).alias(share) for part, share in [
            ("outcomes_gained", "gained_share"), ("outcomes_retained", "retained_share"),
            ("outcomes_self_employed", "self_employed_share")]],
        ((pl.col("support_lt7") + 3 * pl.col("support_7to40") + 10 * pl.col("support_40plus"))
         / pl.when((pl.col("support_lt7") + pl.col("support_7to40") + pl.col("support_40plus")) > 0)
         .then(pl.col("support_lt7") + pl.col("support_7to40") + pl.col("support_40plus")))
        .alias("support_level_index"),
    )
    frame = frame.with_columns(
        (pl.col("job_outcomes") / people).alias("outcome_rate"),
        (pl.col("total_cost") / pl.when(pl.col("job_outcomes") > 0).then(pl.col("job_outcomes")))
        .alias("cost_per_outcome"),
        pl.when(pl.col("ld_share") > 0.5).then(pl.lit("LD")).when(pl.col("mh_share") > 0.5).then(pl.lit("MH"))
        .when(pl.col("ld_share").is_not_null() & pl.col("mh_share").is_not_null()).then(pl.lit("mixed"))
        .otherwise(pl.lit("unknown")).alias("client_focus"),
        pl.col("evidence_based").str.to_lowercase().is_in(["ips-fidelity", "observed-good-practice"])
        .fill_null(False).alias("is_evidence_based"),
    )
    groups = {"all": frame, "LD": frame.filter(pl.col("client_focus") == "LD"),
              "MH": frame.filter(pl.col("client_focus") == "MH"),
              "mixed": frame.filter(pl.col("client_focus") == "mixed"),
              "evidence_based": frame.filter(pl.col("is_evidence_based"))}
    cells = 0
    for group in groups.values():
        described = group.select([agg(pl.col(m)).alias(f"{m}_{name}") for m in METRICS for name, agg in [
            ("n", lambda c: c.count()), ("mean", lambda c: c.mean()), ("sd", lambda c: c.std()),
            ("min", lambda c: c.min()), ("median", lambda c: c.median()), ("max", lambda c: c.max())]])
        cells += described.width
        for x, y in PAIRS:
            pair = group.select(x, y).drop_nulls()
            if pair.height >= 3:
                pair.select(pl.corr(x, y, method="pearson"), pl.corr(x, y, method="spearman").alias("rho"))
                cells += 2
    return frame.height, cells


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("pandas", "polars"):
        sys.exit("usage: analysis.py pandas|polars RETURNS.csv")
    rows, cells = (with_pandas if sys.argv[1] == "pandas" else with_polars)(sys.argv[2])
    print(f"{sys.argv[1]}: {rows} rows analysed, {cells} figures")


if __name__ == "__main__":
    main()
