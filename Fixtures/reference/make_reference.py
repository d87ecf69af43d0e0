#!/usr/bin/env python3
"""Reference values for Tests/NumericsTests, computed independently of this project.

Run from the repository root:  python3 Fixtures/reference/make_reference.py
Writes Fixtures/reference/*.json (keys sorted, 2-space indent, floats as repr so they
round-trip exactly). Never edit the JSON by hand; change this script and re-run it.
"""
import json
import pathlib
import platform
import sys

import numpy as np
import scipy

HERE = pathlib.Path(__file__).resolve().parent


def provenance():
    return {
        "generator": "Fixtures/reference/make_reference.py",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
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


def main():
    import scipy.stats  # noqa: F401  (imported for its side effect on scipy.stats)
    order_statistics()


if __name__ == "__main__":
    sys.exit(main())
