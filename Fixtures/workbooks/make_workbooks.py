#!/usr/bin/env python3
"""Writes the .xlsx test fixtures of Fixtures/workbooks/ (issue 15, SPEC §4).

The same returns are written as CSV (`returns.csv`, the reference) and as workbooks by
two independent writers, so that the tests can assert that a CSV and a workbook of the
same return give byte-identical tables and clean/services.csv:

  openpyxl-return.xlsx      openpyxl: a notes sheet before the data sheet, a title row and
                            a note above the header, money as numbers with a £ format,
                            percent-formatted breakdowns, empty cells, a boolean column
  libreoffice-return.xlsx   LibreOffice (soffice --headless --convert-to xlsx) of an
                            openpyxl workbook whose outcomes_total and total_cost are
                            formulas: LibreOffice calculates and stores their results
  sample-70-libreoffice.xlsx  LibreOffice's conversion of Fixtures/returns/sample-70.csv
  handwritten-inline.xlsx   a minimal package written here by hand (ECMA-376): `x:`
                            prefixed elements, inline strings, cells without `r`, a gap in
                            the cell references, booleans, formula string results, an
                            error value
  formulas-no-cache.xlsx    openpyxl formulas, which openpyxl cannot calculate: no saved
                            result (read as empty, with a warning)

and workbooks that must fail (errors/): a legacy .xls and an .ods (LibreOffice), an
encrypted .xlsx (msoffcrypto-tool, password "secret"), a truncated archive, a part whose
declared size is 3 GiB (refused before inflating), a part whose declared size lies
(inflated size counted), a damaged worksheet, a workbook with no header row, and a text
file named .xlsx.

Run: `make workbooks` (installs openpyxl and msoffcrypto-tool into .build/fixtures-venv and
LibreOffice's libreoffice-calc-nogui when missing). `make check-workbooks` regenerates them
into a scratch directory and checks that vfm reads the same rows from both (the bytes of
a workbook differ between runs: LibreOffice stamps the time into docProps/core.xml).
"""
import csv
import datetime
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

import msoffcrypto
from msoffcrypto.format.ooxml import OOXMLFile
import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

HEADER = ["authority", "service", "period", "evidence_based", "total_cost", "people_supported",
          "clients_ld", "clients_mh", "support_lt7", "support_7to40", "support_40plus",
          "outcomes_gained", "outcomes_retained", "outcomes_self_employed", "outcomes_total",
          "region", "checked"]
PERCENT_COLUMNS = {"clients_ld", "clients_mh", "support_lt7", "support_7to40", "support_40plus",
                   "outcomes_gained", "outcomes_retained", "outcomes_self_employed"}


class Pct:
    """A percentage: written `text` in the CSV, stored as `value` with a percent format."""

    def __init__(self, text, value, fmt):
        self.text, self.value, self.fmt = text, value, fmt


class Money:
    """Money: written `text` in the CSV (as a spreadsheet displays it), stored as `value`."""

    def __init__(self, text, value):
        self.text, self.value = text, value


# Eleven returns. Row 10 (120%) is rejected in every format; the rest are accepted.
ROWS = [
    ["Ynys Môn County Council", "Môn Supported Employment", "2012/13", "ips-fidelity", Money("£263,132", 263132),
     198, 20, 150, None, None, None, 30, 20, 2, 52, "Wales", True],
    ["Ambleford MBC", "Ambleford Job Retention, \"Plus\"", "2012/13", "no", Money("£1,730.50", 1730.5),
     37, Pct("73.72%", 0.7372, "0.00%"), Pct("10%", 0.1, "0%"), None, None, None, 5, 4, 0, 9, "London", False],
    ["Barrow Council", "Barrow Work Prep", "2012/13", "observed-good-practice", Money("£98,765.43", 98765.43),
     120, Pct("45%", 0.45, "0%"), Pct("50%", 0.5, "0%"), Pct("57%", 0.57, "0%"), Pct("39%", 0.39, "0%"),
     Pct("4%", 0.04, "0%"), Pct("61%", 0.61, "0%"), Pct("36%", 0.36, "0%"), Pct("3%", 0.03, "0%"), 40,
     "North West", True],
    ["Carden Borough", "Carden IPS", "2011/12", "IPS-Fidelity", Money("£102,846", 102846),
     281, 2, 248, 136, 120, 25, 49, 20, 11, 80, None, False],
    ["Dunmore District", "Dunmore Pathways", None, "n/a", Money("£0", 0),
     0, None, None, None, None, None, 0, 0, 0, 0, "South", None],
    ["Elmsford Council", "Elmsford Inclusion", "2012/13", None, Money("£412,000", 412000),
     510, 100, 300, 200, 250, 60, 90, 70, 5, 165, "North East", True],
    ["Fenwick County", "Fenwick Job Coach", "2012/13", "no", Money("£57,640", 57640),
     12, 12, None, None, None, None, 1, None, None, 1, "Midlands", True],
    ["Garth Council", "Garth Employment Team", "2012/13", "no", Money("£1,234,567.89", 1234567.89),
     999, Pct("0.5%", 0.005, "0.0%"), Pct("99.5%", 0.995, "0.0%"), None, None, None, 200, 150, 10, 360, "Scotland",
     False],
    ["Hale Borough", "Hale Supported Work", "2012/13", "no", Money("£75,000", 75000),
     150, 80, 60, 90, 50, 10, 20, 25, 0, 45, "London", True],
    ["Inver Council", "Inver Over-claimed", "2012/13", "no", Money("£10,000", 10000),
     50, Pct("120%", 1.2, "0%"), 10, None, None, None, 5, 5, 0, 10, "Scotland", False],
    ["Jura District", "Jura Works", "2012/13", "no", Money("£8,217", 8217),
     1, 1, None, None, None, None, 1, 0, 0, 1, "Scotland", True],
]


