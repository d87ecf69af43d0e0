#!/usr/bin/env python3
"""Reference values for StatisticsKernel's Elementary functions (log, log1p, exp, expm1,
tanh, atanh, log-gamma), from mpmath at 60 digits on the binary64 arguments.

Run from the repository root:  python3 Fixtures/reference/make_elementary.py
Writes Fixtures/reference/elementary.json: per case the argument and the exact value as a
double-double (hi = correctly rounded, lo = the rest), so a test measures ulps.
Deterministic (fixed seed).
"""
import json
import pathlib
import platform
import random

import mpmath

HERE = pathlib.Path(__file__).resolve().parent
mpmath.mp.dps = 60


def record(value):
    hi = float(value)
    return {"hi": hi, "lo": float(value - mpmath.mpf(hi))}


def main():
    rng = random.Random(14)
    positive = [1e-300, 1e-10, 0.001, 0.5, 0.7071067811865476, 1.0, 1.0000000001, 1.5, 2.0, 10.0,
                12345.678, 1e10, 1e300] + [2 ** rng.uniform(-60, 60) for _ in range(200)]
    small = [1e-17, -1e-17, 1e-9, -3e-6, 0.01, -0.3, 0.5, -0.5, 0.99] + [rng.uniform(-0.999, 3) for _ in range(200)]
    exponents = [-745.0, -700.0, -40.0, -1.0, -1e-9, 0.0, 1e-12, 0.34, 0.35, 0.36, 1.0, 20.0, 700.0, 709.7] + \
        [rng.uniform(-50, 50) for _ in range(200)]
    unit = [0.0, 1e-12, -0.25, 0.5, -0.9, 0.99999, -0.9999999] + [rng.uniform(-1, 1) for _ in range(200)]
    gamma = [1e-8, 0.5, 1.0, 1.0001, 1.5, 2.0, 2.5, 3.0, 9.5, 14.99, 15.0, 30.5, 499999.0] + \
        [rng.uniform(0.01, 60) for _ in range(200)]
    hyperbolic = [0.0, 1e-10, -0.01, 0.3, -1.7, 5.0, 19.0, -21.9] + [rng.uniform(-10, 10) for _ in range(200)]
    cases = {
        "log": [{"x": x, "y": record(mpmath.log(x))} for x in positive],
        "log1p": [{"x": x, "y": record(mpmath.log1p(x))} for x in small],
        "exp": [{"x": x, "y": record(mpmath.exp(x))} for x in exponents],
        "expm1": [{"x": x, "y": record(mpmath.expm1(x))} for x in exponents if x > -40],
        "tanh": [{"x": x, "y": record(mpmath.tanh(x))} for x in hyperbolic],
        "atanh": [{"x": x, "y": record(mpmath.atanh(x))} for x in unit],
        "logGamma": [{"x": x, "y": record(mpmath.loggamma(x))} for x in gamma],
    }
    payload = {"provenance": {"generator": "Fixtures/reference/make_elementary.py", "mpmath": mpmath.__version__,
                              "python": platform.python_version(), "digits": 60},
               "functions": cases}
    (HERE / "elementary.json").write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
