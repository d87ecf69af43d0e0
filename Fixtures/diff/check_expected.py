#!/usr/bin/env python3
"""Cross-checks the findings tables of the hand-reviewed expected diffs in
Fixtures/diff/expected/ against the fixture run directories, independently of the Swift
code: for every figure of both runs it prints old and new by the report's rules (SPEC §7,
as Sources/Reporting/HumanNumbers.swift documents them: £ whole pounds, whole
percentages, whole counts, r to two decimals; round half away from zero; U+2212 minus),
calls a figure changed when those texts differ (vfm-diff's default threshold), formats
the change and relative change, and checks that the expected Markdown lists exactly the
changed figures, in file order, with those strings, and the right "N other figures
unchanged" count.

    python3 Fixtures/diff/check_expected.py        # prints one line per file, exit 1 on a mismatch
"""
import csv, math, os, re, sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
MINUS = "\u2212"
MONEY = {"total_cost", "cost_per_person", "cost_per_outcome"}
RATE = {"outcome_rate", "gained_share", "retained_share", "self_employed_share", "ld_share", "mh_share"}
WHOLE = {"people_supported", "job_outcomes"}
TABLES = [  # (title, file, key columns, [(column, label)])
    ("Support levels of the people supported (study Table 4)", "tables/support_levels.csv", ["group"],
     [("n", "n"), ("share_lt7", "share <7h"), ("share_7to40", "share 7–40h"), ("share_40plus", "share 40h+")]),
    ("Job outcomes (study Table 5)", "tables/outcome_mix.csv", ["group"],
     [("n", "n"), ("outcome_rate_mean", "mean outcome rate"), ("gained_share", "gained share"),
      ("retained_share", "retained share"), ("self_employed_share", "self-employed share"),
      ("gained_per_100", "gained per 100 supported"), ("retained_per_100", "retained per 100 supported"),
      ("self_employed_per_100", "self-employed per 100 supported")]),
    ("Descriptive statistics by group", "tables/descriptives.csv", ["group", "metric"],
     [("n", "n"), ("mean", "mean"), ("sd", "SD"), ("min", "min"), ("median", "median"), ("max", "max")]),
    # Table 8's n, min, max and mean are the descriptives'; only its band edges are listed here.
    ("Evidence-based services compared with all services (study Table 8)", "tables/bands.csv", ["group", "metric"],
     [("band_low", "band low (mean − SD)"), ("band_high", "band high (mean + SD)")]),
    ("Trend lines", "tables/trend_lines.csv", ["group", "x", "y"],
     [("n", "n"), ("intercept", "intercept"), ("slope", "slope")]),
    ("What a budget buys (value for money)", "tables/value_for_money.csv", ["group"],
     [("n", "n"), ("total_cost", "total cost"), ("job_outcomes", "job outcomes"),
      ("pooled_cost_per_outcome", "pooled cost per job outcome"), ("mean_cost_per_outcome", "mean cost per job outcome"),
      ("outcomes_per_100k", "job outcomes per £100,000"), ("ci_low", "95% CI low"), ("ci_high", "95% CI high")]),
    ("Scenarios", "tables/scenarios.csv", ["group", "scenario", "kind", "quantity"],
     [("value", "value"), ("ci_low", "95% CI low"), ("ci_high", "95% CI high")]),
]


