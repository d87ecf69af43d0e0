#!/usr/bin/env python3
"""Independent reference tables for Fixtures/analysis/services.csv (numpy + scipy).

Re-implements SPEC §5 (derived measures) and §6 (statistics) for the built-in pipeline's
groups, metrics, pairs and bands, and writes Fixtures/analysis/expected/*.csv with the
columns of SPEC §7. Missing = empty cell. Run from the repository root:

    python3 Fixtures/analysis/make_reference.py
"""
import csv
import math
import os

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))

GROUPS = ["all", "LD", "MH", "mixed", "evidence_based"]
DESCRIPTIVE_METRICS = ["total_cost", "people_supported", "cost_per_person", "cost_per_outcome", "job_outcomes",
                       "outcome_rate", "gained_share", "retained_share", "self_employed_share", "ld_share",
                       "mh_share", "support_level_index"]
PAIRS = [("outcome_rate", "cost_per_outcome"), ("retained_share", "outcome_rate"), ("gained_share", "outcome_rate"),
         ("cost_per_outcome", "gained_share"), ("total_cost", "cost_per_person"),
         ("people_supported", "outcome_rate"), ("support_level_index", "cost_per_person"),
         ("support_level_index", "cost_per_outcome"), ("support_level_index", "gained_share")]
BAND_METRICS = ["cost_per_person", "cost_per_outcome", "outcome_rate"]
STRENGTH = [(0.7, "very strong"), (0.5, "strong"), (0.3, "moderate"), (0.1, "weak"), (0.0, "negligible")]
Z975 = 1.959963984540054
PHI_MINUS_1, PHI_PLUS_1 = 0.15865525393145707, 0.8413447460685429  # SPEC §6 robust band


def count(text):
    return int(text) if text.strip() else None


def derive(row):
    s = dict(row)
    g, r, se = count(row["outcomes_gained"]), count(row["outcomes_retained"]), count(row["outcomes_self_employed"])
    people, cost = int(row["people_supported"]), float(row["total_cost"])
    full = None not in (g, r, se)
    jo = g + r + se if full else count(row["outcomes_total"])
    s["job_outcomes"] = jo
    s["total_cost"], s["people_supported"] = cost, people
    s["outcome_rate"] = jo / people if jo is not None and people > 0 else None
    s["cost_per_person"] = cost / people if people > 0 else None
    s["cost_per_outcome"] = cost / jo if jo else None
    for key, part in (("gained_share", g), ("retained_share", r), ("self_employed_share", se)):
        s[key] = part / jo if full and jo else None
    ld, mh = count(row["clients_ld"]), count(row["clients_mh"])
    s["ld_share"] = ld / people if ld is not None and people > 0 else None
    s["mh_share"] = mh / people if mh is not None and people > 0 else None
    # SPEC §5's >50% rule, LD first; the file records the focus each row was chosen to have.
    if s["ld_share"] is not None and s["ld_share"] > 0.5:
        focus = "LD"
    elif s["mh_share"] is not None and s["mh_share"] > 0.5:
        focus = "MH"
    elif s["ld_share"] is not None and s["mh_share"] is not None:
        focus = "mixed"
    else:
        focus = "unknown"
    assert focus == row["client_focus"], (row["service"], focus, row["client_focus"])
    levels = [count(row[k]) for k in ("support_lt7", "support_7to40", "support_40plus")]
    s["support"] = levels if None not in levels and sum(levels) > 0 else None
    if s["support"]:
        total = sum(levels)
        # SPEC §5: one correctly rounded quotient (exact integers, so Python's / rounds once).
        s["support_level_index"] = (levels[0] + 3 * levels[1] + 10 * levels[2]) / total
    else:
        s["support_level_index"] = None
    s["breakdown"] = (g, r, se) if full else None
    s["excluded"] = row["excluded"] == "true"
    return s


def in_group(s, group):
    if group == "all":
        return True
    if group == "evidence_based":
        return s["evidence_based"] in ("ips-fidelity", "observed-good-practice")
    return s["client_focus"] == group


def values(members, metric):
    return [m[metric] for m in members if m[metric] is not None]


def summary(vals):
    if not vals:
        return None
    a = np.array(vals, dtype=float)
    sd = float(np.std(a, ddof=1)) if len(a) >= 2 else None
    return dict(n=len(a), mean=float(np.mean(a)), sd=sd, min=float(a.min()), median=float(np.median(a)),
                max=float(a.max()))


def robust_band(vals):
    """Type 7 quantiles at Φ(−1) and Φ(1): numpy's default np.quantile (method="linear")."""
    if len(vals) < 2:
        return None, None
    a = np.array(vals, dtype=float)
    return float(np.quantile(a, PHI_MINUS_1)), float(np.quantile(a, PHI_PLUS_1))


def band(su):
    if su is None or su["sd"] is None:
        return None, None
    return max(0.0, su["mean"] - su["sd"]), su["mean"] + su["sd"]


