#!/usr/bin/env python3
"""Generate Fixtures/returns/sample-70.csv: 70 SYNTHETIC employment-support returns.

The NDTi 2014 study never published its 70 raw returns, so this script invents 70 that
are shaped like them (SPEC §8: 32 LD-focused, 31 MH-focused, 7 mixed; 13 evidence-based)
and calibrates them so the study's published Section 5 figures (SPEC §9) come out of them
when computed with the SPEC §5/§6 definitions.

How: every service gets a few continuous parameters (log people supported, job outcome
rate, log cost per person, gained / self-employed fractions, support-level weights).
Integer counts and pound costs are derived from them by rounding, and a loss measures how
far every §9 figure computed on those integers is from the published value (means, SDs,
pooled shares, Pearson r, and penalties for leaving the published ranges). Simulated
annealing with a fixed seed (pure Python arithmetic, `random.Random`) minimises it.
The published extremes are hit exactly by "anchor" services whose cost is tied to people
or outcomes (e.g. total_cost = 10,000 × people_supported).

Deterministic: same Python → same bytes (no numpy in the search, no dict-order or
time dependence). Developer script only; the vfm tool never runs it.

Usage:  python3 Fixtures/sample/generate_sample.py [--output PATH]
        (default output: Fixtures/returns/sample-70.csv next to this folder)
Then:   python3 Fixtures/sample/check_sample.py      # published vs sample table
"""

import argparse
import csv
import math
import os
import random
import sys

SEED = 20140801
ITERATIONS = 120_000
POLISH_ITERATIONS = 40_000

# --------------------------------------------------------------------------------------
# Published targets (SPEC §9 = study Section 5, Tables 4-8, Charts 8-16).
# --------------------------------------------------------------------------------------
MEAN_TARGETS = {
    ("cost_per_person", "all"): 1730, ("cost_per_person", "LD"): 1948,
    ("cost_per_person", "MH"): 1485, ("cost_per_person", "EB"): 1170,
    ("cost_per_outcome", "all"): 8217, ("cost_per_outcome", "LD"): 8218,
    ("cost_per_outcome", "MH"): 8024, ("cost_per_outcome", "EB"): 2818,
    ("outcome_rate", "all"): 0.38, ("outcome_rate", "LD"): 0.43,
    ("outcome_rate", "MH"): 0.34, ("outcome_rate", "EB"): 0.43,
    ("people_supported", "all"): 198, ("people_supported", "LD"): 137,
    ("people_supported", "MH"): 279,
    ("total_cost", "all"): 263132, ("total_cost", "LD"): 217047,
    ("total_cost", "MH"): 316148,
}
# SD implied by the printed ±1 SD bands (Table 8): all £197–£3,263, EB £600–£1,739 …
SD_TARGETS = {
    ("cost_per_person", "all"): (3263 - 197) / 2, ("cost_per_person", "EB"): (1739 - 600) / 2,
    ("cost_per_outcome", "all"): 19034 - 8217, ("cost_per_outcome", "EB"): (4024 - 1612) / 2,
    ("outcome_rate", "all"): (0.63 - 0.13) / 2, ("outcome_rate", "EB"): (0.56 - 0.30) / 2,
}
MIX_TARGETS = {  # pooled gained / retained / self-employed (Table 5)
    "all": (0.61, 0.36, 0.03), "LD": (0.53, 0.45, 0.01), "MH": (0.68, 0.26, 0.06),
}
SUPPORT_TARGETS = {  # pooled <7h / 7-40h / 40h+ (Table 4)
    "LD": (0.51, 0.41, 0.08), "MH": (0.68, 0.26, 0.06),
}
# The published "all" support split (57/39/4, n=47) cannot be reached together with LD
# 51/41/8 and MH 68/26/6 (its 40h+ share is below both), so it gets a small weight only.
SUPPORT_ALL_TARGET = (0.57, 0.39, 0.04)
CORRELATION_TARGETS = [  # (x, y, group, r)
    ("outcome_rate", "cost_per_outcome", "all", -0.58),
    ("retained_share", "outcome_rate", "all", 0.68),
    ("retained_share", "outcome_rate", "LD", 0.61),
    ("retained_share", "outcome_rate", "MH", 0.75),
    ("gained_share", "outcome_rate", "all", -0.64),
    ("gained_share", "outcome_rate", "LD", -0.59),
    ("gained_share", "outcome_rate", "MH", -0.64),
    ("cost_per_outcome", "gained_share", "all", 0.45),
    ("total_cost", "cost_per_person", "all", 0.47),
    ("total_cost", "cost_per_person", "MH", 0.59),
    ("people_supported", "outcome_rate", "all", 0.19),
    ("support_level_index", "cost_per_person", "LD", 0.03),
    ("support_level_index", "cost_per_outcome", "LD", 0.25),
    ("support_level_index", "gained_share", "LD", 0.30),
]
# Published ranges, hit exactly by anchor services and kept by penalties elsewhere.
RANGE_ALL = {"cost_per_person": (165, 10000), "cost_per_outcome": (208, 57640),
             "outcome_rate": (0.0, 1.0)}