def fixed(value, decimals):
    """|value| to `decimals` places, half away from zero, thousands separated."""
    q = Decimal(repr(abs(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return "{:,}".format(q) if decimals else "{:,}".format(int(q))


def signed(value, decimals):
    text = fixed(value, decimals)
    zero = fixed(0.0, decimals)
    return (MINUS if value < 0 and text != zero else "") + text


def scale(table, key, column):
    """("money"|"percent"|"whole"|decimals as int) as the report prints the figure."""
    if column == "n":
        return "whole"
    def metric(m):
        return "money" if m in MONEY else "percent" if m in RATE else "whole" if m in WHOLE else 2
    if table.startswith("Job outcomes"):
        return "whole" if column.endswith("_per_100") else "percent"
    if table.startswith("Support"):
        return "percent"
    if table.startswith("Descriptive") or table.startswith("Evidence"):
        return metric(key[1])
    if table == "Trend lines":
        return metric(key[2]) if column == "intercept" else 2
    if table.startswith("What a budget"):
        return {"total_cost": "money", "pooled_cost_per_outcome": "money", "mean_cost_per_outcome": "money",
                "job_outcomes": "whole"}.get(column, 1)
    return "money" if key[3] in ("moved_spend", "saving_per_outcome") else 1


def show(v, s):
    if v is None:
        return "—"
    if s == "money":
        return (MINUS if v < 0 and fixed(v, 0) != "0" else "") + "£" + fixed(v, 0)
    if s == "percent":
        return signed(v * 100, 0) + "%"
    if s == "whole":
        return signed(v, 0)
    return signed(v, s)


def printed(v, s):
    """The figure as printed, as an exact decimal in the printed units (percent: points)."""
    places = s if isinstance(s, int) else 0
    x = Decimal(repr(v * 100 if s == "percent" else v))
    q = abs(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return -q if x < 0 else q


def change(a, b, s):
    if a is None or b is None:
        return "—"
    if show(a, s) != show(b, s):
        # The difference of the printed figures, so that the row reads true (0 → 1: +1).
        d = printed(b, s) - printed(a, s)
        sign = "+" if d > 0 else MINUS if d < 0 else "±"
        places = s if isinstance(s, int) else 0
        if s == "percent":
            return sign + fixed(float(abs(d)), 0) + " pp"
        return sign + ("£" if s == "money" else "") + fixed(float(abs(d)), places)
    d = b - a
    sign = "+" if d > 0 else MINUS if d < 0 else "±"
    if s == "percent":
        points = fixed(d * 100, 0)
        return sign + (fixed(d * 100, 2) if points == "0" else points) + " pp"
    places = s if isinstance(s, int) else 0
    shown = fixed(d, places)
    if shown == fixed(0.0, places):
        return sign + ("£" if s == "money" else "") + fixed(d, places + 2)
    return sign + ("£" if s == "money" else "") + shown


def relative(a, b):
    if a is None or b is None or a == 0:
        return "—"
    r = (b - a) / abs(a) * 100
    sign = "+" if r > 0 else MINUS if r < 0 else "±"
    shown = fixed(r, 1)
    return sign + ("<0.1" if shown == "0.0" and r != 0 else shown) + "%"


def read(run, path, keys):
    full = os.path.join(HERE, "runs", run, path)
    if not os.path.exists(full):
        return {}, None
    with open(full, newline="", encoding="utf-8") as f:
        return {tuple(r[k] for k in keys): r for r in csv.DictReader(f)}, None


def md_escape(text):
    """What the diff's Markdown escaper does to the key values these fixtures hold: `|`
    always, `_` unless it sits inside a word, `&` only before what could be an entity."""
    out = []
    for i, ch in enumerate(text):
        if ch == "|":
            out.append("\\|")
        elif ch == "_":
            j, k = i, i
            while j > 0 and text[j - 1] == "_": j -= 1
            while k + 1 < len(text) and text[k + 1] == "_": k += 1
            inside = j > 0 and k + 1 < len(text) and text[j - 1].isalnum() and text[k + 1].isalnum()
            out.append("_" if inside else "\\_")
        elif ch == "&" and re.match(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z0-9]+);", text[i:]):
            out.append("&amp;")
        else:
            out.append(ch)
    return "".join(out)


def words(key, keys):
    return [md_escape(k.replace("_", " ")) if c in ("metric", "x", "y") else md_escape(k)
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
            # A row on fewer than 10 services in either run carries a dagger (issue 29).
            # (Only tables that compare n themselves: Table 8's bands leave n to the descriptives.)
            ns = [float(r[key]["n"]) for r in (old, new) if r[key].get("n")] if "n" in dict(columns) else []
            dagger = " †" if any(0 < n < 10 for n in ns) else ""
            for column, label in columns:
                a = float(old[key][column]) if old[key][column] else None
                b = float(new[key][column]) if new[key][column] else None
                s = scale(title, key, column)
                if (a is None) == (b is None) and show(a, s) == show(b, s):
                    unchanged += 1
                    continue
                rows.append("| " + " | ".join(words(key, keys) + [label + dagger, show(a, s), show(b, s), change(a, b, s),
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
