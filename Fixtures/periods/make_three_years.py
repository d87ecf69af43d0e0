#!/usr/bin/env python3
"""Synthetic returns over three years with planted anomalies (SPEC §11; issue 26), and
their expected period tables computed independently of vfm from the SPEC's formulas.

SYNTHETIC DATA: the services and figures are invented; no real service is described.
Periods are written in mixed forms on purpose (2011-12, FY2012/13, 2013/2014).

Planted between 2011/12 and 2012/13:
  Ambleford Bridge   total_cost typed in £ thousands in 2012/13 (152 for 152,000)
  Ambleford Way      total_cost rolled over unchanged
  Bexley Steps       people_supported ten times last year's (40 -> 400)
  Carrow Works       job outcomes jump (5 -> 60)
  Dunmore Path       job outcomes 0 -> 12 (zero: not screened)
Run: python3 Fixtures/periods/make_three_years.py  (writes three-years.csv, prints the
expected values pasted into Tests/AnalysisTests/PeriodTablesTests.swift).
"""
import csv, math, os, sys
from fractions import Fraction as F
sys.path.insert(0, os.path.dirname(__file__))
from hb_reference import hb, q7

# authority, service, evidence, {period: (total_cost, people, outcomes_gained)}
SERVICES = [
    ("Ambleford", "Bridge", "ips-fidelity", {"2011-12": (152000, 60, 20), "FY2012/13": (152, 62, 21)}),
    ("Ambleford", "Way", "no", {"2011-12": (120000, 50, 10), "FY2012/13": (120000, 52, 12), "2013/2014": (125000, 55, 14)}),
    ("Bexley", "Steps", "no", {"2011-12": (90000, 40, 8), "FY2012/13": (93000, 400, 9), "2013/2014": (95000, 45, 10)}),
    ("Carrow", "Works", "ips-fidelity", {"2011-12": (200000, 80, 5), "FY2012/13": (206000, 82, 60), "2013/2014": (210000, 85, 30)}),
    ("Dunmore", "Path", "no", {"2011-12": (60000, 30, 0), "FY2012/13": (63000, 31, 12), "2013/2014": (64000, 33, 13)}),
    ("Eastry", "Link", "no", {"2011-12": (110000, 55, 15), "FY2012/13": (115000, 57, 16), "2013/2014": (118000, 58, 17)}),
    ("Farley", "Hub", "ips-fidelity", {"2011-12": (75000, 35, 9), "FY2012/13": (78000, 36, 10), "2013/2014": (80000, 37, 11)}),
    ("Garth", "Door", "no", {"2011-12": (130000, 60, 18), "FY2012/13": (128000, 59, 17)}),
    ("Hale", "Route", "no", {"FY2012/13": (50000, 25, 6), "2013/2014": (52000, 26, 7)}),
]
CANON = {"2011-12": "2011/12", "FY2012/13": "2012/13", "2013/2014": "2013/14"}
ORDER = ["2011-12", "FY2012/13", "2013/2014"]

def write_csv(path):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["authority", "service", "period", "evidence_based", "total_cost", "people_supported",
                    "outcomes_gained", "outcomes_retained", "outcomes_self_employed"])
        for a, s, ev, years in SERVICES:
            for p in ORDER:
                if p in years:
                    c, n, g = years[p]
                    w.writerow([a, s, p, ev, c, n, g, 0, 0])

def change(pairs):
    """pairs: [((c_from, j_from), (c_to, j_to))] -> 100k*(q_to-q_from), SE, ci, p (SPEC §11)."""
    n = len(pairs)
    Sf = sum(F(p[0][0]) for p in pairs); Jf = sum(F(p[0][1]) for p in pairs)
    St = sum(F(p[1][0]) for p in pairs); Jt = sum(F(p[1][1]) for p in pairs)
    qf, qt = Jf / Sf, Jt / St
    u2 = sum(((F(t[1]) - qt * F(t[0])) / (St / n) - (F(f[1]) - qf * F(f[0])) / (Sf / n)) ** 2 for f, t in pairs)
    se = 100000 * math.sqrt(u2 / ((n - 1) * n))
    ch = float(100000 * (qt - qf))
    z = 1.959963984540054
    p = math.erfc(abs(ch / se) / math.sqrt(2))
    return dict(n=n, from_=float(100000 * qf), to=float(100000 * qt), change=ch, se=se,
                ci_low=ch - z * se, ci_high=ch + z * se, p=p)

if __name__ == "__main__":
    write_csv(os.path.join(os.path.dirname(__file__), "three-years.csv"))
    for a, b in zip(ORDER, ORDER[1:]):
        matched = [(s, y[a], y[b], ev) for _, s, ev, y in SERVICES if a in y and b in y]
        print(f"== {CANON[a]} -> {CANON[b]}: {len(matched)} matched")
        for name, idx in (("total_cost", 0), ("people_supported", 1), ("job_outcomes", 2)):
            rows, rm = hb([(float(f[idx]), float(t[idx])) for _, f, t, _ in matched])
            print(name, "r_M", rm)
            for (s, f, t, _), row in zip(matched, rows):
                print("  ", s, f[idx], t[idx], row)
        for group, keep in (("all", lambda ev: True), ("evidence_based", lambda ev: ev == "ips-fidelity")):
            print("change", group, change([((f[0], f[2]), (t[0], t[2])) for _, f, t, ev in matched if keep(ev)]))
