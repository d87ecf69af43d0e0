#!/usr/bin/env python3
"""A messy survey export for the tests of SPEC §12 (standard library only, deterministic).

    python3 Fixtures/survey/make_messy.py

messy-survey.csv: four years (2011/12-2014/15) of the three streams under headers in every
form §11 reads (`2014–15 Social Care`, `FY2013/14`, `Health 2012-2013`, canonical
`spend_health_2011_12`), a UTF-8 BOM and CRLF line ends, a two-line preamble with a blank
line in it, a blank line between records, a quoted newline in a role title (so later lines
shift), an extra `Region` column, only some of the breakdown columns, several responses per
area (two of them give the same stream and year: double counting), a totals row, one record
for each reject rule of §12 (authority-missing, invalid-money, negative-money,
invalid-yes-no, invalid-choice, invalid-rank, invalid-proportion, proportion-above-100,
ragged-row, cell-too-long, total-row), data that trips each flag rule (shares-not-100,
breakdown-mismatch, rank-repeated, multiple-responses, period-change, period-thousands),
blanks, `45 %`, bare proportions, `don't know` (missing, but *unknown* in the personal-budget
use column), curly apostrophes.

messy-survey.xlsx (when openpyxl is importable, as make_sample.py's venv has it): the same
records as a workbook — see `write_xlsx`.

messy-work-choice.csv: population and Work Choice starts for the areas, two of them left
out (unmatched), so with fewer than 40 ranked areas each side is half of them.

Every authority is invented. Expected results: reference_survey.py → expected/messy-survey/.
"""
import csv
import pathlib
import random
import re

from make_sample import save_workbook

HERE = pathlib.Path(__file__).resolve().parent
YEARS = ["2011/12", "2012/13", "2013/14", "2014/15"]

HEADER = [
    ("authority", "Local authority"),
    ("response", "Respondent"),
    ("region", "Region"),
    ("spend_social_care_2011_12", "Social Care budget 2011-12"),
    ("spend_social_care_2012_13", "Social Care 2012/13"),
    ("spend_social_care_2013_14", "social care budget FY2013/14"),
    ("spend_social_care_2014_15", "2014–15 Social Care"),
    ("spend_health_2011_12", "spend_health_2011_12"),
    ("spend_health_2012_13", "Health 2012-2013"),
    ("spend_health_2013_14", "Health budget 2013/14"),
    ("spend_health_2014_15", "HEALTH BUDGET 2014-15"),
    ("spend_combined_2011_12", "Combined 2011/12"),
    ("spend_combined_2012_13", "Combined 2012/13"),
    ("spend_combined_2013_14", "Combined budget 2013/14"),
    ("spend_combined_2014_15", "2014/2015 Combined"),
    ("spend_accuracy", "Spend accuracy"),
    ("five_year_change", "five_year_change"),
    ("breakdown_paid_work_mh", "breakdown_paid_work_mh"),
    ("breakdown_paid_work_ld", "breakdown_paid_work_ld"),
    ("breakdown_paid_work_combined", "breakdown_paid_work_combined"),
    ("breakdown_self_employment_mh", "breakdown_self_employment_mh"),
    ("breakdown_day_service_preparation_ld", "breakdown_day_service_preparation_ld"),
    ("breakdown_volunteering_ld", "breakdown_volunteering_ld"),
    ("breakdown_other_combined", "breakdown_other_combined"),
    ("breakdown_unable", "Unable to supply breakdown"),
    ("breakdown_accuracy", "breakdown_accuracy"),
    ("collects_job_numbers", "Collect data on people supported into employment"),
    ("provider_la", "Local Authority in-house"),
    ("provider_nhs", "NHS Trust"),
    ("provider_private", "Private sector (for profit)"),
    ("provider_voluntary", "Community & Voluntary Sector"),
    ("facs_only", "FACS eligible only"),
    ("pb_allowed", "Clients allowed to spend Personal Budget on employment support"),
    ("pb_use", "Personal Budgets used for employment support"),
    ("pb_amount_known", "Information on Personal Budget spend on employment"),
    ("factor_historical", "Past / historical investment pattern"),
    ("factor_strategy", "Active employment plan or strategy developed within the last 2 years"),
    ("factor_ring_fenced", "Ring fenced, external funding"),
    ("factor_local_evidence", "Applying local evidence or outcome based learning"),
    ("factor_national_policy", "Applying national policy & evidence"),
    ("factor_user_demand", "User-led demand"),
    ("factor_other", "Other"),
    ("collects_eligible", "Numbers assessed as eligible for employment support"),
    ("collects_receiving", "Numbers receiving employment support"),
    ("collects_jobs", "Number of those supported actually gaining (or retaining) paid jobs"),
    ("collects_demographics", "Age / gender / ethnicity of people gaining jobs"),
    ("collects_complexity", "Complexity of disability of people gaining jobs"),
    ("collects_job_details", "Types of job gained / hours worked / amounts earned"),
    ("collects_retention", "Job retention / Career progression"),
    ("collects_support_changes", "Changes in type & cost of employment support for individuals over time"),
    ("collects_other_services", "Resulting changes in individuals' use of other services"),
]
COLUMNS = [c for c, _ in HEADER]
ITEMS = [c for c in COLUMNS if c.startswith("collects_") and c != "collects_job_numbers"]
FACTORS = [c for c in COLUMNS if c.startswith("factor_")]

