#!/usr/bin/env python3
"""The synthetic sample of the commissioners' spending survey (SPEC §12, study Section 4).

Writes, deterministically (fixed seed; Python standard library, plus openpyxl for the
workbook):

  sample-99.csv            99 synthetic responses from 83 fictional areas, 34 of them
                           `calculated` from 33 areas, years 2010/11-2012/13 for the three
                           streams; headers and answers in the questionnaire's wording
                           (Appendix 1), canonical names for the Q2b breakdown cells (which
                           have no wording); a preamble line labelling it synthetic.
  sample-99.xlsx           the same responses as a workbook written by openpyxl: money and
                           ranks as numbers, percentages as percent-formatted cells holding
                           fractions, bare proportions as plain numbers.
  work-choice-sample.csv   authority,population,work_choice_starts for the 83 areas:
                           starts drawn independently of spend, so the top-20/bottom-20
                           comparison finds no significant difference (as the study did).

Calibrated by construction to land near every figure of SPEC §12's "Sample" paragraph
(the study's Table 2, five-year answers, Table 3, job numbers, personal budgets, no
breakdown, spend by type): the counts are laid out per response below, and
`reference_survey.py` + `make_calibration.py` check where the sample lands
(calibration.md). The authorities are invented (Q/V/X/Y/Z syllables + an English ending):
this is not the study's data, whose responses were anonymised and never published.

Run from the repository root, with a Python that has openpyxl 3.1.5 (PyPI):
    python3 -m venv .build/xlenv && .build/xlenv/bin/pip install openpyxl==3.1.5
    .build/xlenv/bin/python Fixtures/survey/make_sample.py
"""
import csv
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
SEED = 20120305  # the week the questionnaire went out (study, Section 3)

YEARS = ["2010/11", "2011/12", "2012/13"]
STREAMS = ["social_care", "health", "combined"]
TYPES = ["paid_work", "self_employment", "college", "day_service_preparation",
         "volunteering", "unpaid_work", "other"]
CLIENTS = ["mh", "ld", "other", "combined"]
PROVIDERS = ["provider_la", "provider_nhs", "provider_private", "provider_voluntary"]
FACTORS = ["factor_historical", "factor_strategy", "factor_ring_fenced", "factor_local_evidence",
           "factor_national_policy", "factor_user_demand", "factor_other"]
ITEMS = ["collects_eligible", "collects_receiving", "collects_jobs", "collects_demographics",
         "collects_complexity", "collects_job_details", "collects_retention",
         "collects_support_changes", "collects_other_services"]

# Questionnaire wording of each column's header (SPEC §12's table, Appendix 1). The spend
# headers mix the year forms §11 reads, in both orders, as a council's export might.
SPEND_HEADERS = {
    ("social_care", "2010/11"): "Social Care budget 2010-11",
    ("social_care", "2011/12"): "Social Care budget 2011-12",
    ("social_care", "2012/13"): "Social Care budget 2012-13",
    ("health", "2010/11"): "Health budget 2010/11",
    ("health", "2011/12"): "Health budget 2011/12",
    ("health", "2012/13"): "2012/13 Health budget",
    ("combined", "2010/11"): "Combined 2010-2011",
    ("combined", "2011/12"): "Combined 2011-2012",
    ("combined", "2012/13"): "Combined 2012/13",
}
WORDING = {
    "authority": "Authority Name",
    "response": "Role title",
    "spend_accuracy": "Spend accuracy",
    "five_year_change": "Five year change",
    "breakdown_unable": "Unable to supply breakdown",
    "breakdown_accuracy": "breakdown_accuracy",  # no wording of its own (SPEC: "as spend_accuracy")
    "collects_job_numbers": "Collect data on people supported into employment",
    "provider_la": "Local Authority in-house",
    "provider_nhs": "NHS Trust",
    "provider_private": "Private sector (for profit)",
    "provider_voluntary": "Community & Voluntary Sector",
    "facs_only": "FACS eligible only",
    "pb_allowed": "Clients allowed to spend Personal Budget on employment support",
    "pb_use": "Personal Budgets used for employment support",
    "pb_amount_known": "Information on Personal Budget spend on employment",
    "factor_historical": "Past / historical investment pattern",
    "factor_strategy": "Active employment plan or strategy developed within the last 2 years",
    "factor_ring_fenced": "Ring fenced, external funding",
    "factor_local_evidence": "Applying local evidence or outcome based learning",
    "factor_national_policy": "Applying national policy & evidence",
    "factor_user_demand": "User-led demand",
    "factor_other": "Other",
    "collects_eligible": "Numbers assessed as eligible for employment support",
    "collects_receiving": "Numbers receiving employment support",
    "collects_jobs": "Number of those supported actually gaining (or retaining) paid jobs",
    "collects_demographics": "Age / gender / ethnicity of people gaining jobs",
    "collects_complexity": "Complexity of disability of people gaining jobs",
    "collects_job_details": "Types of job gained / hours worked / amounts earned",
    "collects_retention": "Job retention / Career progression",
    "collects_support_changes": "Changes in type & cost of employment support for individuals over time",
    "collects_other_services": "Resulting changes in individuals' use of other services",
}
ACCURACY = {"rough": "More rough estimates", "calculated": "More calculated, accurate figures"}
FIVE_YEAR = {"more": "More than 5 yrs ago", "same": "The same", "less": "Less than 5 yrs ago"}
PB_USE = {"yes": "We know they are", "no": "We know they're not", "unknown": "We don't know either way"}

