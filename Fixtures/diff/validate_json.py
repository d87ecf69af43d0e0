#!/usr/bin/env python3
"""Validates vfm-diff JSON documents against Fixtures/diff/vfm-diff.schema.json.

Test helper, run by Tests/RunDiffTests with the venv of `make jsonschema-venv`
(python-jsonschema, Draft 2020-12). Prints one line per problem and exits 1 if any.

    python3 Fixtures/diff/validate_json.py SCHEMA DOC.json [DOC.json ...]
"""
import json, sys
import jsonschema


def main(schema_path, paths):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    problems = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            problems += 1
            print("%s: %s: %s" % (path, "/".join(str(p) for p in error.absolute_path), error.message))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