AREAS = ["Xelbury District Council", "Quillmarsh County Council", "Zorvale Borough Council",
         "Vennick City Council", "Yarrowquay Council", "Jexholm Metropolitan Borough Council",
         "Qwenby County Council", "Zantford Borough Council", "Vorlmere City Council",
         "Xyston Council", "London Borough of Quarnwick", "Yelsted County Council",
         "Zebbcombe District Council", "Vaskmoor Borough Council", "Jorlby City Council",
         "Qibton Council"]

# Social care per area and year (£; None = not given). Most drift a few per cent a year;
# Zorvale triples in 2014/15 (period-change, above); Vennick wrote 2011/12 in £ thousands
# (period-thousands); Yarrowquay is cut to 0 in 2014/15; Jexholm rolls 2013/14 over
# unchanged; Qwenby starts from 0 in 2013/14.
SOCIAL_CARE = {
    "Xelbury District Council": [412000, 425500, 431000, 418250.5],
    "Quillmarsh County Council": [1250000, 1302000, 1275000, 1240000],
    "Zorvale Borough Council": [220000, 226000, 231000, 693000],
    "Vennick City Council": [305, 318000, 322500, 330000],
    "Yarrowquay Council": [98000, 101000, 87000, 0],
    "Jexholm Metropolitan Borough Council": [640000, 655000, 700000, 700000],
    "Qwenby County Council": [None, 45000, 0, 38000],
    "Zantford Borough Council": [510000, 498000, 505000, 512000],
    "Vorlmere City Council": [275000, 289000, 296000, 281000],
    "Xyston Council": [160000, 171000, 168000, 175500],
    "London Borough of Quarnwick": [880000, 902000, 915000, 899000],
    "Yelsted County Council": [330000, 345000, 352000, 361000],
}
HEALTH = {
    "Xelbury District Council": [150000, 148000, 152000, 149000],
    "Quillmarsh County Council": [420000, 455000, 430000, 415000],
    "Vorlmere City Council": [80000, 84000, 86000, 40000],
    "Xyston Council": [60000, 61000, 63500, 64000],
    "Zebbcombe District Council": [210000, 220000, 219000, 226000],
    "Vaskmoor Borough Council": [95000, 97000, 99000, 101000],
    "Yelsted County Council": [None, 130000, 128000, 128000],
}
COMBINED = {
    "Jorlby City Council": [500000, 520000, 540000, 530000],
    "Qibton Council": [120000, 118000, 125000, 131000],
    "Zebbcombe District Council": [None, None, 60000, 62000],
}


def money(rng, value):
    if value is None:
        return rng.choice(["", "n/a", "don't know", "don’t know", "not known"])
    if isinstance(value, float):
        return f"£{value:,.2f}"
    return rng.choice([f"£{value:,}", f"{value:,}", str(value), f" {value} "])


def base_row(rng, authority, response, region, accuracy):
    row = {c: "" for c in COLUMNS}
    row.update(authority=authority, response=response, region=region, spend_accuracy=accuracy)
    row["five_year_change"] = rng.choice(["More than 5 yrs ago", "more", "The same", "less",
                                          "Less than 5 yrs ago", "", "don't know"])
    row["collects_job_numbers"] = rng.choice(["Yes", "y", "No", "", "x"])
    row["facs_only"] = rng.choice(["Yes", "No", "n", ""])
    row["pb_allowed"] = rng.choice(["Yes", "Yes", "No", ""])
    row["pb_use"] = rng.choice(["We know they are", "We know they’re not", "We don't know either way",
                                "don't know", "unknown", "yes", ""])
    row["pb_amount_known"] = rng.choice(["Yes", "No", "no", ""])
    answered = rng.random() < 0.8
    for item in ITEMS:
        row[item] = rng.choice(["Yes", "yes", "Y", "No", "N", "✓"]) if answered else rng.choice(["", "n/a"])
    ranks = list(range(1, 8))
    rng.shuffle(ranks)
    for factor, rank in zip(FACTORS, ranks):
        row[factor] = str(rank) if rng.random() < 0.75 else ""
    shares = [rng.randint(10, 30) for _ in range(3)]
    shares.append(100 - sum(shares))
    forms = [lambda s: f"{s}%", lambda s: f"{s} %", lambda s: str(s)]
    for column, share in zip(["provider_la", "provider_nhs", "provider_private", "provider_voluntary"], shares):
        row[column] = rng.choice(forms)(share)
    return row