RANGE_EB = {"cost_per_person": (366, 2281), "cost_per_outcome": (870, 4908),
            "outcome_rate": (0.22, 0.62)}

# --------------------------------------------------------------------------------------
# The 70 services' fixed design: client focus, evidence base, special roles.
# --------------------------------------------------------------------------------------


class Design:
    """Fixed, non-optimised facts about one service."""

    def __init__(self, index, focus, evidence="", support=False, zero=False, partial=False,
                 anchor=None, support_coverage=1.0):
        self.index = index
        self.support_coverage = support_coverage  # share of people with a known support level
        self.focus = focus          # "LD", "MH" or "mixed"
        self.evidence = evidence    # "", "ips-fidelity", "observed-good-practice"
        self.support = support      # has support-level counts
        self.zero = zero            # no job outcomes at all
        self.partial = partial      # outcomes_self_employed missing (partial breakdown)
        self.anchor = anchor        # None or (kind, value), see derive()

    @property
    def eb(self):
        return self.evidence != ""


def build_design():
    designs = []

    def add(**kw):
        designs.append(Design(len(designs), **kw))

    # LD: 32 services, 3 observed good practice, 18 with support levels (2 of them with
    # no job outcome -> SLI~cost per outcome n=16).
    add(focus="LD", evidence="observed-good-practice", support=True,
        anchor=("cpp", 2281))                       # EB max cost per person
    add(focus="LD", evidence="observed-good-practice", support=True,
        anchor=("cpo", 4908))                       # EB max cost per job outcome
    add(focus="LD", evidence="observed-good-practice", anchor=("rate", 0.62))  # EB max rate
    add(focus="LD", support=True, zero=True)        # outcome rate 0%
    add(focus="LD", support=True, zero=True)
    add(focus="LD", anchor=("cpp", 10000))          # all max cost per person
    add(focus="LD", anchor=("full", 208))           # 100% rate and min cost per outcome
    for k in range(25):
        add(focus="LD", support=k < 14)
    # MH: 31 services, 10 IPS fidelity, 28 with support levels, 1 partial breakdown.
    add(focus="MH", evidence="ips-fidelity", support=True, anchor=("cpp", 366))
    add(focus="MH", evidence="ips-fidelity", support=True, anchor=("cpo", 870))
    add(focus="MH", evidence="ips-fidelity", support=True, anchor=("rate", 0.22))
    for k in range(7):
        add(focus="MH", evidence="ips-fidelity", support=True)
    add(focus="MH", anchor=("cpp", 165), support=True)   # all min cost per person
    add(focus="MH", anchor=("cpo", 57640), support=True)  # all max cost per job outcome
    add(focus="MH", partial=True)
    for k in range(18):
        # one service knows the support level of only ~85% of its people (count flag)
        add(focus="MH", support=k < 16, support_coverage=0.85 if k == 2 else 1.0)
    # Mixed: 7 services, 1 with support levels.
    add(focus="mixed", support=True)
    for k in range(6):
        add(focus="mixed")
    return designs


# --------------------------------------------------------------------------------------
# Parameters -> integer return values.
# --------------------------------------------------------------------------------------


