#!/usr/bin/env python3
"""Cross-checks the headline-figure tables of the hand-reviewed expected diffs in
Fixtures/diff/expected/ against the fixture run directories, independently of the Swift
code: for every figure of both runs it decides changed/unchanged (relative tolerance
1e-9), formats old, new, change and relative change by the rules documented in
Sources/RunDiff/PeopleNumbers.swift, and checks that the expected Markdown lists exactly
the changed figures, in file order, with those strings, and the right "N other figures
unchanged" count.

    python3 Fixtures/diff/check_expected.py        # prints one line per file, exit 1 on a mismatch
"""
import csv, math, os, re, sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
MINUS = "\u2212"
MONEY = {"total_cost", "cost_per_person", "cost_per_outcome"}
RATE = {"outcome_rate", "gained_share", "retained_share", "self_employed_share", "ld_share", "mh_share"}
TABLES = [  # (title, file, key columns, [(column, label)])
    ("Support levels of the people supported (study Table 4)", "tables/support_levels.csv", ["group"],
     [("n", "n"), ("share_lt7", "share <7h"), ("share_7to40", "share 7–40h"), ("share_40plus", "share 40h+")]),
    ("Job outcomes (study Table 5)", "tables/outcome_mix.csv", ["group"],
     [("n", "n"), ("outcome_rate_mean", "mean outcome rate"), ("gained_share", "gained share"),
      ("retained_share", "retained share"), ("self_employed_share", "self-employed share"),
      ("gained_per_100", "gained per 100 supported"), ("retained_per_100", "retained per 100 supported"),
      ("self_employed_per_100", "self-employed per 100 supported")]),
    ("Descriptive statistics by group", "tables/descriptives.csv", ["group", "metric"],
     [("n", "n"), ("mean", "mean"), ("sd", "SD"), ("min", "min"), ("median", "median"), ("max", "max"),
      ("band_low", "band low (mean − SD)"), ("band_high", "band high (mean + SD)")]),
    ("Evidence-based services compared with all services (study Table 8)", "tables/bands.csv", ["metric", "group"],
     [("n", "n"), ("min", "min"), ("max", "max"), ("band_low", "band low (mean − SD)"), ("mean", "mean"),
      ("band_high", "band high (mean + SD)")]),
]


def fixed(value, decimals, prefix="", suffix="", plus=False):
    q = Decimal(repr(abs(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = "{:,}".format(q) if decimals else "{:,}".format(int(q))
    sign = ("±" if plus else "") if q == 0 else (MINUS if value < 0 else ("+" if plus else ""))
    return sign + prefix + text + suffix


def scale(table, key, column):
    if column == "n":
        return "count"
    if table.startswith("Job outcomes"):
        return "plain" if column.endswith("_per_100") else "rate"
    if table.startswith("Support"):
        return "rate"
    metric = key[1] if table.startswith("Descriptive") else key[0]
    return "money" if metric in MONEY else "rate" if metric in RATE else "plain"


def show(v, s):
    if v is None:
        return "—"
    if s == "money":
        return fixed(v, 0, "£")
    if s == "rate":
        return fixed(v * 100, 1, suffix="%")
    if s == "count":
        return fixed(v, 0)
    return fixed(v, 0 if abs(v) >= 100 or v == round(v) else 2)


def change(a, b, s):
    if a is None or b is None:
        return "—"
    d = b - a
    if s == "money":
        return fixed(d, 2 if abs(d) < 1 else 0, "£", plus=True)
    if s == "rate":
        return fixed(d * 100, 1, suffix=" pp", plus=True)
    if s == "count":
        return fixed(d, 0, plus=True)
    return fixed(d, 0 if abs(d) >= 100 else 2, plus=True)


def relative(a, b):
    if a is None or b is None or a == 0:
        return "—"
    return fixed((b - a) / abs(a) * 100, 1, suffix="%", plus=True)


def read(run, path, keys):
    with open(os.path.join(HERE, "runs", run, path), newline="", encoding="utf-8") as f:
        return {tuple(r[k] for k in keys): r for r in csv.DictReader(f)}, None


def words(key, keys):
    return [k.replace("_", " ") if c == "metric" else k.replace("&", "&amp;").replace("|", "\\|")
            for k, c in zip(key, keys)]


def expected_rows(old_run, new_run):
    """Per table: (rows for changed figures, unchanged count), both runs' file order."""
    out = {}
    for title, path, keys, columns in TABLES:
        old, _ = read(old_run, path, keys)
        new, _ = read(new_run, path, keys)
        rows, unchanged = [], 0
        order = list(new) + [k for k in old if k not in new]
        for key in order:
            if key not in old or key not in new:
                continue
            for column, label in columns:
                a = float(old[key][column]) if old[key][column] else None
                b = float(new[key][column]) if new[key][column] else None
                same = (a is None and b is None) or (a is not None and b is not None
                                                     and abs(b - a) <= 1e-9 * max(abs(a), abs(b)))
                if same:
                    unchanged += 1
                    continue
                s = scale(title, key, column)
                rows.append("| " + " | ".join(words(key, keys) + [label, show(a, s), show(b, s), change(a, b, s),
                                                                   relative(a, b)]) + " |")
        out[title] = (rows, unchanged)
    return out


def main():
    failures = 0
    for name in sorted(os.listdir(os.path.join(HERE, "expected"))):
        old_run, new_run = name[:-3].split("--")
        text = open(os.path.join(HERE, "expected", name), encoding="utf-8").read()
        for title, (rows, unchanged) in expected_rows(old_run, new_run).items():
            section = re.search(r"^### " + re.escape(title) + r"\n(.*?)(?=^##|\Z)", text, re.S | re.M)
            if not rows:
                continue
            if not section:
                print(f"{name}: section {title!r} missing"); failures += 1; continue
            listed = [l for l in section.group(1).splitlines() if l.startswith("| ") and not l.startswith("| group")
                      and not l.startswith("| metric") and not l.startswith("| ---")]
            if listed != rows:
                failures += 1
                print(f"{name}: {title}: rows differ")
                for a, b in zip(listed + [""] * len(rows), rows + [""] * len(listed)):
                    if a != b:
                        print("  expected file:", a, "\n  recomputed:   ", b)
            count = re.search(r"^(\d[\d,]*) other figures? unchanged\.$", section.group(1), re.M)
            if not count or int(count.group(1).replace(",", "")) != unchanged:
                failures += 1
                print(f"{name}: {title}: unchanged count should be {unchanged}")
        print(f"{name}: checked")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
