#!/usr/bin/env python3
"""Reference values for the clean stage's outlier screens (Tests/CleaningTests).

Independent of the Swift code: numpy/scipy compute the statistics, this script applies
the rules as SPEC §5 states them, and writes outlier_reference.json.

  modified z : M = 0.6745 (x - median) / MAD, MAD = scipy.stats.median_abs_deviation(scale=1)
               flagged when |M| > threshold; MAD = 0 -> nothing flagged
  tukey      : Q1, Q3 = numpy.percentile(method="linear") (Hyndman-Fan type 7);
               flagged when x < Q1 - k IQR or x > Q3 + k IQR
  z          : z = (x - mean) / std(ddof=1); flagged when |z| > threshold; sd = 0 -> nothing
  log scale  : the same on numpy.log(x) of the values > 0 only; limits reported as exp(limit)

Run: python3 Fixtures/cleaning/make_reference.py  (numpy 2.x, scipy 1.x)
"""
import json
import os

import numpy as np
import scipy
from scipy import stats

DATASETS = {
    # cost per person shaped like the study: £165 .. £10,000, right-skewed
    "cost_per_person": [165, 420, 610, 780, 905, 1010, 1150, 1240, 1385, 1500, 1620, 1730, 1890, 2050,
                        2300, 2600, 2950, 3263, 4100, 10000],
    "symmetric_with_low": [48, 50, 51, 49, 52, 50, 47, 53, 50, 12, 51, 49],
    "mad_zero": [5, 5, 5, 5, 5, 9, 40],
    "iqr_zero": [7, 7, 7, 7, 7, 7, 7, 8],
    "with_zero_and_negative_for_log": [0, 300, 320, 340, 360, 380, 400, 420, 440, 20000],
    "twelve_values_one_far": [10, 11, 12, 10, 11, 12, 10, 11, 12, 10, 11, 60],
}

RULES = [("modified-z", 3.5), ("tukey", 1.5), ("z", 3.0), ("modified-z", 2.0), ("tukey", 3.0)]


def screen(values, method, threshold, log_scale):
    idx = [i for i, v in enumerate(values) if (v > 0 if log_scale else True)]
    x = np.array([values[i] for i in idx], dtype=float)
    if log_scale:
        x = np.log(x)
    back = np.exp if log_scale else (lambda v: v)
    out = []
    if method == "modified-z":
        med = np.median(x)
        mad = stats.median_abs_deviation(x, scale=1.0)
        if mad == 0:
            return out
        for j, v in enumerate(x):
            m = 0.6745 * (v - med) / mad
            if abs(m) > threshold:
                limit = med + np.sign(m) * threshold * mad / 0.6745
                out.append({"index": idx[j], "score": float(m), "limit": float(back(limit)), "above": bool(m > 0)})
    elif method == "tukey":
        q1, q3 = np.percentile(x, [25, 75], method="linear")
        iqr = q3 - q1
        lo, hi = q1 - threshold * iqr, q3 + threshold * iqr
        for j, v in enumerate(x):
            if v > hi:
                out.append({"index": idx[j], "score": None, "limit": float(back(hi)), "above": True})
            elif v < lo:
                out.append({"index": idx[j], "score": None, "limit": float(back(lo)), "above": False})
    elif method == "z":
        if len(x) < 2:
            return out
        mean, sd = np.mean(x), np.std(x, ddof=1)
        if sd == 0:
            return out
        for j, v in enumerate(x):
            z = (v - mean) / sd
            if abs(z) > threshold:
                limit = mean + np.sign(z) * threshold * sd
                out.append({"index": idx[j], "score": float(z), "limit": float(back(limit)), "above": bool(z > 0)})
    return out


def main():
    cases = []
    for name, values in DATASETS.items():
        for method, threshold in RULES:
            for log_scale in (False, True):
                cases.append({
                    "dataset": name, "values": values, "method": method, "threshold": threshold,
                    "log_scale": log_scale, "findings": screen(values, method, threshold, log_scale),
                })
    doc = {"provenance": f"numpy {np.__version__}, scipy {scipy.__version__}; Fixtures/cleaning/make_reference.py",
           "cases": cases}
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "outlier_reference.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
