#!/usr/bin/env python3
"""Exact statistics of binary64 data, for the 2-ulp accuracy tests of StatisticsKernel.

Run from the repository root:  python3 Fixtures/reference/make_exact.py
Writes Fixtures/reference/exact_statistics.json. Standard library only: every value is
a `fractions.Fraction` of the doubles as stored (no floating-point arithmetic at all);
square roots are taken on integers (`math.isqrt`) to 200+ bits. Each exact result is
recorded as a double-double (hi = the correctly rounded double, lo = the rest, rounded)
and as 40 significant digits, so a Swift test can measure its error in ulps without big
numbers. Deterministic: fixed seeds, sorted keys.

Statistics, all of the values as stored in binary64:
  mean = Σx/n; sd = √(Σ(x − x̄)²/(n − 1)); median; type-7 quantiles
  (h = (n − 1)p with p the double, j = ⌊h⌋, x_j + (h − j)(x_{j+1} − x_j));
  Pearson r = Sxy/√(Sxx Syy); Spearman ρ = r of average ranks;
  slope = Sxy/Sxx, intercept = ȳ − slope·x̄.
"""
import decimal
import json
import math
import pathlib
import platform
import random
from fractions import Fraction

HERE = pathlib.Path(__file__).resolve().parent
PROBABILITIES = [0.15865525393145707, 0.8413447460685429, 0.25, 0.5, 0.75, 0.1, 0.9, 0.999, 0.0, 1.0]


