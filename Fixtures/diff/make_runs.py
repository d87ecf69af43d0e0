#!/usr/bin/env python3
"""Builds the small run directories under Fixtures/diff/ that the RunDiff tests compare.

Developer script, never run by the tool or the tests. Each run is made from a handful of
services declared below; the statistics in its tables are computed here with numpy/scipy
(an implementation independent of the project's), so every table is consistent with the
services it claims to describe. Some runs then override a table by hand (noted at the
case). The expected diffs in Fixtures/diff/expected/ are written and checked by hand.

    python3 Fixtures/diff/make_runs.py      # rewrites Fixtures/diff/runs/*
"""
import copy, hashlib, json, math, os, shutil
import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
RUNS = os.path.join(HERE, "runs")

CANONICAL = ["authority", "service", "period", "model", "evidence_based", "total_cost", "people_supported",
             "clients_ld", "clients_mh", "clients_physical_sensory", "clients_autism", "clients_homeless",
             "clients_drug_alcohol", "clients_other", "support_lt7", "support_7to40", "support_40plus",
             "outcomes_gained", "outcomes_retained", "outcomes_self_employed", "outcomes_total", "outcomes_ld",
             "outcomes_mh", "outcomes_physical_sensory", "outcomes_autism", "outcomes_homeless",
             "outcomes_drug_alcohol", "outcomes_other", "outcomes_lt7", "outcomes_7to40", "outcomes_40plus",
             "reported_cost_per_person", "reported_cost_per_outcome"]
DERIVED = ["job_outcomes", "outcome_rate", "cost_per_person", "cost_per_outcome", "gained_share",
           "retained_share", "self_employed_share", "ld_share", "mh_share", "client_focus", "share_lt7",
           "share_7to40", "share_40plus", "support_level_index"]
GROUPS = ["all", "LD", "MH", "evidence_based"]
DESCRIBED = ["total_cost", "cost_per_person", "outcome_rate"]
PAIRS = [("outcome_rate", "cost_per_outcome"), ("total_cost", "cost_per_person")]
BANDED = ["cost_per_person", "cost_per_outcome", "outcome_rate"]
STRENGTH = [(0.7, "strong"), (0.4, "moderate"), (0.2, "weak"), (0.0, "very weak")]


def service(authority, name, cost, people, gained, retained, self_employed, ld, mh, evidence="", support=None,
            line=2):
    s = {c: "" for c in CANONICAL}
    s.update(authority=authority, service=name, period="2012/13", evidence_based=evidence, total_cost=cost,
             people_supported=people, clients_ld=ld, clients_mh=mh, outcomes_gained=gained,
             outcomes_retained=retained, outcomes_self_employed=self_employed)
    if support:
        s.update(support_lt7=support[0], support_7to40=support[1], support_40plus=support[2])
    s["_line"] = line
    return s


BASE_SERVICES = [
    service("Northshire", "Pathways IPS", 120000, 100, 30, 10, 0, 5, 90, evidence="ips-fidelity", line=2),
    service("Northshire", "Supported Work", 200000, 80, 16, 8, 0, 70, 5, support=(40, 30, 10), line=3),
    service("Southvale", "Job Club", 90000, 150, 20, 10, 0, 20, 100, line=4),
    service("Southvale", "Work & Wellbeing | Team", 150000, 50, 12, 8, 0, 30, 10, support=(30, 15, 5), line=5),
]
BASE_FLAGS = [
    ("Southvale", "Work & Wellbeing | Team", "returns.csv:5", "client-count-mismatch", "people_supported", 40, 50,
     "warning", "client groups add up to 40 but people supported is 50 (off by 20%)"),
]
BASE_REJECTS = [
    ["returns.csv", 6, "negative-count", "`people_supported` is -5: counts cannot be negative",
     "Westfield", "Bridge to Work", "2012/13", "45000", "-5", "2", "1", "0"],
]