class Params:
    __slots__ = ("lp", "rate", "lcpp", "gf", "sf", "w")

    def __init__(self, lp, rate, lcpp, gf, sf, w):
        self.lp, self.rate, self.lcpp, self.gf, self.sf, self.w = lp, rate, lcpp, gf, sf, w

    def copy(self):
        return Params(self.lp, self.rate, self.lcpp, self.gf, self.sf, tuple(self.w))


LP_MIN, LP_MAX = math.log(6), math.log(1400)
LCPP_MIN, LCPP_MAX = math.log(165), math.log(10000)


def derive(d, p):
    """Integer values of one service: (people, outcomes, gained, retained, self_emp, cost,
    support counts or None)."""
    people = max(6, int(round(math.exp(p.lp))))
    kind, value = d.anchor if d.anchor else (None, None)
    if kind == "rate":
        people = 50 * max(1, int(round(people / 50.0)))
    if d.zero:
        jobs = 0
    elif kind == "full":
        jobs = people
    elif kind == "rate":
        jobs = int(round(value * people))
    else:
        jobs = min(people - 1, max(1, int(round(p.rate * people))))
    se = int(round(p.sf * jobs))
    gained = int(round(p.gf * (jobs - se)))
    retained = jobs - se - gained
    if kind == "cpp":
        cost = value * people
    elif kind in ("cpo", "full"):
        cost = value * jobs
    else:
        cost = int(round(math.exp(p.lcpp) * people))
    support = None
    if d.support:
        known = int(round(people * d.support_coverage))
        total_w = p.w[0] + p.w[1] + p.w[2]
        lt7 = int(round(known * p.w[0] / total_w))
        mid = int(round(known * p.w[1] / total_w))
        if lt7 + mid > known:
            mid = known - lt7
        support = (lt7, mid, known - lt7 - mid)
    return (people, jobs, gained, retained, se, cost, support)


def measures(d, v):
    """Derived measures of SPEC §5 for one service (None = missing)."""
    people, jobs, gained, retained, se, cost, support = v
    m = {
        "people_supported": people, "total_cost": cost,
        "cost_per_person": cost / people, "outcome_rate": jobs / people,
        "cost_per_outcome": cost / jobs if jobs > 0 else None,
        "gained_share": None, "retained_share": None, "self_employed_share": None,
        "support_level_index": None,
    }
    if jobs > 0 and not d.partial:
        m["gained_share"] = gained / jobs
        m["retained_share"] = retained / jobs
        m["self_employed_share"] = se / jobs
    if support is not None and sum(support) > 0:
        s = sum(support)
        m["support_level_index"] = support[0] / s + 3 * support[1] / s + 10 * support[2] / s
    return m


# --------------------------------------------------------------------------------------
# Statistics (pure Python, SPEC §6 definitions).
# --------------------------------------------------------------------------------------


def mean_sd(xs):
    n = len(xs)
    mu = sum(xs) / n
    sd = math.sqrt(sum([(x - mu) * (x - mu) for x in xs]) / (n - 1)) if n > 1 else None
    return mu, sd


def pearson(pairs):
    """Pearson r on pairwise-complete pairs (two-pass, centred), and n."""
    n = len(pairs)
    if n < 3:
        return None, n
    xs = [p[0] for p in pairs]
    ys = [p[1] for p in pairs]
    mx = sum(xs) / n
    my = sum(ys) / n
    dx = [x - mx for x in xs]
    dy = [y - my for y in ys]
    sxx = sum([a * a for a in dx])
    syy = sum([b * b for b in dy])
    sxy = sum([a * b for a, b in zip(dx, dy)])
    if sxx == 0 or syy == 0:
        return None, n
    return sxy / math.sqrt(sxx * syy), n


GROUPS = ("all", "LD", "MH", "mixed", "EB")


def in_group(d, group):
    if group == "all":
        return True
    if group == "EB":
        return d.eb
    return d.focus == group


def group_members(designs):
    return {g: [i for i, d in enumerate(designs) if in_group(d, g)] for g in GROUPS}