def exact_sqrt(q):
    """√q for a non-negative Fraction, as a Fraction within 2^-220 relative."""
    if q == 0:
        return Fraction(0)
    shift = max(0, 460 - (q.numerator.bit_length() - q.denominator.bit_length()))
    shift += shift % 2
    root = math.isqrt((q.numerator << shift) // q.denominator)
    return Fraction(root, 1 << (shift // 2))


def record(exact):
    hi = float(exact)  # Fraction -> float is correctly rounded
    lo = float(exact - Fraction(hi)) if math.isfinite(hi) else 0.0
    with decimal.localcontext() as context:
        context.prec = 40
        digits = str(decimal.Decimal(exact.numerator) / decimal.Decimal(exact.denominator))
    return {"hi": hi, "lo": lo, "decimal": digits}


def mean(xs):
    return sum(xs, Fraction(0)) / len(xs)


def centred_products(xs, ys):
    mx, my = mean(xs), mean(ys)
    return sum(((x - mx) * (y - my) for x, y in zip(xs, ys)), Fraction(0))


def average_ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    ranks = [Fraction(0)] * len(xs)
    start = 0
    while start < len(order):
        end = start + 1
        while end < len(order) and xs[order[end]] == xs[order[start]]:
            end += 1
        for position in range(start, end):
            ranks[order[position]] = Fraction(start + 1 + end, 2)
        start = end
    return ranks


def pearson(xs, ys):
    sxy, sxx, syy = centred_products(xs, ys), centred_products(xs, xs), centred_products(ys, ys)
    magnitude = exact_sqrt(sxy * sxy / (sxx * syy))
    return magnitude if sxy >= 0 else -magnitude


def quantile(sorted_xs, p):
    h = (len(sorted_xs) - 1) * Fraction(p)
    j = math.floor(h)
    g = h - j
    if j + 1 >= len(sorted_xs):
        return sorted_xs[j]
    return sorted_xs[j] + g * (sorted_xs[j + 1] - sorted_xs[j])


def column_statistics(values):
    xs = [Fraction(v) for v in values]
    n = len(xs)
    m = mean(xs)
    ordered = sorted(xs)
    result = {"mean": record(m), "median": record(quantile(ordered, 0.5)),
              "quantiles": [{"p": p, "q": record(quantile(ordered, p))} for p in PROBABILITIES]}
    if n >= 2:
        result["sd"] = record(exact_sqrt(sum(((x - m) ** 2 for x in xs), Fraction(0)) / (n - 1)))
    return result


def pair_statistics(x_values, y_values):
    xs = [Fraction(v) for v in x_values]
    ys = [Fraction(v) for v in y_values]
    slope = centred_products(xs, ys) / centred_products(xs, xs)
    return {"pearson_r": record(pearson(xs, ys)),
            "spearman_rho": record(pearson(average_ranks(xs), average_ranks(ys))),
            "slope": record(slope),
            "intercept": record(mean(ys) - slope * mean(xs))}


def datasets():
    rng = random.Random(20141)
    sets = {}

    def alternating(first, low, high):
        return [float(first)] + [float(low), float(high)] * 500
    # NIST StRD NumAcc1-4 (https://www.itl.nist.gov/div898/strd/univ/), values as stored.
    numacc = {
        "NumAcc1": [10000001.0, 10000003.0, 10000002.0],
        "NumAcc2": alternating("1.2", "1.1", "1.3"),
        "NumAcc3": alternating("1000000.2", "1000000.1", "1000000.3"),
        "NumAcc4": alternating("10000000.2", "10000000.1", "10000000.3"),
    }
    for name, values in numacc.items():
        # y: the same cancellation-prone level with a small signal correlated to x.
        y = [v + float(f"0.{(i * 7) % 10}") * 1e-3 * (1 if i % 4 else -1) for i, v in enumerate(values)]
        sets[name] = {"x": values, "y": [float(v) for v in y]}
    # Right-skewed costs per person (the study's £165-£10,000) and outcome rates.
    cost = [round(math.exp(rng.gauss(7.3, 0.8)), 2) for _ in range(70)]
    rate = [round(min(1.0, max(0.0, 0.45 - 0.00004 * c + rng.gauss(0, 0.12))), 6) for c in cost]
    sets["skewed_costs"] = {"x": cost, "y": rate}
    # Nearly collinear with a 10^7 offset: y = 3x + 10^-6-sized noise, r = 1 - ~1e-13.
    x = [1e7 + 0.01 * i for i in range(200)]
    sets["nearly_collinear_offset"] = {"x": x, "y": [3 * v + rng.uniform(-1, 1) * 1e-6 for v in x]}
    # Nearly collinear at unit scale: r = 1 - ~1e-20 (rounds to within ulps of 1).
    x = [rng.uniform(0, 1) for _ in range(500)]
    sets["nearly_collinear_unit"] = {"x": x, "y": [2 * v + 0.5 + rng.uniform(-1, 1) * 1e-10 for v in x]}
    # Exactly linear (representable): r = 1, slope 0.25, intercept 3.
    x = [float(i) for i in range(-40, 60)]
    sets["exactly_linear"] = {"x": x, "y": [0.25 * v + 3 for v in x]}
    # Weak correlation (|r| ~ 0.05) where r's cancellation is large, wide magnitudes.
    x = [rng.uniform(1e-3, 1e6) for _ in range(300)]
    sets["weak_wide"] = {"x": x, "y": [rng.gauss(0, 1) + 5e-8 * v for v in x]}
    # Ties everywhere (Spearman's average ranks), small integers.
    x = [float(rng.randint(0, 6)) for _ in range(90)]
    sets["ties"] = {"x": x, "y": [float(round(v / 2) + rng.randint(0, 3)) for v in x]}
    return sets


def main():
    out = {}
    for name, data in datasets().items():
        out[name] = {"x": data["x"], "y": data["y"],
                     "x_stats": column_statistics(data["x"]), "y_stats": column_statistics(data["y"]),
                     "pair": pair_statistics(data["x"], data["y"])}
    payload = {"provenance": {"generator": "Fixtures/reference/make_exact.py",
                              "method": "fractions.Fraction on the binary64 values; math.isqrt square roots",
                              "python": platform.python_version()},
               "datasets": out}
    (HERE / "exact_statistics.json").write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
