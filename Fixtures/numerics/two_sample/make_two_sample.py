#!/usr/bin/env python3
"""Reference values for the two-sample tests of SPEC §12's Work Choice table
(Tests/StatisticsKernelTests/TwoSampleTests.swift), computed independently of this project.

Run from the repository root with the project's Python (numpy, scipy):
    /work/main/.build/pyenv/bin/python Fixtures/numerics/two_sample/make_two_sample.py
Writes Fixtures/numerics/two_sample/two_sample.json (keys sorted, floats as repr so they
round-trip exactly). Deterministic: fixed seeds. Never edit the JSON by hand.

For each case (two groups of values):
  welch         scipy.stats.ttest_ind(first, second, equal_var=False): t, df, two-sided p;
                null where SPEC §12 says there is no test (a group with < 2 values, or both
                variances 0).
  mann_whitney  scipy.stats.mannwhitneyu(first, second, alternative="two-sided", method=M):
                U of the first group and p, with M = "exact" when both groups have at most 50
                values and no value is tied, else "asymptotic" (use_continuity=True, tie
                correction) — the switch SPEC §12 prescribes (not scipy's "auto", which
                switches at 8); null when a group is empty.
  welch_exact   t and df from exact rational moments (fractions), p from them by scipy's t.sf:
                the reference where scipy's own moments lose digits (the 10^7-offset case).
  exact_p_rational  for the exact cases, the same p from exact rational arithmetic
                (fractions: the Mann–Whitney counts by the q-binomial recurrence), to show
                scipy's floating-point recurrence is itself accurate to ~1e-15 there.
"""
import json
import pathlib
import platform
import random
import warnings
from decimal import Decimal, localcontext
from fractions import Fraction
from math import comb

import numpy as np
import scipy
import scipy.stats

HERE = pathlib.Path(__file__).resolve().parent


def exact_mann_whitney_p(n1, n2, u_first):
    """Two-sided exact p = min(1, 2·P(U ≤ n1·n2 − max(U1, U2))), counts from the q-binomial
    coefficient [n1+n2 choose n1]_q (coefficient k = number of arrangements with U = k)."""
    m, n = min(n1, n2), max(n1, n2)
    u = max(u_first, n1 * n2 - u_first)
    k_max = int(n1 * n2 - u)
    c = [0] * (k_max + 1)
    c[0] = 1
    for i in range(1, m + 1):
        for k in range(k_max, n + i - 1, -1):
            c[k] -= c[k - n - i]
        for k in range(i, k_max + 1):
            c[k] += c[k - i]
    p = Fraction(2 * sum(c), comb(n1 + n2, n1))
    return float(min(p, Fraction(1)))


def exact_welch(first, second):
    """Welch's t and df of the binary64 values from exact rational means and variances
    (one rounding at the end: t from the exact numerator and the correctly rounded square
    root of the exact squared standard error), and p = 2·t.sf(|t|, df) of those. Where scipy's
    floating-point moments cancel (values near 10^7 differing in the 8th digit) this is the
    value to test against; elsewhere it agrees with scipy to ~1e-14."""
    a = [Fraction(x) for x in first]
    b = [Fraction(x) for x in second]

    def moments(xs):
        mean = sum(xs) / len(xs)
        return mean, sum((x - mean) ** 2 for x in xs) / (len(xs) - 1)

    mean_a, var_a = moments(a)
    mean_b, var_b = moments(b)
    e_a, e_b = var_a / len(a), var_b / len(b)
    se2 = e_a + e_b
    # t = (mean_a − mean_b)/√se2: t² exactly, then the sign; float(√) of a Fraction via Decimal.
    t2 = (mean_a - mean_b) ** 2 / se2
    with localcontext() as ctx:
        ctx.prec = 50
        t = float((Decimal(t2.numerator) / Decimal(t2.denominator)).sqrt())
    if mean_a < mean_b:
        t = -t
    df = se2 ** 2 / (e_a ** 2 / (len(a) - 1) + e_b ** 2 / (len(b) - 1))
    df = float(df)
    return {"t": t, "df": df, "p": float(2 * scipy.stats.t.sf(abs(t), df))}


def has_ties(values):
    return len(set(values)) < len(values)


def case(name, first, second, note):
    first = [float(x) for x in first]
    second = [float(x) for x in second]
    result = {"name": name, "note": note, "first": first, "second": second}

    var1 = np.var(first, ddof=1) if len(first) >= 2 else None
    var2 = np.var(second, ddof=1) if len(second) >= 2 else None
    if len(first) < 2 or len(second) < 2 or (var1 == 0 and var2 == 0):
        result["welch"] = None
    else:
        res = scipy.stats.ttest_ind(first, second, equal_var=False)
        result["welch"] = {"t": float(res.statistic), "df": float(res.df), "p": float(res.pvalue)}
        result["welch_exact"] = exact_welch(first, second)

    if not first or not second:
        result["mann_whitney"] = None
    else:
        exact = len(first) <= 50 and len(second) <= 50 and not has_ties(first + second)
        res = scipy.stats.mannwhitneyu(first, second, alternative="two-sided",
                                       method="exact" if exact else "asymptotic",
                                       use_continuity=True)
        mw = {"u": float(res.statistic), "p": float(res.pvalue), "exact": exact}
        if exact:
            mw["exact_p_rational"] = exact_mann_whitney_p(len(first), len(second), res.statistic)
        result["mann_whitney"] = mw
    return result