def evaluate(designs, values, ms=None, members=None):
    """Every calibrated figure, as a dict keyed like the targets."""
    if ms is None:
        ms = [measures(d, v) for d, v in zip(designs, values)]
    if members is None:
        members = group_members(designs)
    out = {"desc": {}, "mix": {}, "support": {}, "corr": {}}
    for group in GROUPS:
        idx = members[group]
        for metric in ("cost_per_person", "cost_per_outcome", "outcome_rate",
                       "people_supported", "total_cost"):
            xs = [ms[i][metric] for i in idx if ms[i][metric] is not None]
            mu, sd = mean_sd(xs)
            out["desc"][(metric, group)] = (len(xs), mu, sd, min(xs), max(xs))
        full = [values[i] for i in idx if ms[i]["gained_share"] is not None]
        tj = sum(v[1] for v in full)
        out["mix"][group] = (len(full), sum(v[2] for v in full) / tj,
                             sum(v[3] for v in full) / tj, sum(v[4] for v in full) / tj)
        sup = [values[i][6] for i in idx if ms[i]["support_level_index"] is not None]
        if sup:
            ts = sum(sum(s) for s in sup)
            out["support"][group] = (len(sup), sum(s[0] for s in sup) / ts,
                                     sum(s[1] for s in sup) / ts, sum(s[2] for s in sup) / ts)
        for x, y, g, _ in CORRELATION_TARGETS:
            if g != group:
                continue
            pairs = [(ms[i][x], ms[i][y]) for i in idx
                     if ms[i][x] is not None and ms[i][y] is not None]
            out["corr"][(x, y, g)] = pearson(pairs)
    return out, ms


def loss(designs, values, ms=None, members=None):
    stats, ms = evaluate(designs, values, ms, members)
    total = 0.0
    for key, target in MEAN_TARGETS.items():
        mu = stats["desc"][key][1]
        total += ((mu - target) / target / 0.004) ** 2
    for key, target in SD_TARGETS.items():
        sd = stats["desc"][key][2]
        total += ((sd - target) / target / 0.02) ** 2
    for group, target in MIX_TARGETS.items():
        got = stats["mix"][group][1:]
        total += sum(((a - b) / 0.004) ** 2 for a, b in zip(got, target))
    for group, target in SUPPORT_TARGETS.items():
        got = stats["support"][group][1:]
        total += sum(((a - b) / 0.004) ** 2 for a, b in zip(got, target))
    got = stats["support"]["all"][1:]
    total += 0.05 * sum(((a - b) / 0.01) ** 2 for a, b in zip(got, SUPPORT_ALL_TARGET))
    for x, y, g, target in CORRELATION_TARGETS:
        r, _ = stats["corr"][(x, y, g)]
        total += ((r - target) / 0.006) ** 2 if r is not None else 1e6
    # Ranges: nobody beyond the published extremes (anchors sit on them exactly).
    for d, m in zip(designs, ms):
        for metric, (lo, hi) in RANGE_ALL.items():
            total += range_penalty(m[metric], lo, hi)
        if d.eb:
            for metric, (lo, hi) in RANGE_EB.items():
                total += range_penalty(m[metric], lo, hi)
        # Plausibility: a contract of at least £8,000.
        if m["total_cost"] < 8000:
            total += 100 + ((8000 - m["total_cost"]) / 100.0) ** 2
    return total


def range_penalty(x, lo, hi):
    if x is None:
        return 0.0
    if x < lo:
        return 1000.0 + 1e5 * ((lo - x) / max(abs(lo), 1e-3)) ** 2
    if x > hi:
        return 1000.0 + 1e5 * ((x - hi) / hi) ** 2
    return 0.0


# --------------------------------------------------------------------------------------
# Search.
# --------------------------------------------------------------------------------------

