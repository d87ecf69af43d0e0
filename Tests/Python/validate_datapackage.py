"""Checks the datapackage.json of each run directory given on the command line the way
its users would use it (SPEC §13):

- every CSV file of the run is a resource of the package, and every field has a
  description;
- `frictionless validate` passes on the package (types, missing values, primary and
  foreign keys, the header against the fields);
- DuckDB reads every table with the declared types (no type sniffing) and finds as many
  rows as Python's csv module.

Exits 1 naming the run, the file and the problem; prints one line per table read.
Used by Tests/EndToEndTests/ExternalReaderTests+DataPackage.swift.
"""
import csv
import json
import pathlib
import subprocess
import sys

import duckdb

DUCKDB_TYPES = {"string": "VARCHAR", "number": "DOUBLE", "integer": "BIGINT", "boolean": "BOOLEAN"}


def sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def described(directory: pathlib.Path, package: dict) -> list[str]:
    """Every CSV is a resource, every resource a CSV of the run, every field described."""
    problems = []
    paths = [resource["path"] for resource in package["resources"]]
    on_disk = sorted(str(path.relative_to(directory)) for path in directory.rglob("*.csv"))
    if sorted(paths) != on_disk:
        problems.append(f"resources {sorted(paths)} != CSV files {on_disk}")
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            if not field.get("description"):
                problems.append(f"{resource['path']}: field `{field['name']}` has no description")
    return problems


def frictionless_validate(directory: pathlib.Path) -> list[str]:
    executable = pathlib.Path(sys.executable).parent / "frictionless"
    result = subprocess.run([str(executable), "validate", "--json", "datapackage.json"], cwd=directory,
                            capture_output=True, text=True)
    if result.returncode == 0:
        return []
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [f"frictionless validate failed: {result.stdout[-2000:]} {result.stderr[-2000:]}"]
    problems = [f"frictionless: {error.get('message')}" for error in report.get("errors", [])]
    for task in report.get("tasks", []):
        for error in task.get("errors", [])[:10]:
            problems.append(f"frictionless: {task.get('name')}: {error.get('message')}")
    return problems or [f"frictionless validate exited {result.returncode}"]


def duckdb_read(directory: pathlib.Path, resource: dict) -> list[str]:
    path = directory / resource["path"]
    columns = ", ".join(f"{sql_string(field['name'])}: {sql_string(DUCKDB_TYPES[field['type']])}"
                        for field in resource["schema"]["fields"])
    query = (f"SELECT count(*) FROM read_csv({sql_string(str(path))}, header = true, auto_detect = false, "
             f"delim = ',', quote = '\"', escape = '\"', nullstr = '', columns = {{{columns}}})")
    try:
        ((rows,),) = duckdb.sql(query).fetchall()
    except duckdb.Error as error:
        return [f"{resource['path']}: DuckDB cannot read it with the declared types: {error}"]
    with path.open(newline="", encoding="utf-8") as handle:
        expected = sum(1 for _ in csv.reader(handle)) - 1
    if rows != expected:
        return [f"{resource['path']}: DuckDB read {rows} rows, csv {expected}"]
    return []


def main() -> int:
    failed = False
    for argument in sys.argv[1:]:
        directory = pathlib.Path(argument)
        package = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
        problems = described(directory, package) + frictionless_validate(directory)
        for resource in package["resources"]:
            table_problems = duckdb_read(directory, resource)
            problems += table_problems
            if not table_problems:
                print(f"{resource['path']}: read by DuckDB with the declared types")
        if problems:
            failed = True
            for problem in problems:
                print(f"{directory}: {problem}", file=sys.stderr)
        else:
            print(f"{directory}: frictionless validate: valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