def csv_text(value):
    if value is None:
        return ""
    if isinstance(value, (Pct, Money)):
        return value.text
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def write_csv(path):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        for row in ROWS:
            writer.writerow([csv_text(v) for v in row])


FIXED_TIME = datetime.datetime(2014, 1, 1)


def data_workbook(formulas=False, cache_free_formulas=False):
    """The returns as an openpyxl workbook: Notes sheet, then the Return sheet with a title
    row and a note above the header on row 3."""
    book = openpyxl.Workbook()
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    notes = book.active
    notes.title = "Notes"
    notes["A1"] = "About this return"
    notes["A1"].font = Font(bold=True)
    notes["A2"] = "Fill in one row per service. Percentages are of people supported."
    notes["A3"] = "Contact: commissioning team"
    sheet = book.create_sheet("Return")
    sheet["A1"] = "Employment support return — 2012/13"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "Figures as reported by the services; see Notes"
    sheet.append([])  # openpyxl appends after the last row: make the header row 3 exactly
    for column, name in enumerate(HEADER, start=1):
        sheet.cell(row=3, column=column, value=name)
    for index, row in enumerate(ROWS):
        excel_row = 4 + index
        for column, value in enumerate(row, start=1):
            name = HEADER[column - 1]
            cell = sheet.cell(row=excel_row, column=column)
            if value is None:
                continue
            if isinstance(value, Pct):
                cell.value = value.value
                cell.number_format = value.fmt
            elif isinstance(value, Money):
                cell.value = value.value
                cell.number_format = '"£"#,##0.00'
            else:
                cell.value = value
        if formulas or cache_free_formulas:
            # outcomes_total = the sum of the breakdown where all three are numbers.
            letters = {name: openpyxl.utils.get_column_letter(i + 1) for i, name in enumerate(HEADER)}
            g, r, s, t = (letters[n] for n in ("outcomes_gained", "outcomes_retained", "outcomes_self_employed",
                                               "outcomes_total"))
            if all(isinstance(row[HEADER.index(n)], int) for n in ("outcomes_gained", "outcomes_retained",
                                                                    "outcomes_self_employed")):
                sheet[f"{t}{excel_row}"] = f"=SUM({g}{excel_row}:{s}{excel_row})"
            if formulas:
                money = row[HEADER.index("total_cost")]
                cost = sheet[f"{letters['total_cost']}{excel_row}"]
                if money.value == int(money.value) and money.value >= 1000:
                    cost.value = f"={int(money.value) - 1000}+1000"
    return book


def save(book, path):
    book.save(path)


def libreoffice(source, target_format, outdir):
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", target_format, "--outdir", outdir, source],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def handwritten(path):
    """A minimal SpreadsheetML package written by hand: `x:` prefixes, inline strings,
    cells without `r`, a gap, a boolean, a formula string result and an error value."""
    ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

    def istr(text):
        return f'<x:c t="inlineStr"><x:is><x:t>{text}</x:t></x:is></x:c>'

    header = "".join(istr(h) for h in ["authority", "service", "total_cost", "people_supported", "outcomes_total",
                                       "region", "flag", "note"])
    rows = [f'<x:row r="1">{header}</x:row>',
            # r attributes left out; D is given by reference after a gap left at nothing
            '<x:row>' + istr("Kells Council") + istr("Kells &amp; District &lt;Works&gt;") + '<x:c><x:v>5000</x:v></x:c>'
            + '<x:c r="D2"><x:v>25</x:v></x:c><x:c r="E2"><x:v>5</x:v></x:c>'
            + '<x:c r="F2" t="str"><x:f>"North"&amp;"ern"</x:f><x:v>Northern</x:v></x:c>'
            + '<x:c r="G2" t="b"><x:v>1</x:v></x:c><x:c r="H2" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c></x:row>',
            # row 3 is missing entirely (a gap in the row numbers): row 4 follows
            '<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:r><x:t>Lorn</x:t></x:r><x:r><x:t xml:space="preserve"> Council</x:t></x:r></x:is></x:c>'
            + '<x:c r="B4" t="inlineStr"><x:is><x:t>Lorn_x000D_Works</x:t></x:is></x:c>'
            + '<x:c r="C4"><x:v>1.5E3</x:v></x:c><x:c r="D4"><x:v>10</x:v></x:c><x:c r="E4"><x:v>2</x:v></x:c>'
            + '<x:c r="G4" t="b"><x:v>0</x:v></x:c></x:row>',
            '<x:row r="5"><x:c r="A5"/><x:c r="C5" s="0"/></x:row>']
    sheet = f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet {ns}><x:sheetData>{"".join(rows)}</x:sheetData></x:worksheet>'
    workbook = f'<?xml version="1.0" encoding="UTF-8"?><x:workbook {ns}><x:sheets>' \
               '<x:sheet name="Data" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>'
    rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' \
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/sheets/data.xml"/>' \
           '</Relationships>'
    root = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' \
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/book.xml"/>' \
           '</Relationships>'
    types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' \
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' \
            '<Default Extension="xml" ContentType="application/xml"/></Types>'
    write_zip(path, [("[Content_Types].xml", types), ("_rels/.rels", root), ("xl/book.xml", workbook),
                     ("xl/_rels/book.xml.rels", rels), ("xl/sheets/data.xml", sheet)])