COLUMNS = (["authority", "response"]
           + [f"spend_{s}_{y.replace('/', '_')}" for s in STREAMS for y in YEARS]
           + ["spend_accuracy", "five_year_change"]
           + [f"breakdown_{t}_{c}" for t in TYPES for c in CLIENTS]
           + ["breakdown_unable", "breakdown_accuracy", "collects_job_numbers"]
           + PROVIDERS + ["facs_only", "pb_allowed", "pb_use", "pb_amount_known"]
           + FACTORS + ITEMS)

PREAMBLE = ("Synthetic sample: 99 invented responses from 83 fictional areas, shaped like the "
            "NDTi 2012 national spending survey (Appendix 1) - not the study's data")

MISSING_WORDS = ["n/a", "don't know", "no info available", "not known", "-", ""]


def area_names(rng):
    """83 invented authority names: a syllable no English place starts with, an ending."""
    heads = ["Quor", "Zel", "Xan", "Vyr", "Jorv", "Quen", "Zarn", "Yth", "Vex", "Qell"]
    tails = ["moor", "vale", "wick", "combe", "ford", "holm", "by", "ton", "mere", "stead"]
    kinds = ["County Council", "Borough Council", "City Council", "Metropolitan Borough Council",
             "Council"]
    names = [h + t for h in heads for t in tails]
    rng.shuffle(names)
    out = []
    for name in names[:83]:
        kind = rng.choice(kinds)
        out.append(f"London Borough of {name}" if rng.random() < 0.08 else f"{name} {kind}")
    return out


# The areas' plans: which responses each area sent, by what they report (SPEC §12 counts
# areas with both years of a stream; the study's Table 2 n are 69 / 35 / 17).
#   B: social care and health, A: social care, H: health, D: combined,
#   A2: a second social care return of the same area repeating the first (double counting,
#       flagged multiple-responses), E: no two consecutive years of spend.
PLANS = ([["B"]] * 30 + [["A"]] * 24 + [["D"]] * 10 + [["E"]] * 4 + [["A", "D"]] * 7
         + [["A", "H"]] * 5 + [["A", "A2"], ["A", "E"], ["A", "E", "E"]])
STREAMS_OF = {"A": ["social_care"], "A2": ["social_care"], "B": ["social_care", "health"],
              "H": ["health"], "D": ["combined"], "E": []}

# Table 2 (study): classes 2011/12 -> 2012/13 per stream, whole set and calculated subset.
TABLE2 = {
    "social_care": {"all": (21, 18, 28, 2), "calculated": (11, 5, 11, 1)},
    "health": {"all": (10, 12, 9, 4), "calculated": (2, 4, 5, 1)},
    "combined": {"all": (8, 2, 7, 0), "calculated": (0, 1, 1, 0)},
}
CLASSES = ("increase", "equal", "decrease", "cut")
TYPICAL_SPEND = {"social_care": 320_000, "health": 140_000, "combined": 380_000}


