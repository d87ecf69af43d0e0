#!/usr/bin/env python3
"""Reference fits for the Poisson model of SPEC §14, from statsmodels.

Every expected figure is statsmodels' own:

    GLM(y, X, family=Poisson(), offset=np.log(cost)).fit(cov_type="HC0")

with X = [1, covariates…] in the order of the pipeline's `[model] covariates`, the rate
ratio exp(β), the 95% interval exp(β ∓ 1.959963984540054·SE) (`res.conf_int()`), the
two-sided normal p (`res.pvalues`), Pearson's dispersion `res.pearson_chi2 / res.df_resid`,
`res.deviance` and `res.fit_history["iteration"]`. The design of the sample is derived
here from Fixtures/returns/sample-70.csv following SPEC §5 and §14's words, sharing no
code with vfm. Designs statsmodels must not be asked about (rank-deficient, n < p + 2,
no positive count) are written with `"expected": null` and the reason vfm must give.

Each fit is also run with tol=1e-13 (statsmodels' IRLS to the end): the script stops if
the default fit is further than 1e-9 from it, so the default's figures are the model's.

Run from the repository root (statsmodels in a venv: python3 -m venv .build/statsenv &&
.build/statsenv/bin/pip install statsmodels):

    .build/statsenv/bin/python Fixtures/model/make_model_fixtures.py

Writes Fixtures/model/cases.json, Fixtures/model/returns-model.csv (a small set of
returns whose exclusions the end-to-end test checks; its expected fit is a case here) and
the model tables of the report's golden fixture, Fixtures/report/small-run/tables/model*.csv.
"""
import csv
import json
import os
import sys

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
Z = 1.959963984540054
EVIDENCE = ("ips-fidelity", "observed-good-practice")
DEFAULT = ["evidence_based", "client_focus", "log_people_supported"]
MISSING = ("", "n/a", "-", "don't know", "don’t know", "no info available", "not known")


# ---- SPEC §5 derivations, written out from the SPEC's words -------------------------

def number(text):
    text = (text or "").strip().replace("£", "").replace(",", "")
    return None if text.lower() in MISSING else float(text)


def job_outcomes(row):
    parts = [number(row.get(k)) for k in ("outcomes_gained", "outcomes_retained", "outcomes_self_employed")]
    return sum(parts) if None not in parts else number(row.get("outcomes_total"))


def client_focus(row):
    people = number(row["people_supported"])
    ld, mh = number(row.get("clients_ld")), number(row.get("clients_mh"))
    if not people:
        return "unknown"
    ld_share = None if ld is None else ld / people
    mh_share = None if mh is None else mh / people
    if ld_share is not None and ld_share > 0.5:
        return "LD"
    if mh_share is not None and mh_share > 0.5:
        return "MH"
    if ld_share is not None and mh_share is not None:
        return "mixed"
    return "unknown"


def support_level_index(row):
    counts = [number(row.get(k)) for k in ("support_lt7", "support_7to40", "support_40plus")]
    if None in counts or sum(counts) <= 0:
        return None
    return (counts[0] + 3 * counts[1] + 10 * counts[2]) / sum(counts)


def is_evidence_based(label):
    """README: case-insensitive, spaces or underscores for the hyphens; blank or any other
    label is not evidence-based."""
    words = (label or "").lower().replace("_", " ").replace("-", " ").split()
    return "-".join(words) in EVIDENCE


def period_key(label):
    """Financial years `2012/13` and calendar years `2013` sort by their first year."""
    label = (label or "").strip()
    return int(label[:4]) if label[:4].isdigit() else -1


def current_returns(rows):
    """Each service's latest period (SPEC §11), the service named by authority and service."""
    latest = {}
    for row in rows:
        key = (" ".join(row["authority"].lower().split()), " ".join(row["service"].lower().split()))
        if key not in latest or period_key(row.get("period")) > period_key(latest[key].get("period")):
            latest[key] = row
    return list(latest.values())


