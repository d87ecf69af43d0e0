#!/usr/bin/env python3
"""Writes the council-shaped returns of Fixtures/council/ (issue 28) and their expected figures.

The same twelve services four ways:

  council-clean.csv         the returns typed cleanly: one row per service, canonical headers
  council-openpyxl.xlsx     as a council sends them (openpyxl 3.1.5): a title block above the
                            header, analysts' short headers (LA, LD, MH, <7 hrs, 7-40 hrs, 40+ hrs,
                            No. of people supported, Total spend), each authority's name in one
                            cell merged down the rows of its services, a hidden helper column
                            `check` holding #DIV/0! (an error cell, t="e") on two rows and a
                            formula whose result is the empty string on one, a Total
                            row, and two footnotes under the table, the second merged across A:F
  council-libreoffice.xlsx  the openpyxl workbook with the helper column and the Total row as
                            formulas, opened and saved by LibreOffice (soffice --convert-to xlsx),
                            which calculates them: #DIV/0! and the sums are LibreOffice's results
  council-excel.csv         Excel for Windows' "CSV UTF-8" of the council sheet, written here as
                            Excel writes it: a byte-order mark, CRLF, every line as wide as the
                            table, the title block, the Total row, the footnotes and lines of
                            bare commas under the table. A CSV export keeps a merged cell's value
                            on its first row only, so the authority is typed on every row here
                            (as an analyst fixes it before exporting)

  council-two-tier.xlsx     (openpyxl) the header on two rows: LA, Service, Total spend and No. of
                            people supported merged down rows 3-4; Client group, Support needed and
                            Job outcomes merged across their columns over LD, MH, <7 hrs, Gained…

expected.json holds the figures of the intended services computed here, independently of vfm
(Python's fractions and statistics on the rows below): n, mean total cost, mean cost per person
and the LD/MH group sizes. Run: `make workbooks` (or this script with openpyxl on the path).
"""
import csv
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from fractions import Fraction

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else HERE

# (authority, service, total_cost, people, ld, mh, phys, lt7, 7to40, 40plus, gained, retained, self_employed)
SERVICES = [
    ("Leeds City Council", "Leeds Job Club", 120000, 60, 40, 10, 5, 20, 25, 15, 10, 5, 1),
    ("Leeds City Council", "Leeds IPS", 250000, 200, 5, 180, 10, 120, 60, 20, 50, 20, 2),
    ("Leeds City Council", "Leeds Work Route", 80000, 40, 30, 5, 2, 10, 20, 10, 6, 4, 0),
    ("Leeds City Council", "Leeds Pathways", 60000, 25, 5, 18, 1, 10, 10, 5, 4, 2, 0),
    ("York Council", "York Step Up", 95000, 50, 35, 10, 3, 15, 25, 10, 9, 3, 1),
    ("York Council", "York Recovery Works", 150000, 120, 4, 100, 6, 80, 30, 10, 30, 10, 0),
    ("York Council", "York Supported Employment", 70000, 30, 25, 2, 1, 5, 15, 10, 5, 5, 0),
    ("Hull City Council", "Hull Mental Health Employment", 180000, 150, 6, 130, 5, 100, 40, 10, 35, 15, 3),
    ("Hull City Council", "Hull Inclusion", 45000, 20, 8, 8, 2, 8, 8, 4, 3, 1, 0),
    ("Hull City Council", "Hull Job Coach", 55000, 22, 18, 2, 1, 4, 10, 8, 4, 2, 0),
    ("Hull City Council", "Hull Works", 90000, 70, 10, 50, 4, 40, 20, 10, 12, 6, 1),
    ("Hull City Council", "Hull Routes", 40000, 15, 12, 1, 1, 3, 6, 6, 2, 1, 0),
]
CANONICAL = ["authority", "service", "total_cost", "people_supported", "clients_ld", "clients_mh",
             "clients_physical_sensory", "support_lt7", "support_7to40", "support_40plus",
             "outcomes_gained", "outcomes_retained", "outcomes_self_employed"]
SHORT = ["LA", "Service", "Total spend", "No. of people supported", "LD", "MH", "Phys/sensory",
         "<7 hrs", "7-40 hrs", "40+ hrs", "Jobs gained", "Jobs retained", "Self employed", "check"]
TITLE = ["Supported employment returns 2012/13 — commissioning team", "Figures as reported by services"]
NOTES = ["Source: council contract monitoring, April 2013", "Note: Hull figures are provisional"]
ERROR_ROWS = {1, 8}  # services whose helper cell is #DIV/0!
BLANK_ROWS = {3}  # services whose helper formula gives the empty string
FIXED_TIME = datetime.datetime(2014, 1, 1)


def clean_csv(path):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CANONICAL)
        writer.writerows(SERVICES)


def excel_csv(path):
    """Excel for Windows, File › Save As › CSV UTF-8: BOM, CRLF, a cell per column on every
    line, bare commas for the formatted rows under the table."""
    width = len(SHORT)
    lines = [[TITLE[0]] + [""] * (width - 1), [TITLE[1]] + [""] * (width - 1), SHORT]
    for index, row in enumerate(SERVICES):
        check = "#DIV/0!" if index in ERROR_ROWS else "" if index in BLANK_ROWS else str(round(row[2] / row[3], 2))
        lines.append([str(v) for v in row] + [check])
    total = ["", "Total"] + [str(sum(r[i] for r in SERVICES)) for i in range(2, len(CANONICAL))] + [""]
    lines.append(total)
    lines += [[""] * width, [NOTES[0]] + [""] * (width - 1), [NOTES[1]] + [""] * (width - 1)]
    lines += [[""] * width] * 3
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(lines)