def derive(s):
    d = {}
    cost, people = s["total_cost"], s["people_supported"]
    jo = s["outcomes_gained"] + s["outcomes_retained"] + s["outcomes_self_employed"]
    d["job_outcomes"] = jo
    d["outcome_rate"] = jo / people if people else None
    d["cost_per_person"] = cost / people if people else None
    d["cost_per_outcome"] = cost / jo if jo else None
    for key, column in [("gained_share", "outcomes_gained"), ("retained_share", "outcomes_retained"),
                        ("self_employed_share", "outcomes_self_employed")]:
        d[key] = s[column] / jo if jo else None
    d["ld_share"] = s["clients_ld"] / people
    d["mh_share"] = s["clients_mh"] / people
    d["client_focus"] = "LD" if d["ld_share"] > 0.5 else "MH" if d["mh_share"] > 0.5 else "mixed"
    if s["support_lt7"] != "":
        total = s["support_lt7"] + s["support_7to40"] + s["support_40plus"]
        d["share_lt7"], d["share_7to40"], d["share_40plus"] = (s["support_lt7"] / total, s["support_7to40"] / total,
                                                               s["support_40plus"] / total)
        d["support_level_index"] = (s["support_lt7"] + 3 * s["support_7to40"] + 10 * s["support_40plus"]) / total
    else:
        d["share_lt7"] = d["share_7to40"] = d["share_40plus"] = d["support_level_index"] = None
    return d


