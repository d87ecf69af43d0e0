#!/usr/bin/env python3
"""Fills in the return template `vfm template` writes, as a service would (issue 28).

  fill_template.py TEMPLATE.xlsx OUTDIR

writes OUTDIR/template-openpyxl.xlsx (openpyxl 3.1.5 opens the template, types three
services of make_council.py's SERVICES under its header and saves it) and
OUTDIR/template-libreoffice.xlsx (that workbook opened and saved by LibreOffice,
soffice --headless --convert-to xlsx). `vfm run` reads both back as the first three rows of
council-clean.csv (Tests/EndToEndTests/TemplateCommandTests.swift).
"""
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_council import CANONICAL, SERVICES  # noqa: E402


def main():
    template, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    book = openpyxl.load_workbook(template)
    sheet = book["Return"]
    headers = [cell.value for cell in sheet[1]]
    for number, service in enumerate(SERVICES[:3], start=2):
        for name, value in zip(CANONICAL, service):
            sheet.cell(row=number, column=headers.index(name) + 1, value=value)
        sheet.cell(row=number, column=headers.index("outcomes_total") + 1, value=sum(service[10:13]))
    filled = os.path.join(out, "template-openpyxl.xlsx")
    book.save(filled)
    with tempfile.TemporaryDirectory() as scratch:
        source = os.path.join(scratch, "template-libreoffice.xlsx")
        shutil.copy(filled, source)
        converted = os.path.join(scratch, "out")
        subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", converted, source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(converted, "template-libreoffice.xlsx"), os.path.join(out, "template-libreoffice.xlsx"))


if __name__ == "__main__":
    main()