INITIAL = {  # (median people, median cost per person, mean rate, gained frac, se frac)
    "LD": (100, 1700, 0.43, 0.54, 0.01),
    "MH": (200, 1250, 0.34, 0.72, 0.06),
    "mixed": (100, 1600, 0.33, 0.62, 0.03),
}
SUPPORT_INITIAL = {"LD": (0.51, 0.41, 0.08), "MH": (0.68, 0.26, 0.06), "mixed": (0.6, 0.35, 0.05)}


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def initial_params(designs, rng):
    params = []
    for d in designs:
        people, cpp, rate, gf, sf = INITIAL[d.focus]
        if d.eb:
            cpp, rate = (1900 if d.focus == "LD" else 1000), 0.43
        lp = clamp(math.log(people) + rng.gauss(0, 0.7), LP_MIN, LP_MAX)
        lcpp = clamp(math.log(cpp) + rng.gauss(0, 0.6), LCPP_MIN, LCPP_MAX)
        r = clamp(rate + rng.gauss(0, 0.15), 0.03, 0.95)
        g = clamp(gf + rng.gauss(0, 0.15), 0.05, 0.98)
        s = clamp(sf + rng.gauss(0, 0.02), 0.0, 0.3)
        base = SUPPORT_INITIAL[d.focus]
        w = tuple(clamp(b * math.exp(rng.gauss(0, 0.4)), 0.001, 1.0) for b in base)
        params.append(Params(lp, r, lcpp, g, s, w))
    return params


def perturb(p, rng, scale):
    q = p.copy()
    which = rng.randrange(6)
    step = rng.gauss(0, 1) * scale
    if which == 0:
        q.lp = clamp(q.lp + 0.5 * step, LP_MIN, LP_MAX)
    elif which == 1:
        q.rate = clamp(q.rate + 0.2 * step, 0.01, 0.99)
    elif which == 2:
        q.lcpp = clamp(q.lcpp + 0.5 * step, LCPP_MIN, LCPP_MAX)
    elif which == 3:
        q.gf = clamp(q.gf + 0.3 * step, 0.0, 1.0)
    elif which == 4:
        q.sf = clamp(q.sf + 0.05 * step, 0.0, 0.4)
    else:
        k = rng.randrange(3)
        w = list(q.w)
        w[k] = clamp(w[k] * math.exp(0.5 * step), 0.0005, 1.0)
        q.w = tuple(w)
    return q


def search(designs, rng, log):
    params = initial_params(designs, rng)
    values = [derive(d, p) for d, p in zip(designs, params)]
    ms = [measures(d, v) for d, v in zip(designs, values)]
    members = group_members(designs)
    current = loss(designs, values, ms, members)
    best, best_params = current, [p.copy() for p in params]
    t0, t1 = 50.0, 0.01
    total_steps = ITERATIONS + POLISH_ITERATIONS
    for step in range(total_steps):
        if step < ITERATIONS:
            temperature = t0 * (t1 / t0) ** (step / ITERATIONS)
            scale = rng.choice((0.02, 0.1, 0.4))
        else:
            temperature = 0.0
            scale = rng.choice((0.005, 0.02, 0.1))
        i = rng.randrange(len(designs))
        candidate = perturb(params[i], rng, scale)
        old_value, old_measures = values[i], ms[i]
        values[i] = derive(designs[i], candidate)
        if values[i] == old_value:
            params[i] = candidate
            continue
        ms[i] = measures(designs[i], values[i])
        new = loss(designs, values, ms, members)
        delta = new - current
        if delta <= 0 or (temperature > 0 and rng.random() < math.exp(-delta / temperature)):
            params[i] = candidate
            current = new
            if current < best:
                best, best_params = current, [p.copy() for p in params]
        else:
            values[i], ms[i] = old_value, old_measures
        if log and step % 10000 == 0:
            print(f"step {step:>7} T={temperature:9.4f} loss={current:12.3f} best={best:10.3f}",
                  file=sys.stderr)
    return best_params, best


# --------------------------------------------------------------------------------------
# Writing the CSV: names, client groups, formatting — all deterministic from the seed.
# --------------------------------------------------------------------------------------