def num(v):
    """NumberFormatting.csv: shortest round-trip, integral without .0, missing empty."""
    if v is None or v == "":
        return ""
    if isinstance(v, str):
        return v
    v = float(v)
    if v == 0:
        return "0"
    if v == round(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def text(v):
    v = "" if v is None else str(v)
    if v and v[0] in "=+-@\t\r\n":
        try:
            float(v)
            return v
        except ValueError:
            return "'" + v
    return v


def csv_line(cells):
    out = []
    for c in cells:
        if any(ch in c for ch in ',"\n\r'):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return ",".join(out) + "\n"


def members(services, group):
    if group == "all":
        return services
    if group == "evidence_based":
        return [s for s in services if s["evidence_based"]]
    return [s for s in services if s["_d"]["client_focus"] == group]


def values(group_services, metric):
    out = []
    for s in group_services:
        v = s["_d"][metric] if metric in s["_d"] else s[metric]
        if v is not None and v != "":
            out.append(float(v))
    return out


def summary(xs):
    n = len(xs)
    if n == 0:
        return dict(n=0, mean=None, sd=None, min=None, median=None, max=None, band_low=None, band_high=None)
    a = np.array(xs)
    mean = float(np.mean(a))
    sd = float(np.std(a, ddof=1)) if n >= 2 else None
    return dict(n=n, mean=mean, sd=sd, min=float(a.min()), median=float(np.median(a)), max=float(a.max()),
                band_low=max(0.0, mean - sd) if sd is not None else None,
                band_high=mean + sd if sd is not None else None)


def correlation(group_services, x, y):
    pairs = [(s["_d"].get(x, s.get(x)), s["_d"].get(y, s.get(y))) for s in group_services]
    pairs = [(float(a), float(b)) for a, b in pairs if a not in (None, "") and b not in (None, "")]
    n = len(pairs)
    row = dict(n=n, r=None, rho=None, lo=None, hi=None, p=None, strength=None)
    if n < 3:
        return row
    xs, ys = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    r, p = stats.pearsonr(xs, ys)
    row.update(r=float(r), p=float(p), rho=float(stats.spearmanr(xs, ys).statistic))
    if n >= 4:
        z, half = math.atanh(r), 1.959963984540054 / math.sqrt(n - 3)
        row.update(lo=math.tanh(z - half), hi=math.tanh(z + half))
    row["strength"] = next(word for limit, word in STRENGTH if abs(r) >= limit)
    return row


def write(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(content)


def trend(group_services, x, y):
    """scipy.stats.linregress of y on x over services with both: (n, intercept, slope)."""
    pairs = [(s["_d"].get(x, s.get(x)), s["_d"].get(y, s.get(y))) for s in group_services]
    pairs = [(float(a), float(b)) for a, b in pairs if a not in (None, "") and b not in (None, "")]
    if len(pairs) < 2 or len(set(p[0] for p in pairs)) < 2:
        return len(pairs), None, None
    fit = stats.linregress([p[0] for p in pairs], [p[1] for p in pairs])
    return len(pairs), float(fit.intercept), float(fit.slope)


def value_for_money(run, services, groups):
    """SPEC §6.1 tables for runs that have them: per group S, J, S/J, mean cost per job
    outcome, 100,000·J/S, and (by hand, a stand-in) its CI ±10%; one budget scenario."""
    lines = [csv_line(["group", "n", "total_cost", "job_outcomes", "pooled_cost_per_outcome",
                       "mean_cost_per_outcome", "outcomes_per_100k", "ci_low", "ci_high"])]
    scenario_lines = [csv_line(["scenario", "kind", "group", "quantity", "value", "ci_low", "ci_high"])]
    for g in groups:
        ms = members(services, g)
        spend = sum(s["total_cost"] for s in ms)
        jobs = sum(s["_d"]["job_outcomes"] for s in ms)
        costs = values(ms, "cost_per_outcome")
        q = 100000 * jobs / spend if spend else None
        lines.append(csv_line([g, num(len(ms)), num(spend), num(jobs), num(spend / jobs if jobs else None),
                               num(float(np.mean(costs)) if costs else None), num(q),
                               num(q * 0.9 if q else None), num(q * 1.1 if q else None)]))
        if q:
            scenario_lines.append(csv_line(["contract-1-year", "budget", g, "job_outcomes", num(5 * q),
                                            num(5 * q * 0.9), num(5 * q * 1.1)]))
    write(os.path.join(run, "tables/value_for_money.csv"), "".join(lines))
    write(os.path.join(run, "tables/scenarios.csv"), "".join(scenario_lines))


def build(name, services, flags, rejects, groups=GROUPS, tool_version="0.1.0", pipeline_sha=None,
          correlation_override=None, with_value_for_money=False):
    run = os.path.join(RUNS, name)
    shutil.rmtree(run, ignore_errors=True)
    services = copy.deepcopy(services)
    for s in services:
        s["_d"] = derive(s)
    services.sort(key=lambda s: (s["authority"], s["service"], s["period"], s["_line"]))

    lines = [csv_line(CANONICAL + DERIVED + ["source", "flags"])]
    flag_rules = {}
    for f in flags:
        flag_rules.setdefault((f[0], f[1]), []).append(f[3])
    for s in services:
        d = s["_d"]
        cells = [text(s[c]) if c in ("authority", "service", "period", "model", "evidence_based") else num(s[c])
                 for c in CANONICAL]
        cells += [text(d[c]) if c == "client_focus" else num(d[c]) for c in DERIVED]
        cells += ["returns.csv:%d" % s["_line"], ";".join(flag_rules.get((s["authority"], s["service"]), []))]
        lines.append(csv_line(cells))
    write(os.path.join(run, "clean/services.csv"), "".join(lines))

    lines = [csv_line(["authority", "service", "period", "source", "rule", "metric", "value", "threshold",
                       "severity", "message"])]
    for f in sorted(flags, key=lambda f: (f[0], f[1], f[3])):
        lines.append(csv_line([text(f[0]), text(f[1]), "2012/13", f[2], f[3], f[4], num(f[5]), num(f[6]), f[7],
                               text(f[8])]))
    write(os.path.join(run, "clean/flags.csv"), "".join(lines))

    lines = [csv_line(["source_file", "line", "rule", "message"])]
    for r in sorted(rejects, key=lambda r: (r[0], r[1])):
        lines.append(csv_line([r[0], str(r[1]), r[2], text(r[3])] + [text(c) for c in r[4:]]))
    write(os.path.join(run, "clean/rejected.csv"), "".join(lines))

    lines = [csv_line(["group", "metric", "n", "mean", "sd", "min", "median", "max", "band_low", "band_high"])]
    for g in groups:
        for m in DESCRIBED:
            t = summary(values(members(services, g), m))
            lines.append(csv_line([g, m] + [num(t[k]) for k in
                                             ["n", "mean", "sd", "min", "median", "max", "band_low", "band_high"]]))
    write(os.path.join(run, "tables/descriptives.csv"), "".join(lines))

    lines = [csv_line(["group", "n", "outcome_rate_mean", "gained_share", "retained_share", "self_employed_share",
                       "gained_per_100", "retained_per_100", "self_employed_per_100"])]
    for g in groups:
        ms = [s for s in members(services, g) if s["_d"]["outcome_rate"] is not None]
        rate = float(np.mean([s["_d"]["outcome_rate"] for s in ms])) if ms else None
        jo = sum(s["_d"]["job_outcomes"] for s in ms)
        shares = [sum(s[c] for s in ms) / jo if jo else None
                  for c in ["outcomes_gained", "outcomes_retained", "outcomes_self_employed"]]
        per100 = [100 * rate * sh if rate is not None and sh is not None else None for sh in shares]
        lines.append(csv_line([g, num(len(ms)), num(rate)] + [num(v) for v in shares + per100]))
    write(os.path.join(run, "tables/outcome_mix.csv"), "".join(lines))

    lines = [csv_line(["group", "n", "share_lt7", "share_7to40", "share_40plus"])]
    for g in groups:
        ms = [s for s in members(services, g) if s["support_lt7"] != ""]
        sums = [sum(s[c] for s in ms) for c in ["support_lt7", "support_7to40", "support_40plus"]]
        total = sum(sums)
        lines.append(csv_line([g, num(len(ms))] + [num(v / total) if total else "" for v in sums]))
    write(os.path.join(run, "tables/support_levels.csv"), "".join(lines))

    lines = [csv_line(["group", "x", "y", "n", "pearson_r", "spearman_rho", "ci_low", "ci_high", "p_value",
                       "strength"])]
    for g in groups:
        for x, y in PAIRS:
            c = correlation(members(services, g), x, y)
            if correlation_override and (g, x, y) in correlation_override:
                c.update(correlation_override[(g, x, y)])
            lines.append(csv_line([g, x, y, num(c["n"]), num(c["r"]), num(c["rho"]), num(c["lo"]), num(c["hi"]),
                                   num(c["p"]), c["strength"] or ""]))
    write(os.path.join(run, "tables/correlations.csv"), "".join(lines))

    lines = [csv_line(["group", "x", "y", "n", "intercept", "slope"])]
    for g in groups:
        for x, y in PAIRS:
            n, intercept, slope = trend(members(services, g), x, y)
            lines.append(csv_line([g, x, y, num(n), num(intercept), num(slope)]))
    write(os.path.join(run, "tables/trend_lines.csv"), "".join(lines))
    if with_value_for_money:
        value_for_money(run, services, groups)

    bands = {}
    lines = [csv_line(["metric", "group", "n", "min", "max", "band_low", "mean", "band_high"])]
    for m in BANDED:
        for g in [g for g in ["evidence_based", "all"] if g in groups]:
            t = summary(values(members(services, g), m))
            bands[(m, g)] = t
            lines.append(csv_line([m, g] + [num(t[k]) for k in ["n", "min", "max", "band_low", "mean", "band_high"]]))
    write(os.path.join(run, "tables/bands.csv"), "".join(lines))

    def position(v, t):
        if v is None or t is None or t["band_low"] is None:
            return ""
        return "below" if v < t["band_low"] else "above" if v > t["band_high"] else "within"

    lines = [csv_line(["authority", "service", "period", "metric", "value", "all_band", "evidence_band"])]
    for s in services:
        for m in BANDED:
            v = s["_d"][m]
            lines.append(csv_line([text(s["authority"]), text(s["service"]), "2012/13", m, num(v),
                                   position(v, bands.get((m, "all"))), position(v, bands.get((m, "evidence_based")))]))
    write(os.path.join(run, "tables/benchmark.csv"), "".join(lines))

    # The input file as a stand-in: its hash and size identify this dataset version.
    raw_rows = len(services) + len(rejects)
    returns_text = "".join(csv_line([s["authority"], s["service"], str(s["total_cost"])]) for s in services)
    returns_text += "".join(csv_line([str(c) for c in r[4:]]) for r in rejects)
    outputs = []
    for root, _, files in os.walk(run):
        for f in files:
            full = os.path.join(root, f)
            outputs.append({"path": os.path.relpath(full, run),
                            "sha256": hashlib.sha256(open(full, "rb").read()).hexdigest()})
    manifest = {
        "inputs": [{"bytes": len(returns_text.encode()), "path": "returns.csv", "rows_accepted": len(services),
                    "rows_read": raw_rows, "rows_rejected": len(rejects),
                    "sha256": hashlib.sha256(returns_text.encode()).hexdigest()}],
        "outputs": sorted(outputs, key=lambda o: o["path"]),
        "pipeline": {"path": "ndti-2014.toml",
                     "sha256": pipeline_sha or hashlib.sha256(("pipeline " + ",".join(groups)).encode()).hexdigest()},
        "tool": {"name": "vfm", "version": tool_version},
    }
    write(os.path.join(run, "manifest.json"), json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def main():
    build("base", BASE_SERVICES, BASE_FLAGS, BASE_REJECTS)

    # Job Club's total cost corrected from £90,000 to £99,000.
    changed = copy.deepcopy(BASE_SERVICES)
    changed[2]["total_cost"] = 99000
    build("changed-cost", changed, BASE_FLAGS, BASE_REJECTS)

    # A fifth, MH-focused service returned late (line 6; the old reject moves to line 7).
    added = copy.deepcopy(BASE_SERVICES) + [
        service("Eastmoor", "Mental Health Employment", 60000, 40, 8, 4, 1, 4, 30, line=6)]
    rejects = copy.deepcopy(BASE_REJECTS)
    rejects[0][1] = 7
    build("added-service", added, BASE_FLAGS, rejects)

    # A new row that fails a rule (a formula-like name, neutralised in CSV) and a new flag.
    new_reject = BASE_REJECTS + [
        ["returns.csv", 7, "outcomes-exceed-people", "job outcomes (12) exceed people supported (10)",
         "Westfield", "=HYPERLINK(\"http://x\",\"<b>Pay</b>\")", "2012/13", "30000", "10", "8", "4", "0"]]
    new_flags = BASE_FLAGS + [
        ("Southvale", "Work & Wellbeing | Team", "returns.csv:5", "reported-ratio-mismatch", "cost_per_person",
         3000, 0.1, "warning", "reported cost per person £2,500 differs from the derived £3,000 by 17%")]
    build("new-reject", BASE_SERVICES, new_flags, new_reject)

    # Made by a later tool version whose all-services total cost ~ cost per person is
    # negative and weak: the correlation row is overridden by hand.
    build("flipped-correlation", BASE_SERVICES, BASE_FLAGS, BASE_REJECTS, tool_version="0.2.0",
          correlation_override={("all", "total_cost", "cost_per_person"):
                                dict(r=-0.35, rho=-0.4, lo=-0.98, hi=0.91, p=0.65, strength="weak")})

    # Job Club's total cost £90,000 → £90,001: cost per person £600.0067 and cost per job
    # outcome £3,000.03 print as before, so only the input field is listed.
    pound = copy.deepcopy(BASE_SERVICES)
    pound[2]["total_cost"] = 90001
    build("pound-more", pound, BASE_FLAGS, BASE_REJECTS)

    # Job Club's total cost doubled, £90,000 → £180,000.
    doubled = copy.deepcopy(BASE_SERVICES)
    doubled[2]["total_cost"] = 180000
    build("doubled-cost", doubled, BASE_FLAGS, BASE_REJECTS)

    # Job Club becomes evidence-based (IPS fidelity reviewed).
    evidence = copy.deepcopy(BASE_SERVICES)
    evidence[2]["evidence_based"] = "ips-fidelity"
    build("became-evidence-based", evidence, BASE_FLAGS, BASE_REJECTS)

    # Supported Work is gone and Eastmoor's service is new: one removed, one added.
    swapped = [copy.deepcopy(s) for s in BASE_SERVICES if s["service"] != "Supported Work"] + [
        service("Eastmoor", "Mental Health Employment", 60000, 40, 8, 4, 1, 4, 30, line=6)]
    build("swapped-service", swapped, BASE_FLAGS, BASE_REJECTS)

    # The same data by a tool that also writes value_for_money.csv and scenarios.csv (SPEC §6.1).
    build("with-value-for-money", BASE_SERVICES, BASE_FLAGS, BASE_REJECTS, with_value_for_money=True)

    # A pipeline without the evidence_based group.
    build("lacking-group", BASE_SERVICES, BASE_FLAGS, BASE_REJECTS, groups=["all", "LD", "MH"])


if __name__ == "__main__":
    main()