def build_responses(rng):
    names = area_names(rng)
    plans = list(PLANS)
    rng.shuffle(plans)
    responses = []
    for area_index, plan in enumerate(plans):
        for kind in plan:
            responses.append({"area": area_index, "name": names[area_index], "kind": kind,
                              "plan": plan})
    assert len(responses) == 99 and len(plans) == 83

    choose_calculated(rng, responses)
    assign_spend(rng, responses)
    return names, responses


def choose_calculated(rng, responses):
    """34 calculated responses from 33 areas: 9 B, 14 single A, the A of 2 A+D areas, and of
    the 5 A+H areas: one with both calculated, two with A, two with H; 2 D, 1 single E."""
    def pick(candidates, count):
        chosen = rng.sample(candidates, count)
        for r in chosen:
            r["calculated"] = True

    for r in responses:
        r["calculated"] = False
    single = [r for r in responses if len(r["plan"]) == 1]
    pick([r for r in single if r["kind"] == "B"], 9)
    pick([r for r in single if r["kind"] == "A"], 14)
    pick([r for r in single if r["kind"] == "D"], 2)
    pick([r for r in single if r["kind"] == "E"], 1)
    pick([r for r in responses if r["plan"] == ["A", "D"] and r["kind"] == "A"], 2)
    ah_areas = sorted({r["area"] for r in responses if r["plan"] == ["A", "H"]})
    rng.shuffle(ah_areas)
    for position, area in enumerate(ah_areas):
        kinds = [["A", "H"], ["A"], ["A"], ["H"], ["H"]][position]
        for r in responses:
            if r["area"] == area and r["kind"] in kinds:
                r["calculated"] = True
    assert sum(r["calculated"] for r in responses) == 34
    assert len({r["area"] for r in responses if r["calculated"]}) == 33


def assign_spend(rng, responses):
    """Each stream of each reporting response gets a Table 2 class (so that the classes of
    the calculated responses give the subset's counts and all of them the whole set's), then
    three years of spend: mostly up from 2010/11 to 2011/12, then the class's change."""
    for r in responses:
        r["spend"] = {}
    for stream in STREAMS:
        owners = [r for r in responses if stream in STREAMS_OF[r["kind"]] and r["kind"] != "A2"]
        subset = [r for r in owners if r["calculated"]]
        rest = [r for r in owners if not r["calculated"]]
        whole, calc = TABLE2[stream]["all"], TABLE2[stream]["calculated"]
        assert len(owners) == sum(whole) and len(subset) == sum(calc)
        for group, counts in ((subset, calc), (rest, [w - c for w, c in zip(whole, calc)])):
            labels = [cls for cls, k in zip(CLASSES, counts) for _ in range(k)]
            rng.shuffle(labels)
            for r, cls in zip(group, labels):
                r["spend"][stream] = spend_path(rng, stream, cls)
    for r in responses:
        if r["kind"] == "A2":
            first = next(o for o in responses if o["area"] == r["area"] and o["kind"] == "A")
            r["spend"]["social_care"] = dict(first["spend"]["social_care"])
        if r["kind"] == "E":
            r["spend"] = partial_spend(rng)


def spend_path(rng, stream, cls):
    level = TYPICAL_SPEND[stream] * rng.lognormvariate(0, 0.75)
    v1 = round_money(rng, max(level, 12_000))
    growth = rng.uniform(0.0, 0.24) if rng.random() < 0.72 else rng.uniform(-0.2, 0.0)
    v0 = round_money(rng, v1 / (1 + growth))
    if cls == "increase":
        factor = rng.uniform(1.8, 2.7) if rng.random() < 0.12 else rng.uniform(1.02, 1.2)
        v2 = round_money(rng, v1 * factor)
    elif cls == "equal":
        v2 = v1
    elif cls == "decrease":
        factor = rng.uniform(0.45, 0.6) if rng.random() < 0.25 else rng.uniform(0.66, 0.96)
        v2 = round_money(rng, v1 * factor)
    else:
        v2 = 0
    if cls == "increase" and v2 <= v1:
        v2 = v1 + 1000
    if cls == "decrease" and v2 >= v1:
        v2 = v1 - 1000
    path = {"2010/11": v0, "2011/12": v1, "2012/13": v2}
    if rng.random() < 0.07:
        path["2010/11"] = None  # the first year not known
    return path