def write_zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members:
            info = zipfile.ZipInfo(name, date_time=(2014, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)


def patch_declared_size(source, target, member, size):
    """Copies the archive with `member`'s declared uncompressed size set to `size` in both
    its local header and its central directory entry (the data is untouched)."""
    data = bytearray(open(source, "rb").read())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo(member)
    local = info.header_offset
    assert data[local:local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, size)
    offset = 0
    name = member.encode()
    while True:
        offset = data.find(b"PK\x01\x02", offset)
        assert offset >= 0
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if bytes(data[offset + 46:offset + 46 + name_length]) == name:
            struct.pack_into("<I", data, offset + 24, size)
            break
        offset += 4
    open(target, "wb").write(bytes(data))


def generate(out):
    os.makedirs(os.path.join(out, "errors"), exist_ok=True)
    write_csv(os.path.join(out, "returns.csv"))
    save(data_workbook(), os.path.join(out, "openpyxl-return.xlsx"))
    save(data_workbook(cache_free_formulas=True), os.path.join(out, "formulas-no-cache.xlsx"))
    handwritten(os.path.join(out, "handwritten-inline.xlsx"))
    with tempfile.TemporaryDirectory() as scratch:
        source = os.path.join(scratch, "libreoffice-return.xlsx")
        save(data_workbook(formulas=True), source)
        converted = os.path.join(scratch, "converted")
        libreoffice(source, "xlsx", converted)
        shutil.copy(os.path.join(converted, "libreoffice-return.xlsx"), os.path.join(out, "libreoffice-return.xlsx"))
        sample = os.path.join(scratch, "sample-70-libreoffice.csv")
        shutil.copy(os.path.join(ROOT, "Fixtures", "returns", "sample-70.csv"), sample)
        subprocess.run(["soffice", "--headless", "--norestore", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx",
                        "--outdir", converted, sample], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(converted, "sample-70-libreoffice.xlsx"), os.path.join(out, "sample-70-libreoffice.xlsx"))
        # Error files written by LibreOffice: a legacy .xls and an .ods of the same return.
        small = os.path.join(scratch, "legacy.xlsx")
        save(data_workbook(), small)
        libreoffice(small, "xls", converted)
        shutil.copy(os.path.join(converted, "legacy.xls"), os.path.join(out, "errors", "legacy.xls"))
        libreoffice(small, "ods", converted)
        shutil.copy(os.path.join(converted, "legacy.ods"), os.path.join(out, "errors", "spreadsheet.ods"))
    errors = os.path.join(out, "errors")
    good = os.path.join(out, "openpyxl-return.xlsx")
    with open(good, "rb") as plain, open(os.path.join(errors, "encrypted.xlsx"), "wb") as encrypted:
        office = OOXMLFile(plain)
        office.encrypt("secret", encrypted)
    data = open(good, "rb").read()
    open(os.path.join(errors, "truncated.xlsx"), "wb").write(data[: len(data) // 2])
    patch_declared_size(good, os.path.join(errors, "bomb-declared.xlsx"), "xl/worksheets/sheet2.xml", 3 << 30)
    patch_declared_size(good, os.path.join(errors, "lying-size.xlsx"), "xl/worksheets/sheet2.xml", 100)
    # A worksheet that is not well-formed XML (a row never closed).
    with zipfile.ZipFile(good) as archive:
        members = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
    damaged = [(n, d.replace(b"</row>", b"", 1) if n == "xl/worksheets/sheet2.xml" else d) for n, d in members]
    write_zip(os.path.join(errors, "damaged-sheet.xlsx"), damaged)
    # Two sheets of notes, no header row anywhere.
    book = openpyxl.Workbook()
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.active.title = "Notes"
    book.active["A1"] = "About this return"
    other = book.create_sheet("Figures")
    other.append(["Authority", "Cost"])
    other.append(["Kells", 5000])
    book.save(os.path.join(errors, "no-header.xlsx"))
    open(os.path.join(errors, "not-a-workbook.xlsx"), "w").write("authority,service\nthis is text\n")


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else HERE)