def spend(rng, row, stream, series):
    for year, value in zip(YEARS, series):
        row[f"spend_{stream}_{year.replace('/', '_')}"] = money(rng, value)


def breakdown(row, cells, unable="No", accuracy="More rough estimates"):
    for column, value in cells.items():
        row[f"breakdown_{column}"] = value
    row["breakdown_unable"] = unable
    row["breakdown_accuracy"] = accuracy


def rows(rng):
    calc, rough = "More calculated, accurate figures", "More rough estimates"
    out = []
    regions = ["North East", "North West", "Yorkshire", "East Midlands", "West Midlands",
               "South West", "London", "South East"]
    # One response per area with its social care, some with health too.
    for i, (area, series) in enumerate(SOCIAL_CARE.items()):
        row = base_row(rng, area, rng.choice(["Commissioning Manager", "Head of Commissioning", ""]),
                       regions[i % len(regions)], calc if i % 3 == 0 else rough)
        spend(rng, row, "social_care", series)
        if area in HEALTH and area not in ("Vorlmere City Council", "Xyston Council"):
            spend(rng, row, "health", HEALTH[area])
        out.append(row)
    # Second responses: the NHS side of two areas (health only), one repeating its
    # area's social care for 2013/14 (double counting).
    for area in ("Vorlmere City Council", "Xyston Council"):
        row = base_row(rng, area.upper() if area.startswith("V") else f"  {area} ", "NHS Commissioner",
                       "", calc if area.startswith("X") else rough)
        spend(rng, row, "health", HEALTH[area])
        out.append(row)
    row = base_row(rng, "Zantford  Borough Council", "Joint Commissioner", "West Midlands", rough)
    row["spend_social_care_2013_14"] = "505,000"
    out.append(row)
    for area in ("Zebbcombe District Council", "Vaskmoor Borough Council"):
        row = base_row(rng, area, "CCG lead", "South West", rough)
        spend(rng, row, "health", HEALTH[area])
        if area in COMBINED:
            spend(rng, row, "combined", COMBINED[area])
        out.append(row)
    for area in ("Jorlby City Council", "Qibton Council"):
        row = base_row(rng, area, "Joint Commissioning Unit", "North West", calc)
        spend(rng, row, "combined", COMBINED[area])
        out.append(row)
    # A response with no spend at all, answering the other questions.
    out.append(base_row(rng, "Quillmarsh County Council", "Commissioner,\nLearning Disabilities",
                        "East of England", rough))

    by_name = {r["authority"].strip(): r for r in out if r["response"] != "Commissioner,\nLearning Disabilities"}
    # Breakdowns: matching the response's 2013/14 spend, one of them 40% short (mismatch),
    # one "unable", one left blank.
    breakdown(by_name["Xelbury District Council"],  # 431000 + 152000 = 583000
              {"paid_work_mh": "£150,000", "paid_work_ld": "120000", "self_employment_mh": "8,000",
               "day_service_preparation_ld": "205000", "volunteering_ld": "0", "other_combined": "100000"},
              accuracy=calc)
    breakdown(by_name["Zantford Borough Council"],  # 505000, breakdown 303000
              {"paid_work_combined": "203000", "other_combined": "100,000"})
    breakdown(by_name["Jorlby City Council"],  # 540000
              {"paid_work_combined": "£270,000", "other_combined": "250000", "volunteering_ld": "20000",
               "paid_work_mh": "-"})
    breakdown(by_name["Yelsted County Council"],  # 352000 + 128000 = 480000
              {"paid_work_mh": "100000", "paid_work_ld": "140000", "day_service_preparation_ld": "160,000",
               "volunteering_ld": "50000", "self_employment_mh": "30000"}, unable="", accuracy=calc)
    breakdown(by_name["Vaskmoor Borough Council"], {}, unable="Yes")
    by_name["Vaskmoor Borough Council"]["breakdown_accuracy"] = ""
    # Personal-budget users, so the pb_users subset has members with breakdowns.
    for name in ("Xelbury District Council", "Jorlby City Council"):
        by_name[name]["pb_use"] = "We know they are"
        by_name[name]["pb_allowed"] = "Yes"
    # Provider shares that do not add up (80%); a repeated rank.
    row = by_name["Qibton Council"]
    row.update(provider_la="50%", provider_nhs="20 %", provider_private="10", provider_voluntary="")
    row = by_name["London Borough of Quarnwick"]
    row.update(factor_historical="1", factor_strategy="1", factor_ring_fenced="", factor_local_evidence="3")
    return out