def model_data(rows, covariates):
    """SPEC §14: total_cost > 0, job_outcomes known, every covariate known (client focus
    not unknown, people_supported > 0 for its log). Returns y, cost, X columns by term."""
    terms = ["intercept"]
    for name in covariates:
        terms += ["client_focus_MH", "client_focus_mixed"] if name == "client_focus" else [name]
    y, cost, columns = [], [], {t: [] for t in terms}
    for row in current_returns(rows):
        total, outcomes, people = number(row["total_cost"]), job_outcomes(row), number(row["people_supported"])
        focus, sli = client_focus(row), support_level_index(row)
        if total is None or total <= 0 or outcomes is None:
            continue
        if "client_focus" in covariates and focus == "unknown":
            continue
        if "log_people_supported" in covariates and not (people and people > 0):
            continue
        if "support_level_index" in covariates and sli is None:
            continue
        y.append(outcomes)
        cost.append(total)
        columns["intercept"].append(1.0)
        for t in terms[1:]:
            columns[t].append({
                "evidence_based": 1.0 if is_evidence_based(row.get("evidence_based")) else 0.0,
                "client_focus_MH": 1.0 if focus == "MH" else 0.0,
                "client_focus_mixed": 1.0 if focus == "mixed" else 0.0,
                "log_people_supported": float(np.log(people)) if people else None,
                "support_level_index": sli,
            }[t])
    return y, cost, terms, columns


# ---- the reference fit -------------------------------------------------------------

def fit(y, cost, terms, columns, **kwargs):
    X = np.column_stack([columns[t] for t in terms])
    model = sm.GLM(np.asarray(y, float), X, family=sm.families.Poisson(), offset=np.log(np.asarray(cost, float)))
    return model.fit(cov_type="HC0", **kwargs)


def case(name, what, covariates, y, cost, terms, columns, reason=None):
    entry = {"name": name, "what": what, "covariates": covariates, "terms": terms,
             "counts": [float(v) for v in y], "costs": [float(v) for v in cost],
             "design": [[float(v) for v in columns[t]] for t in terms]}
    if reason is not None:
        entry["expected"] = None
        entry["reason"] = reason
        return entry
    res = fit(y, cost, terms, columns)
    tight = fit(y, cost, terms, columns, tol=1e-13, maxiter=1000)
    gap = float(np.max(np.abs(res.params - tight.params)))
    if gap > 1e-9 or not res.converged:
        sys.exit(f"{name}: the default fit is {gap:g} from the converged one (converged={res.converged})")
    ci = np.asarray(res.conf_int())
    rows = []
    for k, term in enumerate(terms):
        rows.append({"term": term, "estimate": float(res.params[k]), "se": float(res.bse[k]),
                     "rate_ratio": float(np.exp(res.params[k])), "ci_low": float(np.exp(ci[k, 0])),
                     "ci_high": float(np.exp(ci[k, 1])), "p_value": float(res.pvalues[k])})
        assert abs(ci[k, 0] - (res.params[k] - Z * res.bse[k])) < 1e-12
    entry["expected"] = {
        "model": rows,
        "fit": {"n": int(res.nobs), "parameters": len(terms), "dispersion": float(res.pearson_chi2 / res.df_resid),
                "deviance": float(res.deviance), "iterations": int(res.fit_history["iteration"])},
        "default_vs_tight_max_abs": gap,
    }
    return entry


def synthetic(rng, n, covariates, beta, dispersion=None, evidence_share=0.3, zero_evidence_outcomes=False):
    """A design and counts drawn from the model (Poisson, or negative binomial when
    `dispersion` is given: variance μ + μ²/dispersion)."""
    terms = ["intercept"]
    for name in covariates:
        terms += ["client_focus_MH", "client_focus_mixed"] if name == "client_focus" else [name]
    focus = rng.choice(["LD", "MH", "mixed"], size=n, p=[0.45, 0.45, 0.1])
    focus[:3] = ["LD", "MH", "mixed"]
    evidence = (rng.random(n) < evidence_share).astype(float)
    evidence[:2] = [1.0, 0.0]
    people = rng.integers(10, 900, size=n).astype(float)
    cost = np.round(people * rng.lognormal(np.log(1500), 0.6, size=n))
    sli = rng.uniform(1, 6, size=n)
    values = {"intercept": np.ones(n), "evidence_based": evidence,
              "client_focus_MH": (focus == "MH").astype(float), "client_focus_mixed": (focus == "mixed").astype(float),
              "log_people_supported": np.log(people), "support_level_index": sli}
    eta = np.log(cost) + sum(beta[t] * values[t] for t in terms)
    mu = np.exp(eta)
    if dispersion is None:
        y = rng.poisson(mu).astype(float)
    else:
        y = rng.negative_binomial(dispersion, dispersion / (dispersion + mu)).astype(float)
    if zero_evidence_outcomes:
        y[evidence == 1] = 0.0
        y[np.flatnonzero(evidence == 1)[0]] = 1.0
    y = np.minimum(y, people)  # job outcomes never exceed people supported (a reject rule)
    return list(y), list(cost), terms, {t: list(values[t]) for t in terms}