def distinct(rng, count, low, high, digits=3):
    """`count` distinct values, rounded to `digits` decimals."""
    seen = set()
    while len(seen) < count:
        seen.add(round(rng.uniform(low, high), digits))
    values = list(seen)
    rng.shuffle(values)
    return values


def cases():
    rng = random.Random(20141206)
    out = []
    out.append(case("small-no-ties", [1.2, 3.4, 5.6], [2.1, 4.3, 6.5, 7.7],
                    "3 vs 4, no ties: exact"))
    out.append(case("small-ties", [1, 2, 2, 3, 5], [2, 3, 3, 4, 6, 6],
                    "5 vs 6 with ties across and within groups: asymptotic"))
    out.append(case("unequal-sizes", distinct(rng, 5, 0, 100), distinct(rng, 17, 20, 140),
                    "5 vs 17, no ties: exact"))
    both = distinct(rng, 100, 0, 1000)
    out.append(case("switch-50-50", both[:50], both[50:],
                    "50 vs 50, no ties: still exact (the switch's last exact size)"))
    both = distinct(rng, 101, 0, 1000)
    out.append(case("switch-51-50", both[:51], both[51:],
                    "51 vs 50, no ties: asymptotic (one group above 50)"))
    both = distinct(rng, 101, 0, 1000)
    out.append(case("switch-50-51", both[:50], both[50:],
                    "50 vs 51, no ties: asymptotic"))
    both = distinct(rng, 53, 0, 10)
    out.append(case("switch-50-3", both[:50], both[50:], "50 vs 3, no ties: exact"))
    out.append(case("separated-50-50", [float(i) for i in range(100, 150)],
                    [float(i) for i in range(50)],
                    "50 vs 50 completely separated: exact p = 2/C(100, 50), Welch p tiny"))
    out.append(case("separated-ties-60-60", [float(100 + i // 2) for i in range(60)],
                    [float(i // 3) for i in range(60)],
                    "60 vs 60 separated, many ties: asymptotic"))
    out.append(case("one-each", [3.0], [5.0], "1 vs 1: no Welch; exact U = 0, p = 1"))
    out.append(case("one-vs-five", [2.5], [1.0, 2.0, 3.0, 4.0, 5.0],
                    "1 vs 5: no Welch (a group with one value); exact"))
    out.append(case("two-each", [1.0, 4.0], [2.0, 9.0], "2 vs 2: exact; Welch on 2 values each"))
    out.append(case("equal-values", [7.0, 7.0, 7.0], [7.0, 7.0, 7.0, 7.0],
                    "every value equal: no Welch (both variances 0); asymptotic with s = 0, p = 1"))
    out.append(case("constant-groups-differ", [1.0, 1.0, 1.0], [4.0, 4.0],
                    "each group constant, different levels: no Welch (both variances 0)"))
    out.append(case("one-group-constant", [5.0, 5.0, 5.0, 5.0], [1.0, 3.0, 4.0, 8.0, 9.0],
                    "one variance 0: Welch df = n − 1 of the other; ties: asymptotic"))
    out.append(case("centre-u", [1.0, 4.0, 5.0, 8.0], [2.0, 3.0, 6.0, 7.0],
                    "U = n1·n2/2 exactly: two-sided exact p clipped to 1"))
    out.append(case("empty-first", [], [1.0, 2.0], "an empty group: no test at all"))
    starts_top = distinct(rng, 20, 20, 140, 4)
    starts_bottom = distinct(rng, 20, 25, 150, 4)
    out.append(case("work-choice-20-20", starts_top, starts_bottom,
                    "20 vs 20 starts per 100k, no ties: exact (the Work Choice table's shape)"))
    out.append(case("work-choice-20-20-ties", [round(x) for x in starts_top],
                    [round(x) for x in starts_bottom],
                    "the same rounded to whole starts: ties, asymptotic"))
    large = [rng.gauss(1e7, 0.1) for _ in range(30)]
    out.append(case("offset-1e7", large[:15], [x + 0.05 for x in large[15:]],
                    "values near 10^7 differing in the 8th digit: Welch needs exact variances"))
    out.append(case("large-ties-120-80", [float(rng.randint(0, 20)) for _ in range(120)],
                    [float(rng.randint(3, 25)) for _ in range(80)],
                    "120 vs 80 integer scores with heavy ties: asymptotic with tie correction"))
    return out


def main():
    # scipy warns that its moments cancel on the 10^7-offset case: that case is there to show
    # it, and `welch_exact` carries the exact values.
    warnings.filterwarnings("ignore", message="Precision loss occurred in moment calculation")
    payload = {
        "provenance": {
            "generator": "Fixtures/numerics/two_sample/make_two_sample.py",
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
        },
        "cases": cases(),
    }
    text = json.dumps(payload, indent=2, sort_keys=True) + "\n"
    (HERE / "two_sample.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