def partial_spend(rng):
    """A response without two consecutive years: nothing, or one year only."""
    choice = rng.random()
    if choice < 0.5:
        return {}
    year = rng.choice(["2010/11", "2012/13"])
    return {"social_care": {year: round_money(rng, 250_000 * rng.lognormvariate(0, 0.5))}}


def round_money(rng, value):
    """Pounds, mostly to the nearest £100 or £1,000 as budgets are written; a few with pence."""
    r = rng.random()
    if r < 0.4:
        return int(round(value / 1000) * 1000)
    if r < 0.85:
        return int(round(value / 100) * 100)
    if r < 0.95:
        return int(round(value))
    return round(value, 2)


# ---- the answers to the other questions, laid out to the published counts ----

def deal(rng, responses, counts, subset_counts=None):
    """Answer labels for every response: `counts` over all 99 (a dict label -> n); when
    `subset_counts` is given, the calculated responses get exactly those."""
    out = {}
    if subset_counts is None:
        labels = [k for k, n in counts.items() for _ in range(n)]
        assert len(labels) == len(responses), counts
        rng.shuffle(labels)
        for r, label in zip(responses, labels):
            out[id(r)] = label
        return out
    calc = [r for r in responses if r["calculated"]]
    rest = [r for r in responses if not r["calculated"]]
    out.update(deal(rng, calc, subset_counts))
    out.update(deal(rng, rest, {k: counts[k] - subset_counts.get(k, 0) for k in counts}))
    return out


def answer_questions(rng, responses):
    five = deal(rng, responses, {"more": 44, "same": 22, "less": 22, None: 11},
                {"more": 18, "same": 8, "less": 8, None: 0})
    jobs = deal(rng, responses, {"yes": 65, "no": 15, None: 19})
    facs = deal(rng, responses, {"yes": 38, "no": 49, None: 12})
    # Table 3: 91 answer (31 of the calculated), "yes" counts per item whole / subset.
    answered = deal(rng, responses, {True: 91, False: 8}, {True: 31, False: 3})
    table3 = {"collects_receiving": (87, 30), "collects_jobs": (85, 28),
              "collects_demographics": (82, 28), "collects_job_details": (67, 20),
              "collects_eligible": (54, 19), "collects_retention": (49, 16),
              "collects_complexity": (46, 13), "collects_other_services": (25, 10),
              "collects_support_changes": (23, 8)}
    answering = [r for r in responses if answered[id(r)]]
    items = {item: deal(rng, answering, {"yes": w, "no": 91 - w}, {"yes": s, "no": 31 - s})
             for item, (w, s) in table3.items()}
    personal_budgets(rng, responses)
    for r in responses:
        r["five_year_change"] = five[id(r)]
        r["collects_job_numbers"] = jobs[id(r)]
        r["facs_only"] = facs[id(r)]
        for item in ITEMS:
            r[item] = items[item][id(r)] if answered[id(r)] else None
        r["providers"] = providers(rng)
        r["factors"] = factors(rng)
    # One response ranks two factors equally (flagged rank-repeated, kept).
    repeated = rng.choice([r for r in responses if r["factors"].get("factor_strategy")])
    repeated["factors"]["factor_strategy"] = repeated["factors"]["factor_historical"] = 2
    assign_breakdowns(rng, responses)


def personal_budgets(rng, responses):
    """Allowed 76 / not 12 / no answer 11; use known 28 (from 27 areas) / known not 17 /
    don't know 35 / no answer 19; amounts known 12 (all among the 28) / not 44 / no answer 43."""
    areas = {}
    for r in responses:
        areas.setdefault(r["area"], []).append(r)
    multi = [a for a, rs in areas.items() if len(rs) == 2 and all(x["kind"] != "E" for x in rs)]
    twice = rng.choice(multi)
    singles = [rs[0] for a, rs in areas.items() if a != twice]
    users = areas[twice] + rng.sample(singles, 26)
    user_ids = set(map(id, users))
    others = [r for r in responses if id(r) not in user_ids]
    for r in users:
        r["pb_use"] = r["pb_allowed"] = "yes"
    hand_out(rng, others, "pb_use", [("no", 17), ("unknown", 35), (None, 19)])
    hand_out(rng, others, "pb_allowed", [("yes", 48), ("no", 12), (None, 11)])
    hand_out(rng, users, "pb_amount_known", [("yes", 12), ("no", 12), (None, 4)])
    hand_out(rng, others, "pb_amount_known", [("no", 32), (None, 39)])


