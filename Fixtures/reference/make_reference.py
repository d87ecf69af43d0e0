#!/usr/bin/env python3
"""Reference values for Tests/StatisticsKernelTests, computed independently of this project.

Run from the repository root:  python3 Fixtures/reference/make_reference.py
Writes Fixtures/reference/*.json (keys sorted, 2-space indent, floats as repr so they
round-trip exactly). Never edit the JSON by hand; change this script and re-run it.
"""
import json
import pathlib
import platform
import sys
from decimal import Decimal, getcontext
from fractions import Fraction

import mpmath
import numpy as np
import scipy
import scipy.special
import scipy.stats

HERE = pathlib.Path(__file__).resolve().parent


def provenance():
    return {
        "generator": "Fixtures/reference/make_reference.py",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "mpmath": mpmath.__version__,
    }


def write(name, payload):
    payload = {"provenance": provenance(), **payload}
    text = json.dumps(payload, indent=2, sort_keys=True) + "\n"
    (HERE / name).write_text(text, encoding="utf-8")


def order_statistics():
    """numpy median / quantile(method='linear') (= Hyndman-Fan type 7) / raw MAD."""
    rng = np.random.default_rng(20141)
    samples = [
        [3.0],
        [2.0, 1.0],
        [5.0, 1.0, 4.0, 2.0, 3.0],
        [165.0, 10000.0, 820.5, 2300.0, 1410.25, 990.0, 4100.0, 610.0],
        [1.0, 1.0, 1.0, 2.0, 9.0, 9.0],
        [round(float(v), 6) for v in rng.lognormal(7.0, 1.0, 37)],
        [float(v) for v in rng.normal(0.0, 1.0, 100)],
    ]
    probabilities = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0]
    cases = []
    for values in samples:
        a = np.asarray(values, dtype=np.float64)
        med = float(np.median(a))
        cases.append({
            "values": values,
            "median": med,
            "mad": float(scipy.stats.median_abs_deviation(a, scale=1.0)),
            "quantiles": [
                {"p": p, "q": float(np.quantile(a, p, method="linear"))}
                for p in probabilities
            ],
        })
    write("order_statistics.json", {"cases": cases})


# --- NIST StRD NumAcc1-4: exact statistics of the values as stored in binary64 -------

def numacc_datasets():
    """Definitions from https://www.itl.nist.gov/div898/strd/univ/ (NumAcc1.dat ...)."""
    def alternating(first, low, high):
        return [first] + [low, high] * 500  # 1001 values
    return {
        "NumAcc1": {"values": ["10000001", "10000003", "10000002"],
                    "certified_mean": "10000002", "certified_sd": "1"},
        "NumAcc2": {"values": alternating("1.2", "1.1", "1.3"),
                    "certified_mean": "1.2", "certified_sd": "0.1"},
        "NumAcc3": {"values": alternating("1000000.2", "1000000.1", "1000000.3"),
                    "certified_mean": "1000000.2", "certified_sd": "0.1"},
        "NumAcc4": {"values": alternating("10000000.2", "10000000.1", "10000000.3"),
                    "certified_mean": "10000000.2", "certified_sd": "0.1"},
    }


def double_double(exact):
    """(hi, lo) doubles with hi + lo = exact to ~1e-32 relative; lets a Swift test
    measure its error against the exact value without big-number arithmetic."""
    hi = float(exact)
    lo = float(exact - Fraction(hi))
    return hi, lo


def numacc():
    getcontext().prec = 60
    out = {}
    for name, spec in numacc_datasets().items():
        stored = [Fraction(float(v)) for v in spec["values"]]  # exact binary64 values
        n = len(stored)
        mean = sum(stored) / n
        variance = sum((x - mean) ** 2 for x in stored) / (n - 1)
        sd = (Decimal(variance.numerator) / Decimal(variance.denominator)).sqrt()
        mean_hi, mean_lo = double_double(mean)
        sd_hi, sd_lo = double_double(Fraction(sd))
        out[name] = {
            "values": [float(v) for v in spec["values"]],
            "certified_mean": spec["certified_mean"],
            "certified_sd": spec["certified_sd"],
            "exact_mean": f"{Decimal(mean.numerator) / Decimal(mean.denominator):.40g}",
            "exact_sd": f"{sd:.40g}",
            "exact_mean_hi": mean_hi, "exact_mean_lo": mean_lo,
            "exact_sd_hi": sd_hi, "exact_sd_lo": sd_lo,
            "numpy_mean": float(np.mean(np.asarray(spec["values"], dtype=np.float64))),
            "numpy_sd": float(np.std(np.asarray(spec["values"], dtype=np.float64), ddof=1)),
        }
    write("numacc.json", {"datasets": out})


