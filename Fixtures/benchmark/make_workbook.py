#!/usr/bin/env python3
"""Writes the benchmark's CSV return as an .xlsx workbook with openpyxl (issue 30).

    python3 Fixtures/benchmark/make_workbook.py returns.csv returns.xlsx

The rows are the CSV's (Fixtures/messy/make_benchmark.py), typed as a person filling the
return in a spreadsheet would have them: money (`£263,132`) and counts (`1,234`) as numbers,
the words (`don't know`, `n/a`, `twelve`) and names as text, an empty cell as no cell. The
sheet is written in openpyxl's write-only mode, which writes text as inline strings (7.9 MB
at 10^5 rows, the file issue 30 measured); `make bench` then has LibreOffice convert this
file for the second writer (`soffice --headless --convert-to xlsx`), which writes shared
strings and puts a style on every cell.
"""
import csv
import re
import sys

import openpyxl

NUMBER = re.compile(r"-?£?[0-9][0-9,]*(\.[0-9]+)?")


def typed(cell):
    text = cell.strip()
    if text == "":
        return None
    if NUMBER.fullmatch(text):
        plain = text.replace("£", "").replace(",", "")
        return float(plain) if "." in plain else int(plain)
    return cell


def main():
    source, target = sys.argv[1], sys.argv[2]
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Return")
    with open(source, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle)):
            sheet.append(row if number == 0 else [typed(cell) for cell in row])
    book.save(target)


if __name__ == "__main__":
    main()