RETURN_COLUMNS = ["authority", "service", "period", "evidence_based", "total_cost", "people_supported", "clients_ld",
                  "clients_mh", "support_lt7", "support_7to40", "support_40plus", "outcomes_gained",
                  "outcomes_retained", "outcomes_self_employed", "outcomes_total"]


def model_returns(rng):
    """36 returns exercising SPEC §14's choice of services: unknown client focus, zero
    cost, zero people, an earlier period of a service, evidence labels written loosely,
    outcomes given as a breakdown or a total, support levels for some."""
    rows = []
    labels = ["ips-fidelity", "IPS fidelity", "observed-good-practice", "observed_good_practice", "no", "", "pending"]
    for i in range(36):
        people = int(rng.integers(12, 700))
        focus = ["LD", "MH", "mixed"][i % 3]
        ld = {"LD": 0.7, "MH": 0.1, "mixed": 0.4}[focus]
        mh = {"LD": 0.1, "MH": 0.75, "mixed": 0.4}[focus]
        label = labels[i % len(labels)]
        rate = 1 / 5000 * (1.8 if is_evidence_based(label) else 1.0) * (people ** 0.2)
        cost = float(round(people * rng.lognormal(np.log(1400), 0.5)))
        outcomes = int(min(people, rng.poisson(cost * rate / 40) if i % 5 else rng.poisson(cost * rate / 25)))
        row = {"authority": f"Testshire {i // 4 + 1}", "service": f"Service {i + 1}", "period": "2013/14",
               "evidence_based": label, "total_cost": str(int(cost)), "people_supported": str(people),
               "clients_ld": str(int(people * ld)), "clients_mh": str(int(people * mh)),
               "support_lt7": "", "support_7to40": "", "support_40plus": "",
               "outcomes_gained": "", "outcomes_retained": "", "outcomes_self_employed": "",
               "outcomes_total": str(outcomes)}
        if i % 4 == 0:
            a = int(people * 0.6)
            b = int(people * 0.3)
            row.update(support_lt7=str(a), support_7to40=str(b), support_40plus=str(people - a - b))
        if i % 6 == 1:  # outcomes as the full breakdown, no total
            g = outcomes // 2
            row.update(outcomes_gained=str(g), outcomes_retained=str(outcomes - g), outcomes_self_employed="0",
                       outcomes_total="")
        rows.append(row)
    rows[5].update(clients_ld="", clients_mh="")              # client focus unknown: left out
    rows[11].update(total_cost="0")                           # no cost, no offset: left out
    rows[17].update(people_supported="0", clients_ld="0", clients_mh="0", outcomes_total="0")  # no log: left out
    earlier = dict(rows[20], period="2012/13", total_cost=str(int(rows[20]["total_cost"]) * 3))
    rows.append(earlier)                                      # an earlier return: not current, left out
    return rows


def figure(value):
    """A cell as vfm writes a figure: shortest round-trip digits, no `.0` on integers."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def small_run_tables():
    """tables/model.csv and model_fit.csv of the Reporting golden fixture
    (Fixtures/report/small-run, whose clean/services.csv carries the derived columns),
    default covariates, for the report to render; statsmodels' figures."""
    run = os.path.join(ROOT, "Fixtures/report/small-run")
    with open(os.path.join(run, "clean/services.csv"), newline="", encoding="utf-8") as f:
        services = [r for r in csv.DictReader(f) if r["excluded_from_statistics"] != "true"]
    rows = []
    for r in services:
        people, total, outcomes = number(r["people_supported"]), number(r["total_cost"]), number(r["job_outcomes"])
        if total is None or total <= 0 or outcomes is None or r["client_focus"] == "unknown" or not people:
            continue
        rows.append(r)
    y = [number(r["job_outcomes"]) for r in rows]
    cost = [number(r["total_cost"]) for r in rows]
    columns = {"intercept": [1.0] * len(rows),
               "evidence_based": [1.0 if is_evidence_based(r["evidence_based"]) else 0.0 for r in rows],
               "client_focus_MH": [1.0 if r["client_focus"] == "MH" else 0.0 for r in rows],
               "client_focus_mixed": [1.0 if r["client_focus"] == "mixed" else 0.0 for r in rows],
               "log_people_supported": [float(np.log(number(r["people_supported"]))) for r in rows]}
    terms = list(columns)
    entry = case("report-small-run", "the report fixture's services", DEFAULT, y, cost, terms, columns)
    with open(os.path.join(run, "tables/model.csv"), "w", encoding="utf-8") as f:
        f.write("term,estimate,se,rate_ratio,ci_low,ci_high,p_value\n")
        for t in entry["expected"]["model"]:
            f.write(",".join([t["term"]] + [figure(t[k]) for k in ("estimate", "se", "rate_ratio", "ci_low", "ci_high",
                                                                   "p_value")]) + "\n")
    fit_row = entry["expected"]["fit"]
    with open(os.path.join(run, "tables/model_fit.csv"), "w", encoding="utf-8") as f:
        f.write("n,parameters,dispersion,deviance,iterations\n")
        f.write(f'{fit_row["n"]},{fit_row["parameters"]},{figure(fit_row["dispersion"])},{figure(fit_row["deviance"])},'
                f'{fit_row["iterations"]}\n')
    return entry