def correlation(xs, ys):
    n = len(xs)
    out = dict(n=n, r=None, rho=None, lo=None, hi=None, p=None, strength=None)
    if n < 3 or len(set(xs)) == 1 or len(set(ys)) == 1:
        return out
    r, p = stats.pearsonr(xs, ys)
    rho = stats.spearmanr(xs, ys).statistic
    out.update(r=float(r), rho=float(rho), p=float(p))
    if abs(r) >= 1:
        out.update(lo=float(r), hi=float(r), p=0.0)
    elif n >= 4:
        z, half = math.atanh(r), Z975 / math.sqrt(n - 3)
        out.update(lo=math.tanh(z - half), hi=math.tanh(z + half))
    out["strength"] = next(word for minimum, word in STRENGTH if abs(r) >= minimum)
    return out


def cell(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v)


def write(name, header, rows):
    with open(os.path.join(HERE, "expected", name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([cell(v) for v in row])


def main():
    with open(os.path.join(HERE, "services.csv"), newline="") as f:
        services = [derive(row) for row in csv.DictReader(f)]
    stat = [s for s in services if not s["excluded"]]
    members = {g: [s for s in stat if in_group(s, g)] for g in GROUPS}

    rows = []
    for g in GROUPS:
        for metric in DESCRIPTIVE_METRICS:
            vals = values(members[g], metric)
            su = summary(vals)
            lo, hi = band(su)
            rows.append([g, metric] + ([0] + [None] * 5 if su is None else
                                       [su["n"], su["mean"], su["sd"], su["min"], su["median"], su["max"]])
                        + [lo, hi] + list(robust_band(vals)))
    write("descriptives.csv", ["group", "metric", "n", "mean", "sd", "min", "median", "max", "band_low", "band_high",
                               "robust_band_low", "robust_band_high"], rows)

    rows, trend = [], []
    for g in GROUPS:
        for x, y in PAIRS:
            both = [(m[x], m[y]) for m in members[g] if m[x] is not None and m[y] is not None]
            xs, ys = [b[0] for b in both], [b[1] for b in both]
            c = correlation(xs, ys)
            rows.append([g, x, y, c["n"], c["r"], c["rho"], c["lo"], c["hi"], c["p"], c["strength"]])
            if len(xs) >= 2 and len(set(xs)) > 1:
                fit = stats.linregress(xs, ys)
                trend.append([g, x, y, len(xs), float(fit.intercept), float(fit.slope)])
            else:
                trend.append([g, x, y, len(xs), None, None])
    write("correlations.csv", ["group", "x", "y", "n", "pearson_r", "spearman_rho", "ci_low", "ci_high", "p_value",
                               "strength"], rows)
    write("trend_lines.csv", ["group", "x", "y", "n", "intercept", "slope"], trend)

    rows = []
    for g in GROUPS:
        with_rate = [m for m in members[g] if m["outcome_rate"] is not None]
        mean_rate = float(np.mean([m["outcome_rate"] for m in with_rate])) if with_rate else None
        parts = [m["breakdown"] for m in with_rate if m["breakdown"]]
        total = sum(sum(p) for p in parts)
        shares = [sum(p[i] for p in parts) / total if total > 0 else None for i in range(3)]
        per100 = [100 * mean_rate * sh if sh is not None and mean_rate is not None else None for sh in shares]
        rows.append([g, len(with_rate), mean_rate] + shares + per100)
    write("outcome_mix.csv", ["group", "n", "outcome_rate_mean", "gained_share", "retained_share",
                              "self_employed_share", "gained_per_100", "retained_per_100", "self_employed_per_100"],
          rows)

    rows = []
    for g in GROUPS:
        levels = [m["support"] for m in members[g] if m["support"]]
        total = sum(sum(l) for l in levels)
        rows.append([g, len(levels)] + [sum(l[i] for l in levels) / total if levels else None for i in range(3)])
    write("support_levels.csv", ["group", "n", "share_lt7", "share_7to40", "share_40plus"], rows)

    rows, bands = [], {}
    for metric in BAND_METRICS:
        for g in ("evidence_based", "all"):
            vals = values(members[g], metric)
            su = summary(vals)
            lo, hi = band(su)
            bands[(metric, g)] = (lo, hi)
            rows.append([metric, g] + ([0, None, None] if su is None else [su["n"], su["min"], su["max"]])
                        + [lo, None if su is None else su["mean"], hi] + list(robust_band(vals)))
    write("bands.csv", ["metric", "group", "n", "min", "max", "band_low", "mean", "band_high", "robust_band_low",
                        "robust_band_high"], rows)

    def position(v, b):
        lo, hi = b
        if v is None or lo is None:
            return None
        return "below" if v < lo else "above" if v > hi else "within"

    rows = []
    ordered = sorted(services, key=lambda s: (s["authority"], s["service"], s["period"]))
    for s in ordered:
        for metric in BAND_METRICS:
            v = s[metric]
            rows.append([s["authority"], s["service"], s["period"], metric, v,
                         position(v, bands[(metric, "all")]), position(v, bands[(metric, "evidence_based")])])
    write("benchmark.csv", ["authority", "service", "period", "metric", "value", "all_band", "evidence_band"], rows)


if __name__ == "__main__":
    main()