# Invented places (checked not to be UK local authority names).
PLACES = [
    "Ashcombe Vale", "Brindlemere", "Caddonfield", "Dunhollow", "Eskerby", "Fallowdene",
    "Greystow", "Hallowmere", "Ivelbury", "Kestrelmoor", "Larkhaven", "Marrowdale",
    "Netherwick", "Oakhollow", "Pellingford", "Quillbrook", "Ravensholme", "Saltmarsh Vale",
    "Thistlecombe", "Umberfield", "Vennington", "Wrenfield", "Yarrowby", "Ambleford",
    "Birchcombe", "Coldwater Vale", "Dovermere", "Embleford", "Foxhollow", "Gildersby",
    "Hartlemoor", "Inglemere", "Juniper Vale", "Kirkhollow", "Lindenshire", "Moorcastle",
    "Northmarsh", "Orchardmere", "Pendlecombe", "Redcastle Vale", "Stourmere", "Tamberley",
    "Westhollow",
]
COUNCIL_KINDS = ["Borough Council", "City Council", "District Council",
                 "Metropolitan Borough Council", "Council"]
REGIONS = ["North East", "North West", "Yorkshire", "East Midlands", "West Midlands",
           "East", "London", "South East", "South West"]
SERVICE_NAMES = {
    "LD": ["Supported Employment Service", "Employment Link", "Job Coaching Team",
           "Work Pathways", "Supported Employment Team (in-house)", "Employment Project"],
    "MH": ["Employment Support (Community Mental Health)", "Vocational Service",
           "Work and Wellbeing Service", "Employment Advice Team"],
    "mixed": ["Employment Support Service", "Disability Employment Team", "Work Access Project"],
}
MODELS = {
    "LD": ["Supported employment (place, train and maintain)", "Supported employment",
           "Job coaching", "Work preparation and job coaching", ""],
    "MH": ["Vocational rehabilitation", "IPS-informed (not fidelity reviewed)",
           "Work preparation", "Employment advice", ""],
    "mixed": ["Generic employment support", "Supported employment", "Work preparation"],
}
# Services where most job outcomes are retained jobs get a retention-style name and model
# (the study's footnote 9: the very high outcome rates came from job-retention services).
RETENTION_NAMES = ["Job Retention Service", "In-Work Support Service"]
RETENTION_MODELS = ["Job retention", "In-work support and job retention"]

HEADER = [
    "authority", "service", "period", "model", "evidence_based", "total_cost",
    "people_supported", "clients_ld", "clients_mh", "clients_physical_sensory",
    "clients_autism", "clients_homeless", "clients_drug_alcohol", "clients_other",
    "support_lt7", "support_7to40", "support_40plus", "outcomes_gained", "outcomes_retained",
    "outcomes_self_employed", "outcomes_total", "reported_cost_per_person",
    "reported_cost_per_outcome", "region",
]

# Deliberate data-quality cases (documented in Fixtures/README.md), by design index.
CLIENT_SHORTFALL = 50     # MH: client groups known for ~80% of people -> client-count flag
REPORTED_MISMATCH = 12    # LD: reported cost per outcome disagrees with derived value
POUND_FORMATTED = {8, 17, 29, 38, 52, 60, 66}   # costs written like "£263,132"


