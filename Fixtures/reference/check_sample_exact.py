#!/usr/bin/env python3
"""Checks every mean, SD, median, robust-band quantile, r, rho, slope and intercept of
Output/sample/tables against the exact statistic (fractions.Fraction) of the per-service
values in Output/sample/clean/services.csv, in ulps; with a git checkout, also the
committed (HEAD) values, to review a `make sample` diff. Development aid, standard
library only. Run from the repository root:
    python3 Fixtures/reference/check_sample_exact.py [-v]
"""
import csv, sys, math, subprocess, io, importlib.util
from fractions import Fraction
# The exact formulas are make_exact.py's own.
spec = importlib.util.spec_from_file_location("mx", "Fixtures/reference/make_exact.py")
mx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mx)
rows = list(csv.DictReader(open("Output/sample/clean/services.csv")))
def members(g):
    if g == "all": return rows
    if g in ("LD","MH","mixed"): return [r for r in rows if r["client_focus"] == g]
    if g == "evidence_based": return [r for r in rows if r["evidence_based"] in ("ips-fidelity","observed-good-practice")]
def ulps(v, exact):
    hi = float(exact)
    if hi == 0: return 0 if v == 0 else math.inf
    return float(abs(Fraction(v) - exact) / Fraction(math.ulp(hi)))
def old(path):
    return list(csv.DictReader(io.StringIO(subprocess.run(["git","show","HEAD:"+path],capture_output=True,text=True).stdout)))
worst = {"old":0,"new":0}; changed=0; total=0
def check(label, old_v, new_v, exact):
    global changed, total
    if old_v == "" or exact is None: return
    total += 1
    o, n = ulps(float(old_v), exact), ulps(float(new_v), exact)
    worst["old"] = max(worst["old"], o); worst["new"] = max(worst["new"], n)
    if old_v != new_v:
        changed += 1
        if "-v" in sys.argv: print(f"{label}: old {old_v} ({o:.2f} ulp) new {new_v} ({n:.2f} ulp)")
# correlations and trend lines
for table, fields in (("correlations", ("pearson_r","spearman_rho")), ("trend_lines", ("intercept","slope"))):
    new = list(csv.DictReader(open(f"Output/sample/tables/{table}.csv")))
    for o, n in zip(old(f"Output/sample/tables/{table}.csv"), new):
        pts = [(Fraction(float(r[n["x"]])), Fraction(float(r[n["y"]]))) for r in members(n["group"]) if r[n["x"]] != "" and r[n["y"]] != "" and r["excluded_from_statistics"] != "true"]
        if len(pts) < 3: continue
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        if len(set(xs)) < 2 or len(set(ys)) < 2: continue
        if table == "correlations":
            ex = {"pearson_r": mx.pearson(xs, ys), "spearman_rho": mx.pearson(mx.average_ranks(xs), mx.average_ranks(ys))}
        else:
            sl = mx.centred_products(xs, ys) / mx.centred_products(xs, xs)
            ex = {"slope": sl, "intercept": mx.mean(ys) - sl * mx.mean(xs)}
        for f in fields: check(f"{table} {n['group']},{n['x']},{n['y']} {f}", o[f], n[f], ex[f])
new = list(csv.DictReader(open("Output/sample/tables/descriptives.csv")))
for o, n in zip(old("Output/sample/tables/descriptives.csv"), new):
    xs = [Fraction(float(r[n["metric"]])) for r in members(n["group"]) if r[n["metric"]] != "" and r["excluded_from_statistics"] != "true"]
    if len(xs) < 2: continue
    m = mx.mean(xs); s = sorted(xs)
    sd = mx.exact_sqrt(sum((x-m)**2 for x in xs)/(len(xs)-1))
    ex = {"mean": m, "sd": sd, "median": mx.quantile(s, 0.5),
          "robust_band_low": mx.quantile(s, 0.15865525393145707), "robust_band_high": mx.quantile(s, 0.8413447460685429)}
    for f in ex:
        if f in n: check(f"descriptives {n['group']},{n['metric']} {f}", o[f], n[f], ex[f])
print(f"checked {total} figures, {changed} changed; worst old {worst['old']:.2f} ulp, worst new {worst['new']:.2f} ulp")