def hand_out(rng, group, field, counts):
    """Sets `field` of the responses of `group` to the labels of `counts`, shuffled."""
    labels = [label for label, n in counts for _ in range(n)]
    assert len(labels) == len(group), (field, len(labels), len(group))
    rng.shuffle(labels)
    for r, label in zip(group, labels):
        r[field] = label


def providers(rng):
    """Q2c: the four shares, summing to 100, or not given."""
    if rng.random() < 0.3:
        return None
    weights = [rng.uniform(0.1, 1.0) * w for w in (2.0, 0.6, 0.8, 1.6)]
    total = sum(weights)
    shares = [round(100 * w / total) for w in weights]
    shares[0] += 100 - sum(shares)
    if rng.random() < 0.25:  # the NHS trust share left unanswered
        shares[0] += shares[1]
        shares[1] = None
    return shares


def factors(rng):
    """Q3: ranks 1-7 of the factors that apply, historical investment and national policy
    most often first (the study's conclusions), blank where a factor does not apply."""
    if rng.random() < 0.15:
        return {}
    weights = {"factor_historical": 3.0, "factor_strategy": 2.2, "factor_ring_fenced": 0.6,
               "factor_local_evidence": 0.9, "factor_national_policy": 2.4,
               "factor_user_demand": 2.0, "factor_other": 0.3}
    chosen = [f for f in FACTORS if rng.random() < (0.95 if f != "factor_other" else 0.12)]
    order = sorted(chosen, key=lambda f: -weights[f] * rng.lognormvariate(0, 0.8))
    return {f: i + 1 for i, f in enumerate(order)}


# Spend by type (Chart 4, Chart 5): the pooled shares the sample aims at, whole set and
# personal-budget users (study: support into paid work 32% in both; self-employment 2%,
# 4% among users, 8% for their MH clients; paid work 64% of users' "other" clients).
PROFILE_OTHERS = {"paid_work": 0.32, "self_employment": 0.008, "college": 0.07,
                  "day_service_preparation": 0.16, "volunteering": 0.07, "unpaid_work": 0.15,
                  "other": 0.222}
PROFILE_USERS = {"paid_work": 0.32, "self_employment": 0.04, "college": 0.12,
                 "day_service_preparation": 0.22, "volunteering": 0.12, "unpaid_work": 0.06,
                 "other": 0.12}


def assign_breakdowns(rng, responses):
    """55 responses give a breakdown of their 2011/12 spend (22 of the 28 personal-budget
    users), 44 do not (the study's 44%): most of those tick "unable", the rest leave Q2b
    blank. Two breakdowns differ from the response's own total by 25% or more (flagged
    breakdown-mismatch)."""
    def total_2011(r):
        return sum(p.get("2011/12") or 0 for p in r["spend"].values())

    able = [r for r in responses if total_2011(r) > 0]
    users = [r for r in able if r["pb_use"] == "yes"]
    others = [r for r in able if r["pb_use"] != "yes"]
    with_breakdown = rng.sample(users, 22) + rng.sample(others, 33)
    chosen = set(map(id, with_breakdown))
    mismatched = set(map(id, rng.sample([r for r in with_breakdown if r["pb_use"] != "yes"], 2)))
    without = [r for r in responses if id(r) not in chosen]
    unable = set(map(id, rng.sample(without, 33)))
    for r in responses:
        r["breakdown"] = {}
        r["breakdown_unable"] = "yes" if id(r) in unable else None
        r["breakdown_accuracy"] = None
        if id(r) not in chosen:
            continue
        if rng.random() < 0.5:
            r["breakdown_unable"] = "no"
        r["breakdown_accuracy"] = "calculated" if r["calculated"] and rng.random() < 0.8 else "rough"
        target = total_2011(r) * (0.72 if id(r) in mismatched else 1.0)
        r["breakdown"] = breakdown_cells(rng, r, target)