def rejects(rng, width):
    """One record per reject rule (and a totals row), as (label, cells)."""
    out = []

    def bad(**cells):
        row = base_row(rng, "Vaskmoor Borough Council", "Deputy Commissioner", "South West",
                       "More rough estimates")
        row["spend_social_care_2013_14"] = "54000"
        row.update(cells)
        return [row[c] for c in COLUMNS]

    out.append(bad(authority="n/a"))                                # authority-missing
    out.append(bad(spend_social_care_2012_13="about £40k"))          # invalid-money
    out.append(bad(spend_health_2014_15="-5,000"))                   # negative-money
    out.append(bad(facs_only="maybe"))                               # invalid-yes-no
    out.append(bad(five_year_change="A bit more"))                   # invalid-choice
    out.append(bad(factor_user_demand="8"))                          # invalid-rank
    out.append(bad(provider_nhs="half"))                             # invalid-proportion
    out.append(bad(provider_la="120%"))                              # proportion-above-100
    out.append(bad(pb_use="sometimes"))                              # invalid-choice (pb_use)
    out.append(bad(response="x" * 70_000))                           # cell-too-long
    out.append(bad()[:width - 3])                                    # ragged-row
    return out


def total_row(records):
    row = {c: "" for c in COLUMNS}
    row["authority"] = "Total"
    for year in YEARS:
        column = f"spend_social_care_{year.replace('/', '_')}"
        row[column] = str(sum(v[YEARS.index(year)] or 0 for v in SOCIAL_CARE.values()))
    return [row[c] for c in COLUMNS]


NUMBER = re.compile(r"^\s*\d+(\.\d+)?\s*$")
PERCENT = re.compile(r"^(\d+)%$")


def write_xlsx(path, lines):
    """The same records as a council's workbook holds them (openpyxl 3.1.5): plain numbers
    as number cells (money with a £ format), `45%` as 0.45 in a percent-formatted cell,
    text (`£1,250,000`, `45 %`, missing words) as text. Two records cannot be written to a
    workbook and are left out: the ragged row (a short row is only a row with empty cells)
    and the cell over 64 KiB (a cell holds at most 32,767 characters; openpyxl cuts it
    there). So the workbook gives the CSV's tables, areas and flags, and two fewer rejects.
    Blank lines are empty rows; the quoted newline is a newline inside one cell (its row
    number is the only line it has)."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Returns"
    sheet.append(["Employment support spending survey - export of returns (SYNTHETIC test file)"])
    sheet.append([])
    sheet.append(["Figures as returned by commissioners; not checked"])
    sheet.append([label for _, label in HEADER])
    row = 4
    for line in lines:
        if line and (len(line) != len(COLUMNS) or any(len(text) > 32_767 for text in line)):
            continue
        row += 1
        for col, text in enumerate(line, start=1):
            if text == "":
                continue
            cell = sheet.cell(row=row, column=col)
            if NUMBER.match(text):
                number = float(text) if "." in text else int(text)
                cell.value = number
                if COLUMNS[col - 1].startswith(("spend_", "breakdown_")):
                    cell.number_format = '"£"#,##0'
            elif PERCENT.match(text):
                cell.value = int(PERCENT.match(text).group(1)) / 100
                cell.number_format = "0%"
            else:
                cell.value = text
    save_workbook(book, path, "Fixtures/survey/make_messy.py")


def main():
    rng = random.Random(20130401)
    good = rows(rng)
    records = [[r[c] for c in COLUMNS] for r in good]
    bad = rejects(rng, len(COLUMNS))
    # Interleave: rejects among the good rows, the totals row near the end, a blank line.
    lines = []
    for i, record in enumerate(records):
        lines.append(record)
        if i % 2 == 1 and bad:
            lines.append(bad.pop(0))
    lines += bad
    lines.insert(9, [])
    lines.append(total_row(records))
    with open(HERE / "messy-survey.csv", "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["Employment support spending survey - export of returns (SYNTHETIC test file)"])
        handle.write("\r\n")
        writer.writerow(["Figures as returned by commissioners; not checked", "", ""])
        writer.writerow([label for _, label in HEADER])
        for line in lines:
            if line:
                writer.writerow(line)
            else:
                handle.write("\r\n")
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print("openpyxl not found: messy-survey.xlsx not rewritten")
    else:
        write_xlsx(HERE / "messy-survey.xlsx", lines)
    with open(HERE / "messy-work-choice.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["authority", "population", "work_choice_starts"])
        wc = random.Random(7)
        for area in AREAS:
            if area in ("Qibton Council", "Yarrowquay Council"):
                continue  # unmatched in the run
            population = wc.randrange(90_000, 900_000, 100)
            writer.writerow([area, population, round(population * wc.uniform(20, 90) / 100_000)])


if __name__ == "__main__":
    main()
