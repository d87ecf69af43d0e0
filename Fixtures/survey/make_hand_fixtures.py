"""Writes the survey pipeline's own small test fixtures (synthetic, made up; not the study's data):

- hand-12.csv: 12 responses from 11 areas (Leeds answers twice) under the questionnaire's own
  header wordings (Appendix 1), a title row above the header, then a totals row, a row with
  no authority, a negative budget, an answer that is none of the choices and a ragged row —
  one of each reject rule the file shows;
- hand-12-reference.csv: a made-up Work Choice table for its areas;
- hand-12.xlsx (only when openpyxl is installed): the same responses as a workbook, numbers
  stored as numbers and the provider shares as percent-formatted cells (their fractions),
  so that the CSV and the workbook must give the same tables.

Re-run: .build/survey-venv/bin/python Fixtures/survey/make_hand_fixtures.py
(the venv: python3 -m venv .build/survey-venv && .build/survey-venv/bin/pip install openpyxl)
"""
import csv
import io
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
TYPES = ["paid_work", "self_employment", "college", "day_service_preparation", "volunteering", "unpaid_work", "other"]
CLIENTS = ["mh", "ld", "other", "combined"]
PROVIDERS = ["Local Authority in-house", "NHS Trust", "Private sector (for profit)", "Community & Voluntary Sector"]
HEADER = (["Authority Name", "Role title",
           "Social Care budget 2010-11", "Social Care budget 2011-12", "Social Care budget 2012-13",
           "2010/11 Health budget", "2011/12 Health budget", "2012/13 Health budget",
           "Combined 2010/11", "Combined 2011/12", "Combined 2012/13", "Spend accuracy", "Five year change"]
          + [f"breakdown_{t}_{c}" for c in CLIENTS for t in TYPES]
          + ["Unable to supply breakdown", "breakdown_accuracy", "Collect data on people supported into employment"]
          + PROVIDERS
          + ["FACS eligible only", "Clients allowed to spend Personal Budget on employment support",
             "Personal Budgets used for employment support", "Information on Personal Budget spend on employment",
             "Past / historical investment pattern",
             "Active employment plan or strategy developed within the last 2 years", "Ring fenced, external funding",
             "Applying local evidence or outcome based learning", "Applying national policy & evidence",
             "User-led demand", "Other",
             "Numbers assessed as eligible for employment support", "Numbers receiving employment support",
             "Number of those supported actually gaining (or retaining) paid jobs",
             "Age / gender / ethnicity of people gaining jobs", "Complexity of disability of people gaining jobs",
             "Types of job gained / hours worked / amounts earned", "Job retention / Career progression",
             "Changes in type & cost of employment support for individuals over time",
             "Resulting changes in individuals' use of other services"])
NAMES = ["Leeds", "York", "Hull", "Bradford", "Wakefield", "Kirklees", "Calderdale", "Barnsley", "Sheffield",
         "Rotherham", "Doncaster", "Leeds"]
FIRST_PROVIDER = HEADER.index(PROVIDERS[0])


def responses():
    random.seed(7)
    rows = []
    for i, name in enumerate(NAMES):
        sc = [random.choice([0, 50000, 120000, 250000, 400000]) for _ in range(3)]
        sc[1] = sc[0] + random.choice([-20000, 0, 30000])
        sc[2] = sc[1] + random.choice([-40000, 0, 20000, -sc[1]])
        sc = [max(0, v) for v in sc]
        he = [random.choice([10000, 30000, 80000]) for _ in range(3)]
        co = ["", "", ""] if i % 3 else [5000, 5000, 0]
        acc = random.choice(["More rough estimates", "More calculated, accurate figures", "calculated"])
        fy = random.choice(["More than 5 yrs ago", "The same", "Less than 5 yrs ago", ""])
        unable = "yes" if i % 4 == 0 else "no"
        bd = []
        for c in CLIENTS:
            for _ in TYPES:
                bd.append("" if unable == "yes" or c == "combined" else random.choice(["", 0, 1000, 5000, 20000]))
        prov = ["60%", "20 %", "10", "10%"] if i % 2 else ["", "", "", ""]
        ranks = list(range(1, 8))
        random.shuffle(ranks)
        if i == 5:
            ranks[1] = ranks[0]
        yn = lambda: random.choice(["Yes", "No", "y", "n", "x", ""])
        row = ([name, f"Commissioner {i + 1}"] + sc + he + co + [acc, fy] + bd
               + [unable, random.choice(["rough", "calculated", ""]), yn()] + prov
               + [yn(), yn(), random.choice(["We know they are", "We know they're not", "We don't know either way",
                                             "don't know", ""]), yn()]
               + ranks + [yn() for _ in range(9)])
        rows.append(row)
    return rows


def main():
    rows = responses()
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["Commissioners' spending survey — hand-made test file (synthetic)"])
    w.writerow(HEADER)
    for r in rows:
        w.writerow(r)
    w.writerow(["Total"] + [""] * (len(HEADER) - 1))
    w.writerow(["", "nobody"] + [""] * (len(HEADER) - 2))
    bad = list(rows[1]); bad[0] = "Selby"; bad[2] = "-5"; w.writerow(bad)
    bad = list(rows[2]); bad[0] = "Ryedale"; bad[11] = "sometimes"; w.writerow(bad)
    w.writerow(["Short", "row"])
    (HERE / "hand-12.csv").write_text(out.getvalue())

    ref = io.StringIO()
    w = csv.writer(ref, lineterminator="\n")
    w.writerow(["authority", "population", "work_choice_starts"])
    for i, n in enumerate(sorted(set(NAMES))):
        w.writerow([n, 200000 + i * 37000, 40 + i * 7])
    (HERE / "hand-12-reference.csv").write_text(ref.getvalue())

    try:
        import openpyxl
    except ImportError:
        print("openpyxl not installed: hand-12.xlsx not written")
        return
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Survey"
    sheet.append(["Commissioners' spending survey — hand-made test file (synthetic)"])
    sheet.append(HEADER)
    for r in rows:
        cells = []
        for index, value in enumerate(r):
            if FIRST_PROVIDER <= index < FIRST_PROVIDER + 4 and value != "":
                cells.append(None)  # set below with a percent format
            elif isinstance(value, int):
                cells.append(value)
            else:
                cells.append(value if value != "" else None)
        sheet.append(cells)
        row = sheet.max_row
        for offset in range(4):
            value = r[FIRST_PROVIDER + offset]
            if value == "":
                continue
            number = int(str(value).rstrip("%").strip())
            cell = sheet.cell(row=row, column=FIRST_PROVIDER + offset + 1)
            if offset == 2:
                cell.value = number  # a bare 10 in an unformatted cell, as the CSV's bare 10
            else:
                cell.value = number / 100
                cell.number_format = "0%"
    book.save(HERE / "hand-12.xlsx")


if __name__ == "__main__":
    main()