def titled_book(sheet_title):
    """A workbook with a fixed timestamp whose first sheet has the title in A1."""
    book = openpyxl.Workbook()
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    sheet = book.active
    sheet.title = sheet_title
    sheet["A1"] = TITLE[0]
    sheet["A1"].font = Font(bold=True, size=14)
    return book, sheet


def council_book(formulas):
    book, sheet = titled_book("Returns 2012-13")
    sheet["A2"] = TITLE[1]
    header_row = 4  # row 3 is left blank, as a title block usually is
    for column, name in enumerate(SHORT, start=1):
        sheet.cell(row=header_row, column=column, value=name).font = Font(bold=True)
    first = header_row + 1
    for index, row in enumerate(SERVICES):
        number = first + index
        for column, value in enumerate(row, start=1):
            if column == 1 and index > 0 and SERVICES[index - 1][0] == value:
                continue  # the merge holds the name in its top-left cell only
            sheet.cell(row=number, column=column, value=value)
        check = sheet.cell(row=number, column=len(SHORT))
        if index in ERROR_ROWS:
            check.value = "=C{0}/0".format(number) if formulas else "#DIV/0!"
        elif index in BLANK_ROWS:
            # A formula whose result is the empty string: saved as an empty <v>, not uncalculated.
            check.value = '=IF(D{0}>0,"","none")'.format(number) if formulas else None
        else:
            check.value = "=ROUND(C{0}/D{0},2)".format(number) if formulas else round(row[2] / row[3], 2)
    last = first + len(SERVICES) - 1
    # Each authority's cell merged down its services.
    start = first
    for index in range(1, len(SERVICES) + 1):
        if index == len(SERVICES) or SERVICES[index][0] != SERVICES[start - first][0]:
            if first + index - 1 > start:
                sheet.merge_cells(start_row=start, start_column=1, end_row=first + index - 1, end_column=1)
            start = first + index
    total_row = last + 1
    sheet.cell(row=total_row, column=2, value="Total").font = Font(bold=True)
    for column in range(3, len(CANONICAL) + 1):
        letter = openpyxl.utils.get_column_letter(column)
        value = f"=SUM({letter}{first}:{letter}{last})" if formulas else sum(r[column - 1] for r in SERVICES)
        sheet.cell(row=total_row, column=column, value=value)
    sheet.cell(row=total_row + 2, column=1, value=NOTES[0])
    sheet.cell(row=total_row + 3, column=1, value=NOTES[1])
    sheet.merge_cells(start_row=total_row + 3, start_column=1, end_row=total_row + 3, end_column=6)
    sheet.column_dimensions[openpyxl.utils.get_column_letter(len(SHORT))].hidden = True
    return book


def two_tier_book():
    """The header on two rows: single columns merged down both, group labels merged across
    their columns over the group's own labels on the second row."""
    book, sheet = titled_book("Returns")
    singles = ["LA", "Service", "Total spend", "No. of people supported"]
    groups = [("Client group", ["LD", "MH", "Phys/sensory"]), ("Support needed", ["<7 hrs", "7-40 hrs", "40+ hrs"]),
              ("Job outcomes", ["Gained", "Retained", "Self employed"])]
    for column, name in enumerate(singles, start=1):
        sheet.cell(row=3, column=column, value=name)
        sheet.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    column = len(singles) + 1
    for label, parts in groups:
        sheet.cell(row=3, column=column, value=label)
        sheet.merge_cells(start_row=3, start_column=column, end_row=3, end_column=column + len(parts) - 1)
        for offset, part in enumerate(parts):
            sheet.cell(row=4, column=column + offset, value=part)
        column += len(parts)
    for index, row in enumerate(SERVICES):
        for column, value in enumerate(row, start=1):
            sheet.cell(row=5 + index, column=column, value=value)
    return book


def expected(path):
    """The figures of the intended services, computed here (not by vfm)."""
    n = len(SERVICES)
    mean_cost = Fraction(sum(r[2] for r in SERVICES), n)
    cpp = [Fraction(r[2], r[3]) for r in SERVICES]
    ld = sum(1 for r in SERVICES if Fraction(r[4], r[3]) > Fraction(1, 2))
    mh = sum(1 for r in SERVICES if Fraction(r[5], r[3]) > Fraction(1, 2))
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"n": n, "mean_total_cost": float(mean_cost), "mean_cost_per_person": float(sum(cpp) / n),
                   "ld_services": ld, "mh_services": mh, "total_rows": 1, "note_rows": 2}, handle, indent=2)
        handle.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    clean_csv(os.path.join(OUT, "council-clean.csv"))
    excel_csv(os.path.join(OUT, "council-excel.csv"))
    council_book(formulas=False).save(os.path.join(OUT, "council-openpyxl.xlsx"))
    two_tier_book().save(os.path.join(OUT, "council-two-tier.xlsx"))
    with tempfile.TemporaryDirectory() as scratch:
        source = os.path.join(scratch, "council-libreoffice.xlsx")
        council_book(formulas=True).save(source)
        converted = os.path.join(scratch, "out")
        subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", converted, source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(converted, "council-libreoffice.xlsx"), os.path.join(OUT, "council-libreoffice.xlsx"))
    expected(os.path.join(OUT, "expected.json"))


if __name__ == "__main__":
    main()
