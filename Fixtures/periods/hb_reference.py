#!/usr/bin/env python3
"""Independent Hidiroglou-Berthelot edit for the tests (SPEC §11), written from the
SPEC's text and Hidiroglou & Berthelot (1986), not from vfm's code.

Medians and type-7 quantiles are computed exactly with fractions.Fraction on the
binary64 inputs and effects, then rounded once; only size**U (math.sqrt, correctly
rounded) and the ratios / centring are float operations, as the SPEC defines them.
Checked by reading (not copying) R univOutl's `HBmethod` (the version without `pct`):
same ratio yt2/yt1, median centring, E = s * pmax(yt1, yt2)^U, type-7 quartiles,
dq1/dq3 = max(spread, |A * E_M|) and strict inequalities against the bounds. SPEC §11
departs from it on purpose in two places implemented here: ratios of exactly 1 are set
aside before the median and quartiles, and fewer than 5 screened pairs are not screened;
its 10th/90th-percentile fallback is the later univOutl's `pct`.
Run: python3 Fixtures/periods/hb_reference.py  (Python 3.8+, standard library only).
"""
from fractions import Fraction as F
import math

U, A, C = 0.5, 0.05, 4.0

def q7(values, p):
    """Hyndman & Fan type 7 on exact fractions (R's quantile default)."""
    xs = sorted(F(v) for v in values)
    h = (len(xs) - 1) * F(p)
    j = math.floor(h)
    g = h - j
    if j + 1 >= len(xs):
        return xs[j]
    return xs[j] + g * (xs[j + 1] - xs[j])

def hb(pairs):
    out = [None] * len(pairs)
    screened = []
    for i, (a, b) in enumerate(pairs):
        if a is None or b is None or a <= 0 or b <= 0:
            out[i] = dict(ratio=None, outcome="not-screened")
        elif a == b:
            out[i] = dict(ratio=b / a, outcome="unchanged")
        else:
            screened.append(i)
    if len(screened) < 5:
        for i in screened:
            out[i] = dict(ratio=pairs[i][1] / pairs[i][0], outcome="not-screened")
        return out, None
    r = {i: pairs[i][1] / pairs[i][0] for i in screened}
    rm = float(q7(list(r.values()), F(1, 2)))
    E = {}
    for i in screened:
        s = 1 - rm / r[i] if r[i] < rm else r[i] / rm - 1
        E[i] = s * math.sqrt(max(pairs[i]))
    ev = list(E.values())
    em = q7(ev, F(1, 2))
    floor = abs(F(A) * em)
    d1 = max(em - q7(ev, F(1, 4)), floor)
    if d1 == 0:
        d1 = max(em - q7(ev, F(1, 10)), floor)
    d3 = max(q7(ev, F(3, 4)) - em, floor)
    if d3 == 0:
        d3 = max(q7(ev, F(9, 10)) - em, floor)
    low = float(em - F(C) * d1) if d1 > 0 else None
    high = float(em + F(C) * d3) if d3 > 0 else None
    for i in screened:
        e = E[i]
        outcome = "below" if low is not None and e < low else "above" if high is not None and e > high else "within"
        out[i] = dict(ratio=r[i], effect=e, low=low, high=high, outcome=outcome)
    return out, rm

# total_cost of nine matched services, 2011/12 -> 2012/13 (synthetic): service 4 rolled
# over unchanged, service 7 typed in £ thousands the first year (150 for £150,000).
COSTS = [(100000, 104000), (250000, 245000), (80000, 88000), (120000, 120000), (60000, 63000),
         (300000, 330000), (150, 152000), (90000, 85000), (200000, 212000)]

# Ties: six services grew by exactly the median ratio (effect 0), so both quartile
# spreads are 0 and the 10th/90th percentiles stand in.
TIES = [(100, 110)] * 6 + [(100, 90), (100, 200)]

if __name__ == "__main__":
    for name, data in (("COSTS", COSTS), ("TIES", TIES)):
        rows, rm = hb([(float(a), float(b)) for a, b in data])
        print(name, "median ratio", repr(rm))
        for (a, b), row in zip(data, rows):
            print(a, b, {k: v for k, v in row.items()})