def breakdown_cells(rng, r, total):
    """Split `total` over client groups and types (pounds), mostly separately for MH, LD and
    other clients, sometimes as one combined column."""
    user = r["pb_use"] == "yes"
    profile = PROFILE_USERS if user else PROFILE_OTHERS
    if rng.random() < 0.25:
        clients = {"combined": 1.0}
    else:
        clients = {"mh": rng.uniform(0.2, 0.5), "ld": rng.uniform(0.3, 0.6),
                   "other": rng.uniform(0.05, 0.2)}
    client_total = sum(clients.values())
    cells = {}
    for client, weight in clients.items():
        amount = total * weight / client_total
        shares = dict(profile)
        if user and client == "mh":
            shares["self_employment"] = 0.08
        if user and client == "other":
            shares = {t: (0.64 if t == "paid_work" else 0.36 * v / (1 - profile["paid_work"]))
                      for t, v in profile.items()}
        noisy = {t: v * rng.lognormvariate(0, 0.25) for t, v in shares.items()}
        norm = sum(noisy.values())
        for t in TYPES:
            value = round(amount * noisy[t] / norm)
            if value < 500 and rng.random() < 0.5:
                value = 0  # a small line left out, or written as 0
            cells[(t, client)] = value
    # The rounding leftover goes to the largest cell, so the breakdown adds up to the pound.
    leftover = round(total) - sum(cells.values())
    largest = max(cells, key=cells.get)
    cells[largest] += leftover
    return cells


# ---- writing ----

def fmt_money(rng, value):
    if isinstance(value, float):
        return f"{value:,.2f}"
    r = rng.random()
    if r < 0.35:
        return f"£{value:,}"
    if r < 0.5:
        return f"{value:,}"
    return str(value)


def missing(rng):
    return rng.choice(MISSING_WORDS)


def yes_no(rng, value):
    if value is None:
        return missing(rng)
    if value == "yes":
        return rng.choice(["Yes", "Yes", "Yes", "yes", "Y", "x"])
    return rng.choice(["No", "No", "no", "N"])


def records(rng, names, responses):
    """Each response as {column: (csv text, workbook value, workbook number format)}."""
    roles = ["Commissioning Manager (Learning Disabilities)", "Joint Commissioner, Mental Health",
             "Head of Commissioning", "Senior Commissioning Officer", "Strategic Commissioner",
             "Commissioning Lead, Employment & Day Opportunities", "NHS Commissioning Manager",
             "Service Development Manager"]
    # A second or third response of an area sometimes writes the name differently (case,
    # spacing): one area all the same under §11's folding.
    seen = set()
    out = []
    for r in responses:
        row = {}
        name = r["name"]
        if r["area"] in seen and rng.random() < 0.5:
            name = rng.choice([name.upper(), name.replace(" ", "  ", 1), f" {name}"])
        seen.add(r["area"])
        row["authority"] = (name, name, None)
        role = rng.choice(roles) if rng.random() < 0.92 else ""
        row["response"] = (role, role or None, None)
        for stream in STREAMS:
            for year in YEARS:
                column = f"spend_{stream}_{year.replace('/', '_')}"
                path = r["spend"].get(stream)
                value = path.get(year) if path else None
                if value is None:
                    if path is not None and rng.random() < 0.7:
                        word = rng.choice(["n/a", "not known", "don't know"])
                        row[column] = (word, word, None)
                    else:
                        row[column] = ("", None, None)
                else:
                    row[column] = (fmt_money(rng, value), value, '"£"#,##0')
        accuracy = ACCURACY["calculated" if r["calculated"] else "rough"]
        row["spend_accuracy"] = (accuracy, accuracy, None)
        if r["five_year_change"]:
            text = FIVE_YEAR[r["five_year_change"]]
        else:
            text = missing(rng)
        row["five_year_change"] = (text, text or None, None)
        for t in TYPES:
            for c in CLIENTS:
                column = f"breakdown_{t}_{c}"
                value = r["breakdown"].get((t, c))
                if value is None or (value == 0 and rng.random() < 0.4):
                    if value is None and r["breakdown"] and rng.random() < 0.15:
                        row[column] = ("-", "-", None)
                    else:
                        row[column] = ("", None, None)
                else:
                    row[column] = (fmt_money(rng, value), value, '"£"#,##0')
        for key in ("breakdown_unable", "collects_job_numbers", "facs_only", "pb_allowed",
                    "pb_amount_known") + tuple(ITEMS):
            text = yes_no(rng, r[key])
            row[key] = (text, text or None, None)
        text = ACCURACY[r["breakdown_accuracy"]] if r["breakdown_accuracy"] else ""
        row["breakdown_accuracy"] = (text, text or None, None)
        # "don't know" in pb_use is the answer unknown (SPEC §12), so not a missing word here.
        text = PB_USE[r["pb_use"]] if r["pb_use"] else rng.choice(["", "", "n/a", "-"])
        row["pb_use"] = (text, text or None, None)
        shares = r["providers"]
        for i, column in enumerate(PROVIDERS):
            share = shares[i] if shares else None
            if share is None:
                word = "" if shares or rng.random() < 0.6 else "no info available"
                row[column] = (word, word or None, None)
                continue
            form = rng.random()
            if form < 0.55:
                row[column] = (f"{share}%", share / 100, "0%")
            elif form < 0.7:
                row[column] = (f"{share} %", share / 100, "0%")
            else:
                row[column] = (str(share), share, None)
        for f in FACTORS:
            rank = r["factors"].get(f)
            row[f] = (str(rank), rank, None) if rank else ("", None, None)
        out.append(row)
    return out


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([PREAMBLE])
        writer.writerow([header(c) for c in COLUMNS])
        for row in rows:
            writer.writerow([row[c][0] for c in COLUMNS])