def main():
    with open(os.path.join(ROOT, "Fixtures/returns/sample-70.csv"), newline="", encoding="utf-8") as f:
        sample = list(csv.DictReader(f))
    cases = []
    cases.append(case("sample", "the sample's 70 returns, default covariates (SPEC §14)", DEFAULT,
                      *model_data(sample, DEFAULT)))
    with_sli = DEFAULT + ["support_level_index"]
    cases.append(case("sample-support-level-index", "the sample's returns with support-level data, SLI added",
                      with_sli, *model_data(sample, with_sli)))

    rng = np.random.default_rng(20261206)
    base = {"intercept": np.log(1 / 4000), "evidence_based": 0.6, "client_focus_MH": -0.2,
            "client_focus_mixed": 0.1, "log_people_supported": 0.15, "support_level_index": -0.05}
    cases.append(case("poisson-30", "30 services drawn from the model", DEFAULT,
                      *synthetic(rng, 30, DEFAULT, base)))
    cases.append(case("support-level-index-40", "40 services, support_level_index as a fourth covariate", with_sli,
                      *synthetic(rng, 40, with_sli, base)))
    cases.append(case("over-dispersed-60", "60 services, negative binomial counts (dispersion well above 1)",
                      DEFAULT, *synthetic(rng, 60, DEFAULT, base, dispersion=2.0)))
    cases.append(case("near-separation-25", "25 services; evidence-based ones have one job outcome between them",
                      DEFAULT, *synthetic(rng, 25, DEFAULT, base, evidence_share=0.25, zero_evidence_outcomes=True)))
    cases.append(case("evidence-only-12", "12 services, evidence_based as the only covariate", ["evidence_based"],
                      *synthetic(rng, 12, ["evidence_based"], base)))
    cases.append(case("smallest-7", "n = p + 2 exactly: 7 services, 5 parameters", DEFAULT,
                      *synthetic(rng, 7, DEFAULT, base)))

    y, cost, terms, columns = synthetic(rng, 20, DEFAULT, base)
    columns["evidence_based"] = [0.0] * 20
    cases.append(case("no-evidence-based", "no service is evidence-based: the column is all zeros", DEFAULT,
                      y, cost, terms, columns, reason="rank-deficient"))
    y, cost, terms, columns = synthetic(rng, 20, DEFAULT, base)
    columns["client_focus_mixed"] = list(columns["evidence_based"])
    cases.append(case("collinear", "the mixed indicator equals the evidence-based one", DEFAULT,
                      y, cost, terms, columns, reason="rank-deficient"))
    cases.append(case("too-small-6", "6 services for 5 parameters (n < p + 2)", DEFAULT,
                      *synthetic(rng, 6, DEFAULT, base), reason="too-few"))
    y, cost, terms, columns = synthetic(rng, 15, DEFAULT, base)
    cases.append(case("no-outcomes", "no service has a job outcome: no finite maximum", DEFAULT,
                      [0.0] * 15, cost, terms, columns, reason="no-finite-estimate"))

    returns = model_returns(np.random.default_rng(14))
    with open(os.path.join(HERE, "returns-model.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=RETURN_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(returns)
    cases.append(case("returns-model", "Fixtures/model/returns-model.csv through SPEC §5 and §14's rules", DEFAULT,
                      *model_data(returns, DEFAULT)))

    cases.append(small_run_tables())

    for c in cases:
        if c["expected"] is not None:
            print(f'{c["name"]:28} n={c["expected"]["fit"]["n"]:3} iterations={c["expected"]["fit"]["iterations"]}'
                  f' default-vs-tight={c["expected"]["default_vs_tight_max_abs"]:.1e}')
    provenance = {"generator": "Fixtures/model/make_model_fixtures.py", "statsmodels": statsmodels.__version__,
                  "numpy": np.__version__, "scipy": scipy.__version__, "python": sys.version.split()[0]}
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
        json.dump({"provenance": provenance, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
