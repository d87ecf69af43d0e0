#!/usr/bin/env python3
"""Loads the first sheet of an .xlsx workbook with a peer reader, every cell into memory,
for `make bench`'s workbook rows (issue 30; Fixtures/benchmark/bench.sh):

    python load_workbook.py fastexcel|calamine|openpyxl returns.xlsx

- fastexcel: calamine (Rust) behind an Arrow table, `load_sheet(0).to_arrow()`;
- calamine: python-calamine, the sheet as Python lists (`to_python()`);
- openpyxl: read-only mode, pandas' default engine, every row's values as a tuple.
Prints the number of rows read, so a reader that loaded nothing is seen.
"""
import sys


def main():
    reader, path = sys.argv[1], sys.argv[2]
    if reader == "fastexcel":
        import fastexcel
        rows = fastexcel.read_excel(path).load_sheet(0).to_arrow().num_rows
    elif reader == "calamine":
        from python_calamine import CalamineWorkbook
        rows = len(CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python())
    elif reader == "openpyxl":
        import openpyxl
        book = openpyxl.load_workbook(path, read_only=True)
        rows = len(list(book.worksheets[0].iter_rows(values_only=True)))
        book.close()
    else:
        sys.exit(f"load_workbook.py: unknown reader `{reader}`")
    print(rows)


if __name__ == "__main__":
    main()