def header(column):
    if column.startswith("spend_") and column != "spend_accuracy":
        stream = next(s for s in STREAMS if column.startswith(f"spend_{s}_"))
        year = column[len(f"spend_{stream}_"):].replace("_", "/")
        return SPEND_HEADERS[(stream, year)]
    return WORDING.get(column, column)


def write_xlsx(path, rows):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Survey responses"
    sheet.append([PREAMBLE])
    sheet.append([header(c) for c in COLUMNS])
    for line, row in enumerate(rows, start=3):
        for col, column in enumerate(COLUMNS, start=1):
            _, value, number_format = row[column]
            if value is None:
                continue
            cell = sheet.cell(row=line, column=col, value=value)
            if number_format:
                cell.number_format = number_format
    save_workbook(book, path, "Fixtures/survey/make_sample.py")


def save_workbook(book, path, creator):
    """Saves with fixed document properties and ZIP times: the same bytes on every run."""
    import datetime
    stamp = datetime.datetime(2012, 3, 5, 9, 0, 0)
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = creator
    book.save(path)
    fix_zip_times(path)


def fix_zip_times(path):
    """openpyxl stamps each ZIP member, and docProps/core.xml's modified date, with the time
    of writing: rewrite the archive with one fixed time so the workbook is the same bytes on
    every run."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
    members = [(name, re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                             rb"\g<1>2012-03-05T09:00:00Z\g<2>", data)
                if name == "docProps/core.xml" else data) for name, data in members]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2012, 3, 5, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def work_choice(rng, names, responses):
    """Population and Work Choice starts of each area, drawn independently of its spend."""
    rows = []
    for area, name in enumerate(names):
        population = int(round(rng.lognormvariate(12.45, 0.6), -2))
        population = min(max(population, 35_000), 1_150_000)
        rate = rng.uniform(18, 95)
        rows.append((name, population, int(round(population * rate / 100_000))))
    return rows


def main():
    rng = random.Random(SEED)
    names, responses = build_responses(rng)
    answer_questions(rng, responses)
    rows = records(rng, names, responses)
    write_csv(HERE / "sample-99.csv", rows)
    write_xlsx(HERE / "sample-99.xlsx", rows)
    with open(HERE / "work-choice-sample.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["authority", "population", "work_choice_starts"])
        writer.writerows(work_choice(random.Random(SEED + 1), names, responses))


if __name__ == "__main__":
    main()
