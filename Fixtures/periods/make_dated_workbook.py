#!/usr/bin/env python3
"""Writes Fixtures/periods/dated-periods.xlsx: a minimal SpreadsheetML package (ECMA-376,
written by hand with zipfile, as Fixtures/workbooks/make_workbooks.py's `handwritten`)
whose `period` cells are dates, as council spreadsheets type them (SPEC §11).

SYNTHETIC DATA. Rows (sheet row: period cell):
  2: 41090 with number format 14 (m/d/yyyy)  = 30 June 2012   -> 2012/13
  3: 41364 with number format 14              = 31 March 2013  -> 2012/13
  4: 41365 with number format 14              = 1 April 2013   -> 2013/14
  5: t="d" 2013-06-30T00:00:00 (ISO 8601)     -> 2013/14
  6: the text 2012-13                          -> 2012/13 (no date warning)
  7: the number 2013 (general format)          -> 2013, a calendar year
Serials as Python's date(1899, 12, 30) + timedelta(n) gives them.
Run: python3 Fixtures/periods/make_dated_workbook.py
"""
import os
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def istr(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def row(number, service, period_cell, cost):
    return (f'<row r="{number}">' + istr(f"A{number}", "Kells Council") + istr(f"B{number}", service) + period_cell
            + f'<c r="D{number}"><v>{cost}</v></c><c r="E{number}"><v>40</v></c><c r="F{number}"><v>10</v></c></row>')


def main():
    header = '<row r="1">' + "".join(istr(f"{col}1", name) for col, name in zip(
        "ABCDEF", ["authority", "service", "period", "total_cost", "people_supported", "outcomes_total"])) + "</row>"
    rows = [header,
            row(2, "June 2012", '<c r="C2" s="1"><v>41090</v></c>', 100000),
            row(3, "March 2013", '<c r="C3" s="1"><v>41364</v></c>', 100000),
            row(4, "April 2013", '<c r="C4" s="1"><v>41365</v></c>', 100000),
            row(5, "ISO date", '<c r="C5" t="d"><v>2013-06-30T00:00:00</v></c>', 100000),
            row(6, "Text label", istr("C6", "2012-13"), 100000),
            row(7, "Calendar", '<c r="C7"><v>2013</v></c>', 100000)]
    sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{"".join(rows)}</sheetData></worksheet>'
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}><cellXfs count="2">'
              '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS}><sheets>'
                '<sheet name="Return" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>')
    root = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/></Types>')
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dated-periods.xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in [("[Content_Types].xml", types), ("_rels/.rels", root), ("xl/workbook.xml", workbook),
                           ("xl/_rels/workbook.xml.rels", rels), ("xl/styles.xml", styles),
                           ("xl/worksheets/sheet1.xml", sheet)]:
            info = zipfile.ZipInfo(name, date_time=(2014, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)


if __name__ == "__main__":
    main()
