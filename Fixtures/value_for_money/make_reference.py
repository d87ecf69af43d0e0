#!/usr/bin/env python3
"""Independent reference for "what a budget buys" (SPEC §6.1), in exact arithmetic.

S, J, q = J/S, the linearised variance s²/n/(S/n)² (Cochran, Sampling Techniques,
1977, §6.3, no finite-population correction) and every scenario figure are computed
with Python's `fractions` on the binary64 values of the inputs; the only inexact step
is the square root of the exact variance, taken with `decimal` at 60 digits. Figures
are written as the double nearest the exact value (repr of float), missing = empty.

Inputs and outputs (run from the repository root: python3 Fixtures/value_for_money/make_reference.py):
  Fixtures/analysis/services.csv  -> expected/analysis/{value_for_money,scenarios,value_for_money_basis}.csv
  Fixtures/returns/sample-70.csv  -> expected/sample/{value_for_money,scenarios,value_for_money_basis}.csv
Groups and scenarios are those of the built-in pipeline (Pipelines/ndti-2014.toml),
written out again below rather than read from this project.
"""
import csv
import os
from decimal import Decimal, getcontext
from fractions import Fraction

getcontext().prec = 60
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GROUPS = ["all", "LD", "MH", "mixed", "evidence_based"]
EVIDENCE = ("ips-fidelity", "observed-good-practice")
Z = Fraction(1.959963984540054)
SCENARIOS = [
    ("contract-1-year", "budget", dict(amount=195974, years=1, groups=["evidence_based", "all"])),
    ("contract-9-years", "budget", dict(amount=195974, years=9, groups=["evidence_based", "all"])),
    ("two-thirds-moved", "reallocation", dict(share=0.6666666666666666)),
    ("day-service-north-lanarkshire", "alternative", dict(cost=14998, groups=["evidence_based", "all"])),
    ("day-service-kent", "alternative", dict(cost=11200, groups=["evidence_based", "all"])),
]


MISSING = ("", "n/a", "-", "don't know", "don’t know", "no info available", "not known")


def money(text):
    text = (text or "").strip().replace("£", "").replace(",", "")
    return None if text.lower() in MISSING else float(text)


def count(text):
    value = money(text)
    return None if value is None else int(value)


def job_outcomes(row):
    parts = [count(row.get(k)) for k in ("outcomes_gained", "outcomes_retained", "outcomes_self_employed")]
    return sum(parts) if None not in parts else count(row.get("outcomes_total"))


def client_focus(row):
    if "client_focus" in row:
        return row["client_focus"]
    people, ld, mh = count(row["people_supported"]), count(row.get("clients_ld")), count(row.get("clients_mh"))
    if not people:
        return "unknown"
    ld_share = ld / people if ld is not None else None
    mh_share = mh / people if mh is not None else None
    if ld_share is not None and ld_share > 0.5:
        return "LD"
    if mh_share is not None and mh_share > 0.5:
        return "MH"
    return "mixed" if ld_share is not None and mh_share is not None else "unknown"


def service(row):
    jo = job_outcomes(row)
    cost = money(row["total_cost"])
    return dict(cost=cost, jo=jo, focus=client_focus(row),
                eb=(row.get("evidence_based") or "").strip().lower() in EVIDENCE,
                excluded=row.get("excluded") == "true",
                cost_per_outcome=cost / jo if jo else None)  # the double a service's ratio is stored as


def in_group(s, group):
    if group == "all":
        return True
    if group == "evidence_based":
        return s["eb"]
    if group == "not_evidence_based":
        return not s["eb"]
    return s["focus"] == group


def sqrt(fraction):
    return Decimal(fraction.numerator).sqrt() / Decimal(fraction.denominator).sqrt() if fraction else Decimal(0)


def dec(fraction):
    return Decimal(fraction.numerator) / Decimal(fraction.denominator)


def basis(members):
    """n, S, J, q (Fraction) and SE (Decimal) over services with cost and job outcomes."""
    pairs = [(Fraction(m["cost"]), Fraction(m["jo"])) for m in members if m["jo"] is not None]
    n = len(pairs)
    out = dict(n=n, S=None, J=None, q=None, se=None)
    if n == 0:
        return out
    S, J = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    out.update(S=S, J=J)
    if S <= 0:
        return out
    q = J / S
    out["q"] = q
    if n >= 2:
        s2 = sum((j - q * c) ** 2 for c, j in pairs) / (n - 1)
        out["se"] = sqrt(s2 / n / (S / n) ** 2)
    return out


