#!/usr/bin/env python3
"""Writes Fixtures/report/small-run/: a hand-made run directory (8 services, 2 rejects,
hostile names) laid out exactly as the ingest, clean and analyze stages write theirs
(SPEC §7, STAGES.md), as input for the Reporting golden tests.

The tables are computed here with numpy 2 / scipy 1.x, independently of the Swift code,
so the fixture is internally consistent; the report only renders them.
Run from the repository root:  python3 Fixtures/report/make_small_run.py
"""
import csv
import hashlib, importlib.util, io, json, math, os
import numpy as np
from scipy import stats

# "What a budget buys" in exact arithmetic, shared with Fixtures/value_for_money (SPEC §6.1).
_spec = importlib.util.spec_from_file_location(
    "vfm_reference", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "value_for_money", "make_reference.py"))
vfm_reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(vfm_reference)
PHI_MINUS_1, PHI_PLUS_1 = 0.15865525393145707, 0.8413447460685429  # SPEC §6 robust band

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "small-run")

RETURN_COLUMNS = """authority service period model evidence_based total_cost people_supported clients_ld clients_mh
clients_physical_sensory clients_autism clients_homeless clients_drug_alcohol clients_other support_lt7 support_7to40
support_40plus outcomes_gained outcomes_retained outcomes_self_employed outcomes_total outcomes_ld outcomes_mh
outcomes_physical_sensory outcomes_autism outcomes_homeless outcomes_drug_alcohol outcomes_other outcomes_lt7
outcomes_7to40 outcomes_40plus reported_cost_per_person reported_cost_per_outcome""".split()
DERIVED = """job_outcomes outcome_rate cost_per_person cost_per_outcome gained_share retained_share self_employed_share
ld_share mh_share client_focus share_lt7 share_7to40 share_40plus support_level_index excluded_from_statistics
current""".split()
EXTRAS = ["region"]

# authority, service, period, evidence, cost, people, ld, mh, lt7, 7to40, 40plus, gained, retained, self, source, region
SERVICES = [
    ("Northshire", "Pathways to Work", "2012/13", "", 263132, 150, 100, 40, 60, 30, 10, 30, 25, 1, "returns-a.csv:2", "North"),
    ("Northshire", "=cmd|' /C calc'!A0", "2012/13", "observed-good-practice", 120000, 80, 70, 5, 40, 30, 5, 12, 14, 0, "returns-a.csv:3", "North"),
    ("Eastham", "|pipe| & <script>alert(1)</script>", "2012/13", "", 410000, 120, 90, 20, 50, 50, 14, 20, 16, 0, "returns-a.csv:4", "East"),
    ("Eastham", "IPS `rm -rf` Team", "2012/13", "ips-fidelity", 300000, 260, 10, 240, None, None, None, 70, 30, 5, "returns-a.csv:5", "East"),
    ("Southvale", "Line one\nline two", "2012/13", "ips-fidelity", 180000, 170, 5, 150, None, None, None, 45, 20, 4, "sub/returns-b.csv:2", "South"),
    ("Southvale", "Work Choice Plus", "2012/13", "", 520000, 300, 20, 270, None, None, None, 60, 12, 3, "sub/returns-b.csv:4", "South"),
    ("Westbury", "+Quiet Outcomes", "2012/13", "", 95000, 40, 5, 30, None, None, None, 0, 0, 0, "sub/returns-b.csv:5", "West"),
    ("Westbury", "@Mixed Hub", "2012/13", "", 150000, 90, 40, 40, None, None, None, 15, 10, 1, "sub/returns-b.csv:6", "West"),
]
FLAGS = {  # source -> [(rule, metric, value, threshold, severity, message)]
    "sub/returns-b.csv:5": [("zero-outcomes", "job_outcomes", 0, None, "info",
                             "no job outcome reported: cost per job outcome is undefined")],
    "returns-a.csv:4": [("outlier", "cost_per_outcome", 3.9, 3.5, "warning",
                         "cost per job outcome £11,389 is an outlier (|M| = 3.9 > 3.5) — check it with the service")],
    "returns-a.csv:2": [("client-count-mismatch", "people_supported", 140, 0.1, "warning",
                         "client groups add up to 140 but people supported is 150 (off by 7%)")],
}
# file, line, rule, message, column, value as written, the record's cells as read
REJECTED = [
    ("returns-a.csv", 6, "required-missing", "required column `total_cost` is empty", "total_cost", "",
     ["Northshire", "=HYPERLINK(\"http://x\")", "2012/13", "", "", "", "n/a", "20"]),
    ("sub/returns-b.csv", 3, "outcomes-exceed-people-supported", "job outcomes 45 exceed people supported 30",
     "outcomes_total", "45", ["Southvale", "<b>Bold</b> | Service", "2012/13", "", "", "", "90000", "30"]),
]
GROUPS = ["all", "LD", "MH", "mixed", "evidence_based"]
DESCRIPTIVE = ["people_supported", "total_cost", "cost_per_person", "cost_per_outcome", "outcome_rate",
               "gained_share", "retained_share", "self_employed_share", "support_level_index"]