def split_clients(d, people, rng):
    """Client-group counts consistent with the service's focus (sum = people)."""
    if d.focus == "LD":
        ld = clamp(rng.uniform(0.62, 1.0), 0.0, 1.0)
        mh = rng.uniform(0.0, 1.0 - ld) * 0.5
    elif d.focus == "MH":
        mh = clamp(rng.uniform(0.65, 1.0), 0.0, 1.0)
        ld = rng.uniform(0.0, 1.0 - mh) * 0.3
    else:
        ld = rng.uniform(0.22, 0.45)
        mh = rng.uniform(0.22, min(0.45, 0.95 - ld))
    n_ld = int(math.floor(ld * people))
    n_mh = int(math.floor(mh * people))
    if d.focus == "LD":
        n_ld = max(n_ld, people // 2 + 1)
    elif d.focus == "MH":
        n_mh = max(n_mh, people // 2 + 1)
    else:
        n_ld, n_mh = min(n_ld, people // 2), min(n_mh, people // 2)
    rest = people - n_ld - n_mh
    weights = [rng.random() for _ in range(5)]   # physical, autism, homeless, drugs, other
    tw = sum(weights)
    others = [int(math.floor(rest * w / tw)) for w in weights]
    others[-1] += rest - sum(others)
    return [n_ld, n_mh] + others


def money(value, pound_style):
    if pound_style:
        return "£{:,}".format(value)
    return str(value)


def build_rows(designs, params, rng):
    values = [derive(d, p) for d, p in zip(designs, params)]
    # 70 services in 43 areas: every area has one, 27 areas have a second service.
    order = list(range(len(designs)))
    rng.shuffle(order)
    area_of = {}
    for slot, i in enumerate(order):
        area_of[i] = slot % len(PLACES)
    kind_of_place = {k: COUNCIL_KINDS[rng.randrange(len(COUNCIL_KINDS))] for k in range(len(PLACES))}
    region_of_place = {k: REGIONS[rng.randrange(len(REGIONS))] for k in range(len(PLACES))}
    used = set()
    rows = []
    for d, v in zip(designs, values):
        people, jobs, gained, retained, se, cost, support = v
        place_index = area_of[d.index]
        place = PLACES[place_index]
        kind = kind_of_place[place_index]
        if place.endswith("shire"):
            kind = "County Council"
        authority = f"{place} {kind}"
        retention = not d.eb and jobs > 0 and retained >= 0.5 * jobs
        if d.evidence == "ips-fidelity":
            candidates = ["IPS Employment Service", "IPS Service (Recovery Team)"]
        elif retention:
            candidates = RETENTION_NAMES
        else:
            candidates = SERVICE_NAMES[d.focus]
        start = rng.randrange(len(candidates))
        for k in range(len(candidates)):
            name = f"{place} {candidates[(start + k) % len(candidates)]}"
            if (authority, name) not in used:
                break
        used.add((authority, name))
        period = "2011/12" if rng.random() < 0.2 else "2012/13"
        if d.evidence == "ips-fidelity":
            model = "Individual Placement and Support (IPS)"
        elif d.evidence == "observed-good-practice":
            model = "Supported employment (place, train and maintain)"
        else:
            options = RETENTION_MODELS if retention else MODELS[d.focus]
            model = options[rng.randrange(len(options))]
        evidence = d.evidence if d.eb else ("no" if rng.random() < 0.7 else "")
        clients = split_clients(d, people, rng)
        client_cells = [str(c) for c in clients]
        if d.index == CLIENT_SHORTFALL:
            # Client groups recorded only for some people: the "other" groups unknown.
            client_cells = [str(clients[0]), str(clients[1]), "", "", "", "", ""]
        elif rng.random() < 0.25:
            # Many returns leave the small groups blank rather than writing 0.
            client_cells = [c if c != "0" or k < 2 else "" for k, c in enumerate(client_cells)]
        if support is not None:
            lt7, mid, hi = support
            support_cells = [str(lt7), str(mid), str(hi)]
        else:
            support_cells = ["", "", ""]
        if d.partial:
            outcome_cells = [str(gained), str(retained), "", str(jobs)]
        else:
            outcome_cells = [str(gained), str(retained), str(se), str(jobs)]
        reported_pp = reported_po = ""
        if rng.random() < 0.5:
            reported_pp = str(int(round(cost / people)))
            if jobs > 0:
                reported_po = str(int(round(cost / jobs)))
        if d.index == REPORTED_MISMATCH:
            # The service divided by new jobs only, leaving out retained jobs.
            reported_pp = str(int(round(cost / people)))
            reported_po = str(int(round(cost / max(gained, 1))))
        row = [authority, name, period, model, evidence,
               money(cost, d.index in POUND_FORMATTED), str(people)]
        row += client_cells + support_cells + outcome_cells + [reported_pp, reported_po,
                                                               region_of_place[place_index]]
        rows.append(row)
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return rows, values


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_output = os.path.join(os.path.dirname(here), "returns", "sample-70.csv")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", default=default_output)
    parser.add_argument("--verbose", action="store_true", help="log the search to stderr")
    args = parser.parse_args()

    rng = random.Random(SEED)
    designs = build_design()
    params, best = search(designs, rng, args.verbose)
    rows, values = build_rows(designs, params, random.Random(SEED + 1))
    keys = {(r[0], r[1], r[2]) for r in rows}
    if len(keys) != len(rows):
        sys.exit("duplicate (authority, service, period) generated")
    with open(args.output, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"wrote {args.output}: {len(rows)} services, final loss {best:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