# --- Regularized incomplete beta and Student t ------------------------------------

def mp_betainc(a, b, x):
    """(I_x(a, b), source): mpmath at 40 digits from the binary64 arguments, or, where
    mpmath's hypergeometric series does not converge (large a or b), scipy's betainc."""
    try:
        value = mpmath.betainc(mpmath.mpf(a), mpmath.mpf(b), 0, mpmath.mpf(x), regularized=True)
        return float(value), "mpmath"
    except mpmath.libmp.NoConvergence:
        return float(scipy.special.betainc(float(a), float(b), float(x))), "scipy"


def incomplete_beta():
    """`value`: mpmath at 40 digits from the binary64 arguments where it converges,
    else scipy (`source` says which); `scipy`: scipy.special.betainc, recorded for
    comparison (it is off by ~1e-12 relative near x = 1 for a = b = 1/2, which is
    why mpmath is preferred)."""
    mpmath.mp.dps = 40
    cases = []
    for a in [0.5, 1.0, 2.5, 10.0, 34.0, 250.0, 5000.0, 499999.0]:
        for b in [0.5, 1.0, 3.0, 40.0]:
            for x in [1e-10, 1e-3, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999, 1 - 1e-9]:
                value, source = mp_betainc(a, b, x)
                if value > 1e-300:  # far tails underflow binary64; keep informative cases
                    cases.append({"a": a, "b": b, "x": x, "value": value, "source": source,
                                  "scipy": float(scipy.special.betainc(a, b, x))})
    write("incomplete_beta.json", {"cases": cases})


def student_t():
    """`p`: scipy 2*t.sf(|t|, df); `mpmath`: I_{df/(df+t^2)}(df/2, 1/2) at 40 digits
    (scipy where mpmath does not converge; `source` says which)."""
    mpmath.mp.dps = 40
    cases = []
    for df in [1.0, 2.0, 3.0, 5.0, 10.0, 28.0, 66.0, 100.0, 1000.0, 1e5, 1e6]:
        for t in [0.0, 0.01, 0.5, 1.0, 1.96, 2.5, 4.0, 8.0, 20.0, 60.0]:
            p = float(2 * scipy.stats.t.sf(abs(t), df))
            mpmath.mp.dps = 40
            t2 = mpmath.mpf(t) ** 2
            try:
                exact = float(mpmath.betainc(mpmath.mpf(df) / 2, mpmath.mpf(0.5), 0,
                                             df / (df + t2), regularized=True))
                source = "mpmath"
            except mpmath.libmp.NoConvergence:
                exact, source = p, "scipy"
            if p > 0.0:
                cases.append({"df": df, "t": t, "p": p, "reference": exact, "source": source})
    write("student_t.json", {"cases": cases})


# --- Correlation: pearsonr / spearmanr on pairwise-complete cases ------------------

def correlation_columns():
    rng = np.random.default_rng(2014)
    n = 60
    z = rng.normal(size=(n, 4))
    cost = np.exp(7.0 + 0.8 * z[:, 0])                            # cost per person, skewed
    rate = 0.1 + 0.08 * (0.6 * z[:, 0] - 0.8 * z[:, 1])          # outcome rate
    sli = 1 + 3 * np.abs(z[:, 2]) + 0.3 * z[:, 0]                 # support level index
    hours = np.round(10 + 3 * z[:, 3] + 1.5 * z[:, 1])            # integer-valued: ties
    columns = [list(map(float, c)) for c in (cost, rate, sli, hours)]
    # Missing pattern: different per column so pairwise n differs per pair.
    for i in range(0, n, 7):
        columns[0][i] = None
    for i in range(3, n, 5):
        columns[1][i] = None
    for i in range(n):
        if i % 3 == 1:
            columns[2][i] = None
    columns[3][n - 1] = None
    return columns