def interval(b):
    if b["q"] is None or b["se"] is None:
        return None
    q, half = dec(b["q"]), dec(Z) * b["se"]
    return max(Decimal(0), q - half), q + half


def f(x):
    if x is None:
        return ""
    if isinstance(x, Fraction):
        x = dec(x)
    return repr(float(x))


def write(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def scenario_rows(rates):
    rows = []
    for name, kind, p in SCENARIOS:
        if kind == "budget":
            spend = Fraction(p["years"]) * Fraction(p["amount"])
            for g in p["groups"]:
                b, ci = rates[g], interval(rates[g])
                rows.append([name, kind, g, "job_outcomes", f(spend * b["q"] if b["q"] is not None else None),
                             f(dec(spend) * ci[0] if ci else None), f(dec(spend) * ci[1] if ci else None)])
        elif kind == "reallocation":
            to, fr = rates["evidence_based"], rates["not_evidence_based"]
            moved = Fraction(p["share"]) * fr["S"] if fr["S"] is not None else None
            rows.append([name, kind, "evidence_based", "moved_spend", f(moved), "", ""])
            value = lo = hi = None
            if moved is not None and to["q"] is not None and fr["q"] is not None:
                diff = to["q"] - fr["q"]
                value = moved * diff
                if to["se"] is not None and fr["se"] is not None:
                    half = dec(Z) * (to["se"] ** 2 + fr["se"] ** 2).sqrt()
                    lo, hi = dec(moved) * (dec(diff) - half), dec(moved) * (dec(diff) + half)
            rows.append([name, kind, "evidence_based", "extra_job_outcomes", f(value), f(lo), f(hi)])
        else:
            cost = Fraction(p["cost"])
            for g in p["groups"]:
                b, ci = rates[g], interval(rates[g])
                value = cost - b["S"] / b["J"] if b["J"] else None
                lo = dec(cost) - 1 / ci[0] if ci and ci[0] > 0 else None
                hi = dec(cost) - 1 / ci[1] if ci and ci[1] > 0 else None
                rows.append([name, kind, g, "saving_per_outcome", f(value), f(lo), f(hi)])
    return rows


def reference(source, target):
    with open(os.path.join(ROOT, source), newline="", encoding="utf-8-sig") as inp:
        services = [service(row) for row in csv.DictReader(inp)]
    stat = [s for s in services if not s["excluded"]]
    names = GROUPS + ["not_evidence_based"]
    rates = {g: basis([s for s in stat if in_group(s, g)]) for g in names}

    rows = []
    for g in GROUPS:
        b, ci = rates[g], interval(rates[g])
        ratios = [Fraction(s["cost_per_outcome"]) for s in stat if in_group(s, g) and s["cost_per_outcome"] is not None]
        rows.append([g, b["n"], f(b["S"]), f(b["J"]), f(b["S"] / b["J"] if b["J"] else None),
                     f(sum(ratios) / len(ratios) if ratios else None),
                     f(100000 * b["q"] if b["q"] is not None else None),
                     f(100000 * ci[0] if ci else None), f(100000 * ci[1] if ci else None)])
    out = os.path.join(HERE, "expected", target)
    write(os.path.join(out, "value_for_money.csv"),
          ["group", "n", "total_cost", "job_outcomes", "pooled_cost_per_outcome", "mean_cost_per_outcome",
           "outcomes_per_100k", "ci_low", "ci_high"], rows)
    write(os.path.join(out, "value_for_money_basis.csv"),
          ["group", "n", "total_cost", "job_outcomes", "outcomes_per_pound", "standard_error"],
          [[g, rates[g]["n"], f(rates[g]["S"]), f(rates[g]["J"]), f(rates[g]["q"]), f(rates[g]["se"])] for g in names])
    write(os.path.join(out, "scenarios.csv"), ["scenario", "kind", "group", "quantity", "value", "ci_low", "ci_high"],
          scenario_rows(rates))


if __name__ == "__main__":
    reference("Fixtures/analysis/services.csv", "analysis")
    reference("Fixtures/returns/sample-70.csv", "sample")