PAIRS = [("outcome_rate", "cost_per_outcome"), ("total_cost", "cost_per_person"),
         ("support_level_index", "cost_per_person")]
BAND_METRICS = ["cost_per_person", "cost_per_outcome", "outcome_rate"]
SCALE = [(0.7, "strong"), (0.4, "moderate"), (0.2, "weak"), (0.0, "very weak")]


def num(v):
    """Shortest round-trip text like NumberFormatting.csv: integral without .0, missing empty."""
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return ""
    if v == 0:
        return "0"
    if float(v) == round(float(v)) and abs(v) < 1e15:
        return str(int(round(float(v))))
    return repr(float(v))


def record_line(cells):
    """The record as one RFC 4180 line (SPEC §7 `record`), as Python's csv module writes it."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    return out.getvalue()


def neutralise(text):
    if text and text[0] in "=+-@\t\r\n":
        try:
            float(text)
            return text
        except ValueError:
            return "'" + text
    return text


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def derive(s):
    (auth, svc, period, ev, cost, people, ld, mh, lt7, s740, s40, gained, retained, selfe, source, region) = s
    jobs = gained + retained + selfe
    d = {"job_outcomes": jobs, "outcome_rate": jobs / people, "cost_per_person": cost / people,
         "cost_per_outcome": cost / jobs if jobs else None,
         "gained_share": gained / jobs if jobs else None, "retained_share": retained / jobs if jobs else None,
         "self_employed_share": selfe / jobs if jobs else None, "ld_share": ld / people, "mh_share": mh / people}
    d["excluded_from_statistics"] = "false"
    d["current"] = "yes"  # one period: every row is its service's current return (SPEC §11)
    d["client_focus"] = "LD" if d["ld_share"] > 0.5 else "MH" if d["mh_share"] > 0.5 else "mixed"
    if lt7 is not None and (lt7 + s740 + s40) > 0:
        t = lt7 + s740 + s40
        d.update(share_lt7=lt7 / t, share_7to40=s740 / t, share_40plus=s40 / t)
        d["support_level_index"] = (lt7 + 3 * s740 + 10 * s40) / t
    else:
        d.update(share_lt7=None, share_7to40=None, share_40plus=None, support_level_index=None)
    raw = {"authority": auth, "service": svc, "period": period, "model": None, "evidence_based": ev or None,
           "total_cost": cost, "people_supported": people, "clients_ld": ld, "clients_mh": mh,
           "support_lt7": lt7, "support_7to40": s740, "support_40plus": s40, "outcomes_gained": gained,
           "outcomes_retained": retained, "outcomes_self_employed": selfe}
    return raw, d, source, region


def strength(r):
    if r is None:
        return ""
    for minimum, word in SCALE:
        if abs(r) >= minimum:
            return word
    return ""


def main():
    rows = [derive(s) for s in SERVICES]
    rows.sort(key=lambda t: (t[0]["authority"], t[0]["service"], t[0]["period"], t[2]))
    svc_rows = []
    for raw, d, source, region in rows:
        cells = []
        for c in RETURN_COLUMNS:
            v = raw.get(c)
            cells.append(neutralise(v) if isinstance(v, str) else num(v))
        for c in DERIVED:
            v = d[c]
            cells.append(v if isinstance(v, str) else num(v))
        flags = ";".join(f[0] for f in FLAGS.get(source, []))
        cells += [region, source, flags]
        svc_rows.append(cells)
    write_csv("clean/services.csv", RETURN_COLUMNS + DERIVED + EXTRAS + ["source", "flags"], svc_rows)

    flag_rows = []
    for raw, d, source, region in rows:
        for rule, metric, value, threshold, severity, message in FLAGS.get(source, []):
            flag_rows.append([neutralise(raw["authority"]), neutralise(raw["service"]), raw["period"], source, rule,
                              metric, num(value), num(threshold), severity, message])
    write_csv("clean/flags.csv", ["authority", "service", "period", "source", "rule", "metric", "value",
                                  "threshold", "severity", "message"], flag_rows)
    write_csv("clean/rejected.csv", ["source_file", "line", "rule", "message", "column", "value", "record"],
              [[f, str(l), r, m, col, neutralise(val), neutralise(record_line(cells))]
               for f, l, r, m, col, val, cells in REJECTED])

    def members(g):
        out = []
        for raw, d, source, region in rows:
            if g == "all" or (g in ("LD", "MH", "mixed") and d["client_focus"] == g) or \
                    (g == "evidence_based" and raw["evidence_based"]):
                out.append((raw, d))
        return out

    def value(raw, d, m):
        return d[m] if m in d else raw[m]

    desc = []
    bands = {}
    for g in GROUPS:
        for m in DESCRIPTIVE:
            vals = np.array([value(r, d, m) for r, d in members(g) if value(r, d, m) is not None], dtype=float)
            n = len(vals)
            mean = vals.mean() if n else None
            sd = vals.std(ddof=1) if n >= 2 else None
            low = max(0.0, mean - sd) if sd is not None else None
            high = mean + sd if sd is not None else None
            robust = [float(np.quantile(vals, PHI_MINUS_1)), float(np.quantile(vals, PHI_PLUS_1))] if n >= 2 \
                else [None, None]
            desc.append([g, m, str(n), num(mean), num(sd), num(vals.min() if n else None),
                         num(float(np.median(vals)) if n else None), num(vals.max() if n else None), num(low), num(high)]
                        + [num(v) for v in robust])
            bands[(g, m)] = (n, vals.min() if n else None, vals.max() if n else None, low, mean, high) + tuple(robust)
    write_csv("tables/descriptives.csv", ["group", "metric", "n", "mean", "sd", "min", "median", "max",
                                          "band_low", "band_high", "robust_band_low", "robust_band_high"], desc)
    write_csv("tables/bands.csv", ["metric", "group", "n", "min", "max", "band_low", "mean", "band_high",
                                   "robust_band_low", "robust_band_high"],
              [[m, g, str(bands[(g, m)][0])] + [num(v) for v in bands[(g, m)][1:]]
               for m in BAND_METRICS for g in ["evidence_based", "all"]])

    corr, trend = [], []
    for x, y in PAIRS:
        for g in GROUPS:
            pts = [(value(r, d, x), value(r, d, y)) for r, d in members(g)]
            pts = [(a, b) for a, b in pts if a is not None and b is not None]
            n = len(pts)
            r = rho = lo = hi = p = None
            if n >= 3:
                xs, ys = np.array([a for a, _ in pts], float), np.array([b for _, b in pts], float)
                if xs.std() > 0 and ys.std() > 0:
                    res = stats.pearsonr(xs, ys)
                    r, p = float(res.statistic), float(res.pvalue)
                    rho = float(stats.spearmanr(xs, ys).statistic)
                    if n >= 4:
                        z, half = math.atanh(r), 1.959963984540054 / math.sqrt(n - 3)
                        lo, hi = math.tanh(z - half), math.tanh(z + half)
            corr.append([g, x, y, str(n), num(r), num(rho), num(lo), num(hi), num(p), strength(r)])
            if n >= 2:
                xs, ys = np.array([a for a, _ in pts], float), np.array([b for _, b in pts], float)
                if xs.std() > 0:
                    slope, intercept = np.polyfit(xs, ys, 1)
                    trend.append([g, x, y, str(n), num(float(intercept)), num(float(slope))])
    write_csv("tables/correlations.csv", ["group", "x", "y", "n", "pearson_r", "spearman_rho", "ci_low", "ci_high",
                                          "p_value", "strength"], corr)
    write_csv("tables/trend_lines.csv", ["group", "x", "y", "n", "intercept", "slope"], trend)

    mix, levels = [], []
    for g in GROUPS:
        ms = [(r, d) for r, d in members(g) if d["outcome_rate"] is not None]
        n = len(ms)
        rate = float(np.mean([d["outcome_rate"] for _, d in ms])) if n else None
        full = [r for r, d in ms if d["job_outcomes"]]
        tot = sum(r["outcomes_gained"] + r["outcomes_retained"] + r["outcomes_self_employed"] for r in full)
        shares = [sum(r[c] for r in full) / tot if tot else None
                  for c in ("outcomes_gained", "outcomes_retained", "outcomes_self_employed")]
        per100 = [100 * rate * s if rate is not None and s is not None else None for s in shares]
        mix.append([g, str(n), num(rate)] + [num(s) for s in shares] + [num(v) for v in per100])
        sl = [r for r, d in members(g) if d["support_level_index"] is not None]
        t = sum(r["support_lt7"] + r["support_7to40"] + r["support_40plus"] for r in sl)
        levels.append([g, str(len(sl))] + [num(sum(r[c] for r in sl) / t if t else None)
                                           for c in ("support_lt7", "support_7to40", "support_40plus")])
    write_csv("tables/outcome_mix.csv", ["group", "n", "outcome_rate_mean", "gained_share", "retained_share",
                                         "self_employed_share", "gained_per_100", "retained_per_100",
                                         "self_employed_per_100"], mix)
    write_csv("tables/support_levels.csv", ["group", "n", "share_lt7", "share_7to40", "share_40plus"], levels)

    def position(v, g, m):
        _, _, _, low, _, high = bands[(g, m)][:6]
        if v is None or low is None:
            return ""
        return "below" if v < low else "above" if v > high else "within"
    bench = []
    for raw, d, source, region in rows:
        for m in BAND_METRICS:
            v = d[m]
            bench.append([neutralise(raw["authority"]), neutralise(raw["service"]), raw["period"], m, num(v),
                          position(v, "all", m), position(v, "evidence_based", m)])
    write_csv("tables/benchmark.csv", ["authority", "service", "period", "metric", "value", "all_band",
                                       "evidence_band"], bench)

    ref = vfm_reference
    services = [dict(cost=float(raw["total_cost"]), jo=d["job_outcomes"], eb=bool(raw["evidence_based"]),
                     focus=d["client_focus"], excluded=False, cost_per_outcome=d["cost_per_outcome"])
                for raw, d, source, region in rows]
    rates = {g: ref.basis([s for s in services if ref.in_group(s, g)]) for g in GROUPS + ["not_evidence_based"]}
    vfm = []
    for g in GROUPS:
        b, ci = rates[g], ref.interval(rates[g])
        ratios = [ref.Fraction(s["cost_per_outcome"]) for s in services
                  if ref.in_group(s, g) and s["cost_per_outcome"] is not None]
        vfm.append([g, b["n"], ref.f(b["S"]), ref.f(b["J"]), ref.f(b["S"] / b["J"] if b["J"] else None),
                    ref.f(sum(ratios) / len(ratios) if ratios else None),
                    ref.f(100000 * b["q"] if b["q"] is not None else None),
                    ref.f(100000 * ci[0] if ci else None), ref.f(100000 * ci[1] if ci else None)])
    write_csv("tables/value_for_money.csv", ["group", "n", "total_cost", "job_outcomes", "pooled_cost_per_outcome",
                                             "mean_cost_per_outcome", "outcomes_per_100k", "ci_low", "ci_high"], vfm)
    write_csv("tables/value_for_money_basis.csv",
              ["group", "n", "total_cost", "job_outcomes", "outcomes_per_pound", "standard_error"],
              [[g, r["n"], ref.f(r["S"]), ref.f(r["J"]), ref.f(r["q"]), ref.f(r["se"])] for g, r in rates.items()])
    write_csv("tables/scenarios.csv", ["scenario", "kind", "group", "quantity", "value", "ci_low", "ci_high"],
              ref.scenario_rows(rates))

    # SPEC §11's tables as vfm run writes them for returns of one period (every service here is
    # 2012/13): that period as a cross-section of each group — §6.1's n, S, J and interval, the
    # means of cost per job outcome and of the outcome rate, each with its n — and no pair of
    # consecutive periods, so no change and no edit (header only).
    def exact(x):
        """The double nearest an exact value (a Fraction), as ref.f writes it."""
        return None if x is None else float(ref.dec(x)) if isinstance(x, ref.Fraction) else float(x)

    def exact_mean(values):
        return exact(sum(ref.Fraction(v) for v in values) / len(values)) if values else None
    period_rows = []
    for g in GROUPS:
        group = members(g)
        b, ci = rates[g], ref.interval(rates[g])
        costs = [d["cost_per_outcome"] for _, d in group if d["cost_per_outcome"] is not None]
        outcome_rates = [d["outcome_rate"] for _, d in group if d["outcome_rate"] is not None]
        period_rows.append(["2012/13", g, str(len(group)), str(b["n"]), num(exact(b["S"])), num(exact(b["J"])),
                            num(exact(b["S"] / b["J"] if b["J"] else None)),
                            num(exact(100000 * b["q"] if b["q"] is not None else None)),
                            num(exact(100000 * ci[0] if ci else None)), num(exact(100000 * ci[1] if ci else None)),
                            num(exact_mean(costs)), str(len(costs)), num(exact_mean(outcome_rates)),
                            str(len(outcome_rates))])
    write_csv("tables/periods.csv", ["period", "group", "services", "n", "total_cost", "job_outcomes",
                                     "pooled_cost_per_outcome", "outcomes_per_100k", "ci_low", "ci_high",
                                     "mean_cost_per_outcome", "mean_cost_per_outcome_n", "outcome_rate_mean",
                                     "outcome_rate_n"], period_rows)
    write_csv("tables/period_change.csv", ["from", "to", "group", "n", "outcomes_per_100k_from",
                                           "outcomes_per_100k_to", "change", "ci_low", "ci_high", "p_value"], [])
    write_csv("tables/period_edits.csv", ["authority", "service", "from", "to", "variable", "value_from", "value_to",
                                          "ratio", "effect", "effect_low", "effect_high", "outcome"], [])

    files = [{"bytes": 1234, "encoding": "utf-8", "path": "returns-a.csv", "rows_accepted": 4, "rows_read": 5,
              "rows_rejected": 1, "sha256": hashlib.sha256(b"returns-a").hexdigest()},
             {"bytes": 987, "encoding": "windows-1252", "path": "sub/returns-b.csv", "rows_accepted": 5,
              "rows_read": 5, "rows_rejected": 0, "sha256": hashlib.sha256(b"returns-b").hexdigest()}]
    ingest = {"files": files, "warnings": ["sub/returns-b.csv: header `peple_supported` looks like `people_supported`"]}
    clean_files = [dict(f) for f in files]
    clean_files[1].update(rows_accepted=4, rows_rejected=1)
    for path, doc in (("ingest/inputs.json", ingest), ("clean/inputs.json", {"files": clean_files, "warnings": []})):
        full = os.path.join(OUT, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