def pair_reference(x, y):
    keep = [i for i in range(len(x)) if x[i] is not None and y[i] is not None]
    xs = np.array([x[i] for i in keep])
    ys = np.array([y[i] for i in keep])
    result = scipy.stats.pearsonr(xs, ys)
    ci = result.confidence_interval(confidence_level=0.95)
    return {
        "n": len(keep),
        "pearson_r": float(result.statistic),
        "p_value": float(result.pvalue),
        "ci_low": float(ci.low),
        "ci_high": float(ci.high),
        "spearman_rho": float(scipy.stats.spearmanr(xs, ys).statistic),
    }


def correlation():
    sets = []
    columns = correlation_columns()
    pairs = []
    for j in range(len(columns)):
        for k in range(j + 1, len(columns)):
            pairs.append({"j": j, "k": k, **pair_reference(columns[j], columns[k])})
    sets.append({"name": "pairwise-missing", "columns": columns, "pairs": pairs})

    # The same variables with every value present, where one dsyrk serves all pairs.
    complete = [[v for v in c if v is not None][:30] for c in columns]
    pairs = []
    for j in range(len(complete)):
        for k in range(j + 1, len(complete)):
            pairs.append({"j": j, "k": k, **pair_reference(complete[j], complete[k])})
    sets.append({"name": "complete", "columns": complete, "pairs": pairs})

    # Small n with ties, n = 5 (CI defined, df = 3).
    small = [[1.0, 2.0, 2.0, 4.0, 7.0], [3.0, 1.0, 4.0, 4.0, 9.0]]
    sets.append({"name": "small-ties", "columns": small,
                 "pairs": [{"j": 0, "k": 1, **pair_reference(*small)}]})

    # Strong correlation, large offset: r near 1, p tiny.
    rng = np.random.default_rng(7)
    x = 1e7 + rng.normal(size=200)
    y = 3.0 * x + 0.01 * rng.normal(size=200)
    near = [list(map(float, x)), list(map(float, y))]
    sets.append({"name": "near-linear-offset", "columns": near,
                 "pairs": [{"j": 0, "k": 1, **pair_reference(*near)}]})
    write("correlation.json", {"sets": sets})


# --- Least squares: exact rational solution and scipy.stats.linregress ---------------

def least_squares():
    rng = np.random.default_rng(11)
    cases = [
        ("hand", [1.0, 2.0, 3.0, 4.0], [2.0, 3.0, 5.0, 6.0]),
        ("cost-vs-rate", list(map(float, np.exp(7 + rng.normal(size=40)))),
                         list(map(float, 0.2 + 0.05 * rng.normal(size=40)))),
        ("large-offset-x", [1e7 + 0.1 * i for i in range(25)],
                           [float(v) for v in 2.0 + 0.5 * np.arange(25) + rng.normal(size=25)]),
    ]
    out = []
    for name, x, y in cases:
        fx = [Fraction(v) for v in x]
        fy = [Fraction(v) for v in y]
        n = len(fx)
        mx, my = sum(fx) / n, sum(fy) / n
        slope = sum((a - mx) * (b - my) for a, b in zip(fx, fy)) / sum((a - mx) ** 2 for a in fx)
        intercept = my - slope * mx
        lr = scipy.stats.linregress(x, y)
        out.append({"name": name, "x": x, "y": y,
                    "exact_slope": float(slope), "exact_intercept": float(intercept),
                    "scipy_slope": float(lr.slope), "scipy_intercept": float(lr.intercept)})
    write("least_squares.json", {"cases": out})


def main():
    order_statistics()
    numacc()
    incomplete_beta()
    student_t()
    correlation()
    least_squares()


if __name__ == "__main__":
    sys.exit(main())
