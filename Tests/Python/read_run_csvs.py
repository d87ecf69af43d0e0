"""Reads every CSV file of the run directories given on the command line the way users do
(pandas, polars, Python's csv module) and checks that each is a rectangular table:
the csv module sees the same cell count on every row as in the header; pandas and polars
read the same columns and row count with no column shifted into the index; `line` columns
are integers with no missing value. Exits 1 naming the file and the problem; prints one
line per file read. Used by Tests/EndToEndTests/ExternalReaderTests.swift.
"""
import csv
import pathlib
import sys

import pandas as pd
import polars as pl

INTEGER_COLUMNS = {"line", "n"}


def check(path: pathlib.Path) -> list[str]:
    problems = []
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    for number, row in enumerate(body, start=2):
        if len(row) != len(header):
            problems.append(f"record {number} has {len(row)} cells for {len(header)} columns")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(frame.columns) != header:
        problems.append(f"pandas columns {list(frame.columns)} != header {header}")
    if not isinstance(frame.index, pd.RangeIndex):
        problems.append("pandas moved cells into the index (rows wider than the header)")
    if len(frame) != len(body):
        problems.append(f"pandas read {len(frame)} rows, csv {len(body)}")
    typed = pd.read_csv(path)
    try:
        polar = pl.read_csv(path, infer_schema_length=None)
    except Exception as error:  # polars refuses ragged files
        problems.append(f"polars cannot read it: {error}")
        polar = None
    if polar is not None:
        if polar.columns != header:
            problems.append(f"polars columns {polar.columns} != header {header}")
        if polar.height != len(body):
            problems.append(f"polars read {polar.height} rows, csv {len(body)}")
    for column in INTEGER_COLUMNS & set(header):
        if len(body) == 0:
            continue
        if not pd.api.types.is_integer_dtype(typed[column]):
            problems.append(f"pandas reads `{column}` as {typed[column].dtype}, not integers")
        if polar is not None and not polar[column].dtype.is_integer():
            problems.append(f"polars reads `{column}` as {polar[column].dtype}, not integers")
    return problems


def main() -> int:
    failed = False
    for directory in sys.argv[1:]:
        files = sorted(pathlib.Path(directory).rglob("*.csv"))
        if not files:
            print(f"{directory}: no CSV files", file=sys.stderr)
            failed = True
        for path in files:
            problems = check(path)
            name = path.relative_to(directory)
            if problems:
                failed = True
                for problem in problems:
                    print(f"{name}: {problem}", file=sys.stderr)
            else:
                print(f"{name}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
